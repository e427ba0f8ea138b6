// What an attachment's bytes really are, from their first bytes (magic numbers), so that a file
// declared "image/png" that is not a PNG is never served as one, and only real images and PDFs are
// shown inline.

/** The types whose bytes we recognise, with their signatures (offset, bytes). */
const signatures: Array<{ type: string; at: number; bytes: number[] }> = [
  { type: "image/png", at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", at: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", at: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: "application/pdf", at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "application/zip", at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
];

const startsWith = (content: Uint8Array, at: number, bytes: number[]) =>
  bytes.every((b, i) => content[at + i] === b);

/** The type the bytes show, or null when they carry no signature we know. */
export function sniffContentType(content: Uint8Array): string | null {
  // WebP: "RIFF" <size> "WEBP".
  if (
    startsWith(content, 0, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(content, 8, [0x57, 0x45, 0x42, 0x50])
  )
    return "image/webp";
  return signatures.find((s) => startsWith(content, s.at, s.bytes))?.type ?? null;
}

/** The declared type, lower-cased and without its parameters ("Image/PNG; name=x" → "image/png"). */
export function bareContentType(declared: string): string {
  return (declared.split(";")[0] ?? "").trim().toLowerCase();
}

// Office documents, OpenDocument files and the like are ZIP archives: their own types are kept.
const zipBased = /^application\/(zip|vnd\.openxmlformats-|vnd\.oasis\.opendocument\.|epub)/;

/**
 * The type to serve a download with: the declared one, unless the bytes say otherwise; a file
 * that claims a type we can recognise and does not carry its signature is served as plain bytes.
 */
export function servedContentType(declared: string, content: Uint8Array): string {
  const claimed = bareContentType(declared);
  const actual = sniffContentType(content);
  const recognisable = signatures.some((s) => s.type === claimed) || claimed === "image/webp";
  if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(claimed)) return "application/octet-stream";
  if (actual === claimed) return claimed;
  if (actual === "application/zip" && zipBased.test(claimed)) return claimed;
  if (recognisable || actual !== null) return "application/octet-stream";
  return claimed;
}

/** Shown inline (thumbnails, a preview): raster images and PDF, never SVG or HTML, which can script. */
const previewable = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
]);

/** The type to preview the bytes as, or null when they must only be downloaded. */
export function previewContentType(content: Uint8Array): string | null {
  const actual = sniffContentType(content);
  return actual !== null && previewable.has(actual) ? actual : null;
}
