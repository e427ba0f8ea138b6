// The customers that may be the same person as one customer, with the evidence and what a merge
// would move: candidates found through indexed reads (store/queries/identity.ts), weighed by the
// pure rules (domain/identity/merge-suggestions.ts).
import { mergeSuggestions, type Suggestion } from "../../domain/identity/merge-suggestions.ts";
import { suggestionKey } from "../../domain/identity/normalize.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { getCustomer } from "../../store/queries/customers.ts";
import { candidateIdsFor, candidatesOf } from "../../store/queries/identity.ts";
import { referenceCounts } from "./customer-references.ts";

export type SuggestionWithCounts = Suggestion & {
  /** Rows of each table that a merge of this candidate into the customer would move. */
  moves: Record<string, number>;
};

export async function suggestMerges(
  tx: Tx,
  workspaceId: string,
  customerId: string,
): Promise<SuggestionWithCounts[]> {
  const [subject] = await candidatesOf(tx, workspaceId, [customerId]);
  if (!subject) {
    // A merged or erased profile has nothing to suggest; one that does not exist is a 404.
    if (await getCustomer(tx, workspaceId, customerId)) return [];
    throw new DeskError("not_found", "no such customer");
  }
  const keys = subject.identities
    .map((i) => suggestionKey(i.kind, i.value))
    .filter((k): k is string => k !== null);
  const ids = await candidateIdsFor(tx, workspaceId, subject, [...new Set(keys)]);
  const suggestions = mergeSuggestions(subject, await candidatesOf(tx, workspaceId, ids));
  const counts = await referenceCounts(
    tx,
    workspaceId,
    suggestions.map((s) => s.customer.id),
  );
  return suggestions.map((s) => ({ ...s, moves: counts.get(s.customer.id) ?? {} }));
}
