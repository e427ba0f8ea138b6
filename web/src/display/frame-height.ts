// A sandboxed mail body cannot report its own height (no scripts, no same-origin access), so the
// console estimates one from the text, and the advisor can still resize the frame.

const LINE_HEIGHT_PX = 22;
const CHARACTERS_PER_LINE = 80;

export function estimateFrameHeight(text: string): number {
  const lines = text
    .split("\n")
    .reduce((total, line) => total + Math.max(1, Math.ceil(line.length / CHARACTERS_PER_LINE)), 0);
  return Math.min(560, Math.max(96, lines * LINE_HEIGHT_PX + 40));
}
