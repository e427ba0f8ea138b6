// Repairs a message's top-level header block before parsing: raw 8-bit bytes that are not
// UTF-8, RFC 2047 words labelled UTF-8 whose bytes are windows-1252 (`=?utf-8?Q?=E9t=E9?=`),
// and windows-1252 words that Node 20 would decode as ISO-8859-1 (`=?windows-1252?Q?l=92?=`).
import {
  decodeUtf8OrWindows1252,
  decodeWindows1252,
  hasWindows1252Specials,
  isUtf8Label,
  isValidUtf8,
  isWindows1252Label,
} from "./charset-repair.ts";

const WORD_SOURCE = String.raw`=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=`;
// Adjacent encoded words: senders split multi-byte characters across words, so a run of
// words in one charset is decoded as a whole (RFC 2047 §6.2 ignores the space between them).
const RUN = new RegExp(`${WORD_SOURCE}(?:\\s+${WORD_SOURCE})*`, "gi");
const WORD = new RegExp(WORD_SOURCE, "gi");
const textEncoder = new TextEncoder();
// postal-mime refuses more header bytes than this anyway; past it there is nothing to repair.
const MAX_HEADER_BYTES = 2 * 1024 * 1024;

type Word = { text: string; charset: "utf-8" | "windows-1252" | "other"; bytes: Uint8Array };

export type HeaderRepair = {
  raw: Uint8Array;
  /** The sender mislabelled a charset (a defect of the message, not of our runtime). */
  repaired: boolean;
};

export function repairHeaderBlock(raw: Uint8Array): HeaderRepair {
  const end = headerBlockEnd(raw);
  if (end > MAX_HEADER_BYTES) return { raw, repaired: false };
  const block = raw.subarray(0, end);
  const validUtf8 = isValidUtf8(block);
  if (validUtf8 && !Buffer.from(block).includes("=?")) return { raw, repaired: false };

  let repaired = !validUtf8;
  let rewritten = false;
  const fields = splitFields(block).map((field) => {
    const words = repairEncodedWords(decodeUtf8OrWindows1252(field));
    if (words.mislabelled) repaired = true;
    const bytes = textEncoder.encode(words.text);
    if (!Buffer.from(bytes).equals(field)) rewritten = true;
    return bytes;
  });
  if (!rewritten) return { raw, repaired: false };
  return { raw: Buffer.concat([...fields, raw.subarray(end)]), repaired };
}

/**
 * Rewrites, as one valid UTF-8 encoded word, each run of UTF-8 words whose bytes are not
 * UTF-8 and each run of windows-1252 words that holds a byte in 0x80–0x9F.
 */
export function repairEncodedWords(value: string): { text: string; mislabelled: boolean } {
  let mislabelled = false;
  const text = value.replace(RUN, (run) => {
    const words: Word[] = Array.from(run.matchAll(WORD), (match) => ({
      text: match[0],
      charset: charsetOf(match[1] ?? ""),
      bytes: decodeWordPayload(match[2] ?? "q", match[3] ?? ""),
    }));
    const groups: Word[][] = [];
    for (const word of words) {
      const last = groups.at(-1);
      if (last && last[0]?.charset === word.charset) last.push(word);
      else groups.push([word]);
    }
    if (!groups.some(needsRepair)) return run;
    if (groups.some((group) => group[0]?.charset === "utf-8" && needsRepair(group))) {
      mislabelled = true;
    }
    return groups.map((group) => (needsRepair(group) ? reencode(group) : texts(group))).join(" ");
  });
  return { text, mislabelled };
}

function charsetOf(label: string): Word["charset"] {
  const name = label.split("*")[0] ?? "";
  if (isUtf8Label(name)) return "utf-8";
  return isWindows1252Label(name) ? "windows-1252" : "other";
}

function needsRepair(group: Word[]): boolean {
  const bytes = Buffer.concat(group.map((word) => word.bytes));
  if (group[0]?.charset === "utf-8") return !isValidUtf8(bytes);
  if (group[0]?.charset === "windows-1252") return hasWindows1252Specials(bytes);
  return false;
}

function reencode(group: Word[]): string {
  const bytes = Buffer.concat(group.map((word) => word.bytes));
  const text =
    group[0]?.charset === "utf-8" ? decodeUtf8OrWindows1252(bytes) : decodeWindows1252(bytes);
  return `=?utf-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

function texts(group: Word[]): string {
  return group.map((word) => word.text).join(" ");
}

function decodeWordPayload(encoding: string, payload: string): Uint8Array {
  if (encoding.toLowerCase() === "b") return Buffer.from(payload, "base64");
  const bytes: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const char = payload[i];
    const hex = payload.slice(i + 1, i + 3);
    if (char === "=" && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (char === "_") {
      bytes.push(0x20);
    } else {
      bytes.push(payload.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** Index just past the header block's last line (before the empty line), or the end. */
function headerBlockEnd(raw: Uint8Array): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i + 1;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 1;
  }
  return raw.length;
}

/** Header fields with their folded continuation lines and line ends, in order. */
function splitFields(block: Uint8Array): Uint8Array[] {
  const fields: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < block.length; i++) {
    const next = block[i + 1];
    if (block[i] === 0x0a && next !== 0x20 && next !== 0x09) {
      fields.push(block.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < block.length) fields.push(block.subarray(start));
  return fields;
}
