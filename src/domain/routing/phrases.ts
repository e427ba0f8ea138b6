// Finds phrases in a customer's words, French or English, accents and case folded, and says
// whether a negation stands just before them in the same clause ("pas urgent", "no need for").
import { foldText } from "../mail/fold-text.ts";

/** A phrase as written for people ("débité deux fois"); a word ending in `*` matches any ending. */
export type Found = { phrase: string; negated: boolean };

const negators = new Set([
  "not",
  "no",
  "never",
  "without",
  "nothing",
  "ne",
  "n",
  "pas",
  "jamais",
  "sans",
  "rien",
  "aucun",
  "aucune",
  "nul",
  "nulle",
]);

/** The clauses of a text, each as its folded words; "n't" is read as "not". */
export function clausesOf(text: string): string[][] {
  return foldText(text)
    .replace(/n't\b/g, " not")
    .split(/[.!?;:,\n()«»"]+|\s[-–—]\s/)
    .map((clause) => clause.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ""))
    .filter((words) => words.length > 0);
}

const wordMatches = (pattern: string, word: string) =>
  pattern.endsWith("*") ? word.startsWith(pattern.slice(0, -1)) : word === pattern;

/** Where a phrase starts in a clause, or -1. */
function indexOfPhrase(words: string[], pattern: string[], from = 0): number {
  for (let i = from; i + pattern.length <= words.length; i++) {
    if (pattern.every((p, k) => wordMatches(p, words[i + k] ?? ""))) return i;
  }
  return -1;
}

/** True when one of the `window` words before `index` denies what follows. */
export function negatedAt(words: string[], index: number, window: number): boolean {
  return words.slice(Math.max(0, index - window), index).some((w) => negators.has(w));
}

/** Each phrase of the list that the text holds, once, with whether every use of it is denied. */
export function findPhrases(text: string, phrases: readonly string[], window = 3): Found[] {
  const clauses = clausesOf(text);
  const found: Found[] = [];
  for (const phrase of phrases) {
    const pattern = clausesOf(phrase)[0] ?? [];
    if (pattern.length === 0) continue;
    let seen = false;
    let affirmed = false;
    for (const words of clauses) {
      for (
        let i = indexOfPhrase(words, pattern);
        i >= 0;
        i = indexOfPhrase(words, pattern, i + 1)
      ) {
        seen = true;
        if (!negatedAt(words, i, window)) affirmed = true;
      }
    }
    if (seen) found.push({ phrase, negated: !affirmed });
  }
  return found;
}
