// The mood of a customer's message (negative, neutral, positive), explained by the words that made
// it: AFINN weights (the `sentiment` package; a French list of our own) with negation in a window.
import Sentiment from "sentiment";
import english from "sentiment/languages/en/index.js";
import { excerptOf } from "../conversation/excerpt.ts";
import { detectLanguage, type Language } from "../language.ts";
import { frenchWords } from "./french-words.ts";
import { negated } from "./negation.ts";

export const moodLabels = ["negative", "neutral", "positive"] as const;
export type MoodLabel = (typeof moodLabels)[number];

/** One word that counted: its weight as it counted (turned around when negated). */
export type MoodWord = { word: string; score: number; negated: boolean };
export type Mood = { label: MoodLabel; score: number; words: string[]; reasons: MoodWord[] };

/** A sum at or beyond these is a mood; a polite "merci" or a lone "please" alone is not. */
const threshold = 2;
/** Enough of a long mail to judge its tone; the rest is seldom read for it either. */
const maxCharacters = 4000;
const detectionSample = 300;

// Courtesy words weigh less than AFINN says: every request says please and thanks.
const englishWords: Record<string, number> = { ...english.labels, thanks: 1, thank: 1 };
for (const word of ["help", "please", "no", "ok", "okay"]) delete englishWords[word];

/** The sentiment package keeps languages in one registry: ours are registered under our own codes. */
const codes: Record<Language, string> = { fr: "rapport-fr", en: "rapport-en" };
const reader = new Sentiment();
for (const language of ["fr", "en"] as const) {
  reader.registerLanguage(codes[language], {
    labels: language === "fr" ? { ...frenchWords } : { ...englishWords },
    scoringStrategy: {
      apply: (tokens, cursor, score) => (negated(language, tokens, cursor) ? -score : score),
    },
  });
}

// French elisions ("n'est", "j'adore", "qu'il") become their own token, so that "n'" negates.
const elision = /(^|[^\p{L}])(qu|[cdjlmnst])['’]/giu;
// A negation reaches no further than its clause.
const clauseEnd = /[.!?;:,\n()«»"]+|\s[-–—]\s|\b(?:mais|but)\b/giu;

/** Reads the mood of what the customer wrote (quoted history aside), in French or English. */
export function moodOf(text: string, language?: Language | null): Mood {
  const own = excerptOf(text, maxCharacters);
  // The first few hundred characters tell the language as well as the whole, at a fraction of the cost.
  const lang = language ?? detectLanguage(own.slice(0, detectionSample)).language ?? "en";
  const prepared = own.replace(/’/g, "'").replace(elision, "$1$2' ");
  const reasons: MoodWord[] = [];
  for (const clause of prepared.split(clauseEnd)) {
    if (!clause?.trim()) continue;
    const result = reader.analyze(clause, { language: codes[lang] });
    // calculation lists the words last to first, with the score each counted for.
    for (const entry of [...result.calculation].reverse()) {
      for (const [word, score] of Object.entries(entry)) {
        const base = (lang === "fr" ? frenchWords : englishWords)[word];
        reasons.push({
          word,
          score,
          negated: base !== undefined && base !== score && score === -base,
        });
      }
    }
  }
  const score = reasons.reduce((sum, r) => sum + r.score, 0);
  const label: MoodLabel =
    score <= -threshold ? "negative" : score >= threshold ? "positive" : "neutral";
  return { label, score, words: reasons.map((r) => r.word), reasons };
}
