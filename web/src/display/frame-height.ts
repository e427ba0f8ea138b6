// A sandboxed mail body cannot report its own height (no scripts, no same-origin access), so the
// console estimates one from the markup; the frame scrolls and the advisor can still resize it.
import { roughText } from "./mail-frame.ts";

const LINE_HEIGHT_PX = 24;
const BLOCK_MARGIN_PX = 16;
const PADDING_PX = 40;
const CHARACTERS_PER_LINE = 80;

export function estimateFrameHeight(html: string): number {
  const lines = roughText(html)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .reduce((total, line) => total + Math.max(1, Math.ceil(line.length / CHARACTERS_PER_LINE)), 0);
  const blocks = html.match(/<(p|blockquote|ul|ol|table|h[1-6])\b/gi)?.length ?? 0;
  const estimate = lines * LINE_HEIGHT_PX + blocks * BLOCK_MARGIN_PX + PADDING_PX;
  return Math.min(600, Math.max(96, estimate));
}
