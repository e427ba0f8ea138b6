// Urgency in a customer's words, French or English: what raises a new message's priority, with the
// words that did it. A denied phrase ("pas urgent", "no rush") raises nothing.
import type { Priority } from "../conversation/status.ts";
import { findPhrases } from "./phrases.ts";

/** Harm or money at stake, or the word itself: the most urgent priority. */
const urgentPhrases = [
  "urgent",
  "urgence",
  "urgently",
  "emergency",
  "allergie*",
  "allergique*",
  "allergy",
  "allergic",
  "allergies",
  "anaphyla*",
  "débité deux fois",
  "débitée deux fois",
  "prélevé deux fois",
  "prélevée deux fois",
  "payé deux fois",
  "double débit",
  "double prélèvement",
  "charged twice",
  "double charged",
  "billed twice",
  "paid twice",
] as const;

/** A deadline close at hand: high priority. */
const highPhrases = [
  "ce soir",
  "cette nuit",
  "au plus vite",
  "dès que possible",
  "au plus tôt",
  "immédiatement",
  "tout de suite",
  "asap",
  "as soon as possible",
  "tonight",
  "immediately",
  "right away",
  "right now",
] as const;

export type Urgency = { priority: Extract<Priority, "high" | "urgent">; words: string[] };

/** The priority the words call for (null: nothing urgent said), and the words found. */
export function detectUrgency(text: string): Urgency | null {
  const urgent = findPhrases(text, urgentPhrases).filter((f) => !f.negated);
  const high = findPhrases(text, highPhrases).filter((f) => !f.negated);
  if (urgent.length > 0) return { priority: "urgent", words: [...urgent, ...high].map(shown) };
  if (high.length > 0) return { priority: "high", words: high.map(shown) };
  return null;
}

const shown = (f: { phrase: string }) => f.phrase.replace(/\*$/, "");

const rank = { low: 0, normal: 1, high: 2, urgent: 3 } as const;

/** Urgency only raises: a conversation already urgent stays so, a high one is not lowered. */
export function raisedPriority(current: Priority, urgency: Urgency | null): Priority | null {
  if (!urgency || rank[urgency.priority] <= rank[current]) return null;
  return urgency.priority;
}
