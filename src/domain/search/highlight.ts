// What a search result shows of its match: the text cut into runs, each marked as matching the
// words searched or not, so that a screen highlights them without reading any markup.

export type Run = { text: string; match: boolean };

/** Lower-case without accents, one character at a time ("É" → "e", "ß" stays "ß"). */
const foldChar = (c: string) => c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Joins neighbouring runs of the same kind and drops empty ones. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === "") continue;
    const last = out.at(-1);
    if (last && last.match === run.match) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/**
 * `text` with every occurrence of `words` (case and accents folded) marked: how a customer's name,
 * address or number matches a search for part of it.
 */
export function markContained(text: string, words: string): Run[] {
  // Each folded character remembers where its original character starts and ends in `text`.
  // (in UTF-16 code units, as indexOf counts).
  let haystack = "";
  const spans: Array<[number, number]> = [];
  let offset = 0;
  for (const c of text) {
    const f = foldChar(c);
    haystack += f;
    for (let k = 0; k < f.length; k++) spans.push([offset, offset + c.length]);
    offset += c.length;
  }
  const needle = foldChar(words.trim());
  const marked = new Array<boolean>(text.length).fill(false);
  if (needle.length > 0) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      const from = spans[at]?.[0] ?? 0;
      const to = spans[at + needle.length - 1]?.[1] ?? from;
      marked.fill(true, from, to);
    }
  }
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++)
    runs.push({ text: text[i] ?? "", match: marked[i] ?? false });
  return tidy(runs);
}

/** The markers the database puts around matching words (`ts_headline` StartSel and StopSel). */
export const headlineStart = "\u0002";
export const headlineStop = "\u0003";

/** A `ts_headline` answer, its words between the markers, as runs; stray markers are dropped. */
export function runsOfHeadline(headline: string): Run[] {
  const runs: Run[] = [];
  let match = false;
  let text = "";
  for (const c of headline) {
    if (c === headlineStart || c === headlineStop) {
      runs.push({ text, match });
      text = "";
      match = c === headlineStart;
    } else {
      text += c;
    }
  }
  runs.push({ text, match });
  return tidy(runs);
}
