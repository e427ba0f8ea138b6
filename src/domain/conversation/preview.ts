// The opening words of a message as a list row shows them: plain text on one line, cut at a word.

/** How long a row's preview of the last message is (characters, before the ellipsis). */
export const previewLength = 140;

export function previewOf(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  if (line.length <= previewLength) return line;
  const cut = line.slice(0, previewLength);
  const space = cut.lastIndexOf(" ");
  return `${(space > previewLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
