// Recovers text that a sender labelled UTF-8 (or left unlabelled) but wrote in windows-1252,
// the usual mislabelling: valid UTF-8 sequences are kept, every other byte is read as cp1252.
// Also decodes windows-1252 itself, which Node 20 gets wrong.

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
// Written out because Node 20's TextDecoder("windows-1252") decodes ISO-8859-1 instead:
// 0x80 comes out as U+0080, not €. The five unassigned bytes keep their C1 code points.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const WINDOWS_1252 = Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? "") : String.fromCharCode(byte),
);
const textEncoder = new TextEncoder();

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether a Content-Type charset label means UTF-8 to a decoder (a missing label does). */
export function isUtf8Label(label: string | undefined): boolean {
  if (label === undefined || label.trim() === "") return true;
  try {
    return new TextDecoder(label.trim()).encoding === "utf-8";
  } catch {
    return false;
  }
}

/** Whether a charset label means windows-1252 to a decoder: latin1, iso-8859-1, us-ascii… */
export function isWindows1252Label(label: string | undefined): boolean {
  if (label === undefined || label.trim() === "") return false;
  try {
    return new TextDecoder(label.trim()).encoding === "windows-1252";
  } catch {
    return false;
  }
}

/** Whether windows-1252 text holds a byte Node 20 would misread (0x80–0x9F: € ’ œ …). */
export function hasWindows1252Specials(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80 && byte < 0xa0);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += WINDOWS_1252[byte];
  return out;
}

/** UTF-8 where the bytes form valid sequences, windows-1252 for each byte that does not. */
export function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  if (isValidUtf8(bytes)) return utf8Strict.decode(bytes);
  const parts: string[] = [];
  let start = 0; // start of the pending run of valid UTF-8
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (i > start) parts.push(utf8Strict.decode(bytes.subarray(start, i)));
    parts.push(WINDOWS_1252[bytes[i] ?? 0] ?? "\ufffd");
    i += 1;
    start = i;
  }
  if (start < bytes.length) parts.push(utf8Strict.decode(bytes.subarray(start)));
  return parts.join("");
}

/** Re-encodes the repaired text as UTF-8 bytes. */
export function repairToUtf8(bytes: Uint8Array): Uint8Array {
  return textEncoder.encode(decodeUtf8OrWindows1252(bytes));
}

/** Length of the well-formed UTF-8 sequence at `i` (Unicode Table 3-7), 0 when ill-formed. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const inRange = (offset: number, low: number, high: number) => {
    const b = bytes[i + offset];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return inRange(1, 0x80, 0xbf) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return inRange(1, low, high) && inRange(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return inRange(1, low, high) && inRange(2, 0x80, 0xbf) && inRange(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}
