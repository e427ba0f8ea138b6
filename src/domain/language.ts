// The language of what is sent to a customer: French or English detected in their message,
// and the contract's choice: their preference, else a confident detection, else the brand's.

// Importing eld/small loads its n-gram tables once at module evaluation (a few MB, ~0.2 s):
// global setup, but no IO at call time; detection itself is pure.
import { eld } from "eld/small";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];

export type DetectedLanguage = { language: Language | null; reliable: boolean };

// A private instance, so that the subset set here never changes another module's detector.
const detector = eld.newInstance();
detector.setLanguageSubset([...languages]);

// eld 2.1.0's isReliable() compares the best score with the second language's *id* instead of
// its score, so its "too close to call" test never fires; it is repeated here with scores.
const minimumMargin = 0.01;

export function detectLanguage(text: string): DetectedLanguage {
  const result = detector.detect(text);
  const language = isLanguage(result.language) ? result.language : null;
  if (language === null) return { language: null, reliable: false };
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const margin = (scores[0] ?? 0) - (scores[1] ?? 0);
  return { language, reliable: result.isReliable() && margin >= minimumMargin };
}

export function isLanguage(value: string | null | undefined): value is Language {
  return value === "fr" || value === "en";
}

export function chooseLanguage(input: {
  customerPreference: Language | null;
  detected: DetectedLanguage | null;
  brandLanguage: Language;
}): Language {
  if (input.customerPreference !== null) return input.customerPreference;
  if (input.detected?.reliable && input.detected.language !== null) return input.detected.language;
  return input.brandLanguage;
}
