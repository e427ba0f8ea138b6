// Which customers may be the same person as another, and why: each piece of evidence has a weight,
// and the score is the chance that at least one of them is right (1 − Π(1 − weight)). Pure: the
// shell loads the candidates through indexed reads and presents what this returns.

import { suggestionKey } from "./normalize.ts";
import { isSharedMailDomain, mailDomain } from "./shared-mail-domains.ts";

type Pair = { kind: string; value: string };

export type Candidate = {
  id: string;
  name: string;
  organisationId: string | null;
  identities: Pair[];
  /** Identities the customer's messages carried that another customer holds. */
  sightings: Pair[];
};

export type Evidence =
  /** One holds the number, the other's message carried it. */
  | { kind: "same_phone"; phone: string }
  /** One holds the address, the other's message carried it. */
  | { kind: "email_seen"; email: string }
  /** Two addresses that differ by a +tag or, at Gmail, by dots. */
  | { kind: "email_variant"; email: string; other_email: string }
  /** One holds the chat visitor id or social handle, the other's message carried it. */
  | { kind: "same_handle"; handle: string }
  | { kind: "same_name_organisation"; name: string }
  /** Same name and an address at the same domain, not a shared provider's (gmail.com…). */
  | { kind: "same_name_domain"; name: string; domain: string };

export type Suggestion = { customer: Candidate; score: number; evidence: Evidence[] };

const weights: Record<Evidence["kind"], number> = {
  same_phone: 0.7,
  email_seen: 0.7,
  email_variant: 0.6,
  same_handle: 0.7,
  same_name_organisation: 0.5,
  same_name_domain: 0.4,
};

/** At most this many suggestions, the likeliest first. */
export const suggestionLimit = 10;

/** A name compared without case, accents or repeated spaces; too short a name is no evidence. */
export function foldedName(name: string): string | null {
  const folded = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return folded.length >= 3 && folded.includes(" ") ? folded : null;
}

const seenKind = (kind: string) =>
  kind === "phone" ? "same_phone" : kind === "email" ? "email_seen" : "same_handle";

function seenEvidence(holder: Candidate, seer: Candidate, out: Evidence[]) {
  for (const s of seer.sightings) {
    if (!holder.identities.some((i) => i.kind === s.kind && i.value === s.value)) continue;
    const kind = seenKind(s.kind);
    if (kind === "same_phone") out.push({ kind, phone: s.value });
    else if (kind === "email_seen") out.push({ kind, email: s.value });
    else out.push({ kind, handle: s.value });
  }
}

function variantEvidence(a: Candidate, b: Candidate, out: Evidence[]) {
  for (const x of a.identities) {
    const key = suggestionKey(x.kind, x.value);
    if (key === null) continue;
    for (const y of b.identities) {
      if (y.kind === x.kind && y.value !== x.value && suggestionKey(y.kind, y.value) === key) {
        out.push({ kind: "email_variant", email: x.value, other_email: y.value });
      }
    }
  }
}

const privateDomains = (c: Candidate) =>
  new Set(
    c.identities
      .filter((i) => i.kind === "email")
      .map((i) => mailDomain(i.value))
      .filter((d): d is string => d !== null && !isSharedMailDomain(d)),
  );

function nameEvidence(a: Candidate, b: Candidate, out: Evidence[]) {
  const name = foldedName(a.name);
  if (name === null || name !== foldedName(b.name)) return;
  if (a.organisationId !== null && a.organisationId === b.organisationId) {
    out.push({ kind: "same_name_organisation", name: a.name });
    return;
  }
  const theirs = privateDomains(b);
  const domain = [...privateDomains(a)].find((d) => theirs.has(d));
  if (domain) out.push({ kind: "same_name_domain", name: a.name, domain });
}

/** Why `candidate` may be `subject`, nothing when there is no reason. */
export function evidenceBetween(subject: Candidate, candidate: Candidate): Evidence[] {
  const out: Evidence[] = [];
  seenEvidence(subject, candidate, out);
  seenEvidence(candidate, subject, out);
  variantEvidence(subject, candidate, out);
  nameEvidence(subject, candidate, out);
  return out;
}

/** The score of a set of evidence, in [0, 1], to two decimals. */
export function scoreOf(evidence: readonly Evidence[]): number {
  const doubt = evidence.reduce((d, e) => d * (1 - weights[e.kind]), 1);
  return Math.round((1 - doubt) * 100) / 100;
}

/** The customers that may be `subject`, likeliest first (then by name), each with its evidence. */
export function mergeSuggestions(
  subject: Candidate,
  candidates: readonly Candidate[],
): Suggestion[] {
  return candidates
    .filter((c) => c.id !== subject.id)
    .map((customer) => {
      const evidence = evidenceBetween(subject, customer);
      return { customer, score: scoreOf(evidence), evidence };
    })
    .filter((s) => s.evidence.length > 0)
    .sort((a, b) => b.score - a.score || a.customer.name.localeCompare(b.customer.name))
    .slice(0, suggestionLimit);
}
