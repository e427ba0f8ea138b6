// Canned answers in the composer: which ones match what the advisor typed after "/", and their
// variables ({{customer.first_name}}…) filled on insert. A variable we cannot fill stays as written,
// visible, so the advisor sees the gap instead of sending a hole.

export const CANNED_VARIABLES = [
  "customer.first_name",
  "customer.name",
  "advisor.name",
  "conversation.reference",
  "brand.name",
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

export type CannedValues = Partial<Record<CannedVariable, string | null>>;

/** The first word of a person's name ("Nina Petit" → "Nina"); null when there is no name. */
export function firstNameOf(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

const isKnown = (name: string): name is CannedVariable =>
  (CANNED_VARIABLES as readonly string[]).includes(name);

export function fillVariables(body: string, values: CannedValues): string {
  return body.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (whole, name: string) => {
    const value = isKnown(name) ? values[name]?.trim() : undefined;
    return value ? value : whole;
  });
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * The canned answers whose title holds every word typed, those whose title starts with the first
 * word first, then by title.
 */
export function matchCannedAnswers<T extends { title: string }>(
  answers: readonly T[],
  typed: string,
): T[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  const matching = answers.filter((a) => words.every((w) => fold(a.title).includes(w)));
  const first = words[0];
  const rank = (a: T) => (first && fold(a.title).startsWith(first) ? 0 : 1);
  return matching.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/** What follows a "/" typed at the very start of the composer, or null when it is not a search. */
export function slashQuery(text: string): string | null {
  const match = /^\/([^\n/]{0,40})$/.exec(text);
  return match ? (match[1] ?? "") : null;
}
