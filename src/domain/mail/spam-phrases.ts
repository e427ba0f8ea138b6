// Short, curated FR/EN phrases that mark spam and scams, matched as whole words on folded text:
// "Vous avez GAGNÉ" matches "vous avez gagne", "Cliquez-ici" matches, "regagnez" does not.
import { foldText } from "./fold-text.ts";

// Written folded (lower-case, no accents). Kept short on purpose: each phrase is one point and
// some (wire transfer, cliquez ici) also appear in honest mail, so none decides on its own.
export const SPAM_PHRASES = {
  en: [
    "viagra",
    "cialis",
    "lottery",
    "you have won",
    "you've won",
    "claim your prize",
    "click here to claim",
    "wire transfer",
    "100% free",
    "act now",
    "risk free",
    "limited time offer",
    "work from home",
    "double your income",
    "no credit check",
    "million dollars",
    "dear beneficiary",
    "online casino",
    // The advance-fee letter: a stranger's confidential transfer of an inheritance.
    "next of kin",
    "strictly confidential",
    "utmost confidentiality",
    "foreign partner",
    "business proposal",
    "transfer of the funds",
    "transfer the funds",
  ],
  fr: [
    "gagnez",
    "vous avez gagne",
    "tirage au sort",
    "credit sans frais",
    "cliquez ici",
    "offre exclusive",
    "100% gratuit",
    "argent facile",
    "felicitations, vous avez",
    "sans aucun risque",
    "casino en ligne",
    "travail a domicile",
    "rachat de credit",
    "strictement confidentiel",
    "proposition d'affaires",
    "transfert des fonds",
  ],
} as const;

const PATTERNS = [...SPAM_PHRASES.en, ...SPAM_PHRASES.fr].map((phrase) => ({
  phrase,
  // A matching text holds each of the phrase's words as written: its longest word, looked for
  // first, rules most phrases out without running the (Unicode, look-behind) pattern at all.
  needle: phrase.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a)),
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])${phrase
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s-]+")}(?![\\p{L}\\p{N}])`,
    "u",
  ),
}));

/** The distinct phrases found, in list order. */
export function spamPhrases(text: string): string[] {
  const folded = foldText(text);
  return PATTERNS.filter(
    ({ needle, pattern }) => folded.includes(needle) && pattern.test(folded),
  ).map(({ phrase }) => phrase);
}
