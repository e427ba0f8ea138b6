// What editing a customer's addresses and numbers changes: the email and phone identities to add
// and to remove so that the profile holds exactly the ones an advisor wrote. Other kinds (chat,
// social, external) are the channels' and stay as they are.
import { normalizeEmail, normalizePhone, suggestionKey } from "./normalize.ts";

export type EditableKind = "email" | "phone";

export type HeldIdentity = { id: string; kind: string; value: string };

export type WantedIdentity = {
  kind: EditableKind;
  value: string;
  displayValue: string;
  matchKey: string | null;
};

export type IdentityChanges = {
  add: WantedIdentity[];
  remove: string[];
  /** What was written and cannot be an identity of its kind (a phone without enough digits). */
  invalid: Array<{ kind: EditableKind; written: string }>;
};

function normalized(kind: EditableKind, written: string, country: string | null): string | null {
  if (kind === "email") return normalizeEmail(written);
  return normalizePhone(written, country);
}

/**
 * The identities to add and remove for `wanted` (as written, per kind; a kind left undefined is not
 * edited). The same address written twice, in any case or spacing, is one identity; one already
 * held is kept as it is (its verification and flags with it). A national phone number is read in
 * `country` (the brand's).
 */
export function identityChanges(
  held: readonly HeldIdentity[],
  wanted: Partial<Record<EditableKind, readonly string[]>>,
  country: string | null = null,
): IdentityChanges {
  const changes: IdentityChanges = { add: [], remove: [], invalid: [] };
  for (const kind of ["email", "phone"] as const) {
    const written = wanted[kind];
    if (written === undefined) continue;
    const values = new Map<string, string>();
    for (const raw of written) {
      const value = normalized(kind, raw, country);
      if (value === null || value === "") changes.invalid.push({ kind, written: raw });
      else if (!values.has(value)) values.set(value, raw.trim());
    }
    const current = held.filter((i) => i.kind === kind);
    for (const identity of current) {
      if (!values.has(identity.value)) changes.remove.push(identity.id);
    }
    for (const [value, displayValue] of values) {
      if (!current.some((i) => i.value === value)) {
        changes.add.push({ kind, value, displayValue, matchKey: suggestionKey(kind, value) });
      }
    }
  }
  return changes;
}
