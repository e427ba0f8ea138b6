// Negation for the mood reader: a word of feeling preceded, within three tokens of the same
// clause, by a negator counts the other way ("pas content", "not bad", "je ne suis plus satisfait").

/** How many tokens before a word a negator reaches. */
export const negationWindow = 3;

const frenchNegators = new Set([
  "ne",
  "n'",
  "pas",
  "jamais",
  "aucun",
  "aucune",
  "rien",
  "sans",
  "ni",
  "guère",
]);
const englishNegators = new Set([
  "not",
  "no",
  "never",
  "nothing",
  "none",
  "nor",
  "neither",
  "without",
  "cannot",
  "hardly",
  "cant",
  "dont",
  "doesnt",
  "isnt",
  "wont",
  "wasnt",
  "didnt",
]);

/**
 * Whether `token` negates what follows. French "plus" negates only after "ne"/"n'" ("ne … plus"),
 * for alone it means more; English forms ending in "n't" all do.
 */
export function isNegator(language: "fr" | "en", token: string, before: readonly string[]) {
  if (language === "fr") {
    if (token === "plus") return before.some((t) => t === "ne" || t === "n'");
    return frenchNegators.has(token);
  }
  return englishNegators.has(token) || token.endsWith("n't");
}

/** Whether the token at `cursor` is negated by one of the `negationWindow` tokens before it. */
export function negated(language: "fr" | "en", tokens: readonly string[], cursor: number) {
  const start = Math.max(0, cursor - negationWindow);
  for (let i = start; i < cursor; i++) {
    if (isNegator(language, tokens[i] ?? "", tokens.slice(start, i))) return true;
  }
  return false;
}
