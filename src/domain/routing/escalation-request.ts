// A customer asking, in French or English, to speak to a manager: "je veux parler à un
// responsable", "I want to speak to your manager". A denied request ("je ne veux pas de
// responsable", "no need for a manager") or a manager merely mentioned ("my manager said") is none.
import { clausesOf, negatedAt } from "./phrases.ts";

/** Who a customer may ask for, after an article or a possessive that is not their own. */
const roles = new Set([
  "manager",
  "supervisor",
  "superior",
  "boss",
  "responsable",
  "superieur",
  "superieure",
  "chef",
  "directeur",
  "directrice",
  "direction",
  "hierarchie",
]);
const determiners = new Set([
  "a",
  "an",
  "the",
  "your",
  "un",
  "une",
  "le",
  "la",
  "l",
  "votre",
  "du",
  "au",
  "ton",
  "ta",
  "son",
  "sa",
]);
/** Words that make a clause a request. */
const asking = new Set([
  "want",
  "wish",
  "need",
  "demand",
  "insist",
  "speak",
  "talk",
  "see",
  "get",
  "contact",
  "call",
  "escalate",
  "transfer",
  "put",
  "like",
  "veux",
  "voudrais",
  "souhaite",
  "souhaiterais",
  "demande",
  "exige",
  "parler",
  "voir",
  "joindre",
  "contacter",
  "passer",
  "passez",
  "appeler",
  "transmettre",
  "transmettez",
]);

/** Whether the customer asks for a manager, and the words that did (null: no request). */
export function detectEscalationRequest(text: string): { words: string } | null {
  for (const words of clausesOf(text)) {
    for (let i = 1; i < words.length; i++) {
      const role = words[i] ?? "";
      if (!roles.has(role) || !determiners.has(words[i - 1] ?? "")) continue;
      const before = words.slice(Math.max(0, i - 6), i);
      if (!before.some((w) => asking.has(w))) continue;
      if (negatedAt(words, i, 6)) continue;
      const start = Math.max(0, i - 5);
      return { words: words.slice(start, i + 1).join(" ") };
    }
  }
  return null;
}
