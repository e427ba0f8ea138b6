// The few words of a message a list shows in its place: plain text on one line, quoted history
// (lines starting with ">") and the "On … wrote:" line introducing it left out, cut at a word.

/** How many characters a stored excerpt's source holds at most: the query reads no more. */
export const excerptSource = 600;

const quoted = /^\s*>/;
const introducesQuote = /^\s*(on|le)\s.+(wrote|a écrit)\s*:\s*$/i;

export function excerptOf(text: string, max = 160): string {
  const lines = text.split(/\r?\n/).filter((l) => !quoted.test(l) && !introducesQuote.test(l));
  const flat = lines.join(" ").replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // Cut inside a word: end at the space before it, unless that drops more than half the text.
  const space = flat[max - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
