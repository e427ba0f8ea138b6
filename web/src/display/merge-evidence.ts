// A merge suggestion in words: its score as a likelihood ("very likely") and each piece of evidence
// as a sentence, in the console's language; and what a merge would move, counted.
import type { TFunction } from "i18next";
import type { MergeEvidence } from "../api/merges.ts";

export type Likelihood = "very_likely" | "likely" | "possible";

/** The score in words: the thresholds match the weights of the rules (one strong piece ≈ 0.7). */
export function likelihoodOf(score: number): Likelihood {
  if (score >= 0.85) return "very_likely";
  if (score >= 0.6) return "likely";
  return "possible";
}

export function evidenceText(t: TFunction, e: MergeEvidence): string {
  switch (e.kind) {
    case "same_phone":
      return t("merge.evidence.same_phone", { phone: e.phone ?? "" });
    case "email_seen":
      return t("merge.evidence.email_seen", { email: e.email ?? "" });
    case "email_variant":
      return t("merge.evidence.email_variant", {
        email: e.email ?? "",
        other: e.other_email ?? "",
      });
    case "same_handle":
      return t("merge.evidence.same_handle", { handle: e.handle ?? "" });
    case "same_name_organisation":
      return t("merge.evidence.same_name_organisation", { name: e.name ?? "" });
    case "same_name_domain":
      return t("merge.evidence.same_name_domain", { name: e.name ?? "", domain: e.domain ?? "" });
  }
}

/** What a merge moves, as the confirmation says it: conversations, messages, addresses, orders and events. */
export function movesText(t: TFunction, moves: Record<string, number>): string {
  return t("merge.moves", {
    conversations: t("merge.count.conversations", { count: moves.conversations ?? 0 }),
    messages: t("merge.count.messages", { count: moves.messages ?? 0 }),
    identities: t("merge.count.identities", { count: moves.customer_identities ?? 0 }),
    orders: t("merge.count.orders", { count: moves.orders ?? 0 }),
    events: t("merge.count.events", { count: moves.events ?? 0 }),
  });
}
