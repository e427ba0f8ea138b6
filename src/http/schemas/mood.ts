// The API's view of a message's mood (CONTRACT §8 Voice): its label, its score and the words that
// made it, each with the weight it counted for and whether a negation turned it around.
import { z } from "zod";
import { type Mood, moodLabels } from "../../domain/mood/mood.ts";

export const moodView = z
  .object({
    label: z.enum(moodLabels),
    score: z.number().describe("the sum of the words' weights (AFINN scale, −5 … +5 each)"),
    words: z.array(z.string()).describe("the words that counted, in the order written"),
    reasons: z.array(
      z.object({
        word: z.string(),
        score: z.number().describe("as it counted"),
        negated: z.boolean().describe('turned around by a negation before it ("pas content")'),
      }),
    ),
  })
  .nullable()
  .describe("read from a customer's own words at intake; null for other messages");

export function presentMood(m: Mood | null): z.infer<typeof moodView> {
  if (!m) return null;
  return { label: m.label, score: m.score, words: m.words, reasons: m.reasons };
}
