// The Content-Disposition header for a file we serve (RFC 6266): a plain ASCII `filename` every
// client reads, and `filename*` (RFC 5987) with the real name in UTF-8 when it is not plain ASCII.

/** RFC 5987 attr-char: what may stand unescaped in `filename*`. */
const attrChar = /[A-Za-z0-9!#$&+.^_`|~-]/;

function extendedValue(name: string): string {
  let out = "";
  for (const char of name) {
    if (attrChar.test(char)) out += char;
    else
      for (const byte of new TextEncoder().encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  // The fallback: printable ASCII only, without the quote and backslash a quoted string escapes.
  const ascii = filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_")
    .trim();
  const fallback = ascii || "attachment";
  if (fallback === filename) return `${kind}; filename="${fallback}"`;
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${extendedValue(filename)}`;
}
