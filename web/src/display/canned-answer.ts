// Canned answers in the composer: which ones match what the advisor typed after "/", the variant in
// the customer's language, and their variables ({{customer.first_name}}, {{promise.due}}…) filled on
// insert. A variable we cannot fill stays as written, visible, so the advisor sees the gap instead
// of sending a hole.

export const CANNED_VARIABLES = [
  "customer.first_name",
  "customer.name",
  "advisor.name",
  "conversation.reference",
  "brand.name",
  "promise.due",
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

/**
 * When we promise to answer, in the customer's language and time zone ("lundi 7 décembre à 11:00");
 * null without a due time. An unknown zone name falls back to UTC, said in the text.
 */
export function formatPromise(
  iso: string | null,
  language: string,
  timeZone: string | null,
): string | null {
  if (!iso) return null;
  const options: Intl.DateTimeFormatOptions = {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  };
  try {
    return new Intl.DateTimeFormat(language, {
      ...options,
      timeZone: timeZone ?? undefined,
    }).format(new Date(iso));
  } catch {
    const utc = new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" });
    return `${utc.format(new Date(iso))} UTC`;
  }
}

/** The due time a canned answer promises: the next answer due, else the first. */
export function promiseDueOf(c: {
  next_response_due_at: string | null;
  first_response_due_at: string | null;
}): string | null {
  return c.next_response_due_at ?? c.first_response_due_at;
}

/**
 * One canned answer per title (titles compared without case or accents): the variant in the
 * customer's language when there is one, else the brand's, else the first written; answers in the
 * customer's language come first.
 */
export function variantsFor<T extends { title: string; language: string }>(
  answers: readonly T[],
  languages: ReadonlyArray<string | null>,
): T[] {
  const wanted = languages.filter((l): l is string => !!l);
  const rank = (a: T) => {
    const at = wanted.indexOf(a.language);
    return at === -1 ? wanted.length : at;
  };
  const chosen = new Map<string, T>();
  for (const answer of answers) {
    const key = fold(answer.title).trim();
    const known = chosen.get(key);
    if (!known || rank(answer) < rank(known)) chosen.set(key, answer);
  }
  return [...chosen.values()].sort((a, b) => rank(a) - rank(b));
}
