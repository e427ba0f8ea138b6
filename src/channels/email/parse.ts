// Turns the raw bytes of an inbound mail into what intake needs, with postal-mime. It never
// throws: what is wrong with a message is listed in `defects` and parsing goes on.
import type { Address, Email, Mailbox } from "postal-mime";
import PostalMime, { addressParser } from "postal-mime";
import { messageIdList, normalizeMessageId } from "../../domain/mail/message-id.ts";
import {
  decodeWindows1252,
  hasWindows1252Specials,
  isUtf8Label,
  isValidUtf8,
  isWindows1252Label,
  repairToUtf8,
} from "./charset-repair.ts";
import { repairHeaderBlock } from "./header-repair.ts";

export type MailAddress = {
  /** As written, with the domain lower-cased (local parts are matched case-insensitively later). */
  address: string;
  /** The decoded display name, "" when there is none. */
  name: string;
};

export type MailAttachment = {
  filename: string | null;
  contentType: string;
  content: Uint8Array;
  size: number;
  /** Without angle brackets, as `cid:` URLs in the HTML refer to it. */
  contentId: string | null;
  inline: boolean;
};

export type MailDefect =
  | "missing_from"
  | "invalid_from"
  | "multiple_from"
  | "missing_message_id"
  | "missing_date"
  | "unparseable_date"
  | "charset_repaired"
  | "header_charset_repaired"
  | "undecodable_text"
  | "references_truncated"
  | "mime_parse_failed"
  | "nul_removed";

export type ParsedMail = {
  messageId: string | null;
  inReplyTo: string | null;
  /** Oldest first, at most MAX_REFERENCES (the most recent ones). */
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: Date | null;
  text: string | null;
  /** Raw and unsanitised: pass it through sanitizeMailHtml before showing it. */
  html: string | null;
  /** Top-level header values by lower-case name: unfolded, charset-repaired, not RFC 2047-decoded. */
  headers: ReadonlyMap<string, readonly string[]>;
  attachments: MailAttachment[];
  /** The top-level MIME type, lower-case: `multipart/report` for delivery reports. */
  contentType: string;
  autoSubmitted: string | null;
  precedence: string | null;
  listId: string | null;
  /** The Return-Path header: null when absent, "" for the null path `<>`. */
  returnPath: string | null;
  defects: MailDefect[];
};

/** References kept per message: enough for any thread, bounded for a hostile header. */
export const MAX_REFERENCES = 100;

// Beyond postal-mime's 2 MiB header limit, only this much of the header block is read again.
const SALVAGED_HEADER_BYTES = 64 * 1024;

type Parsed = { email: Email; repairedParts: number };

export async function parseMail(raw: Uint8Array): Promise<ParsedMail> {
  const defects: MailDefect[] = [];
  const header = repairHeaderBlock(raw);
  if (header.repaired) defects.push("header_charset_repaired");

  let parsed: Parsed;
  try {
    parsed = await parseRepairingCharsets(header.raw);
  } catch {
    defects.push("mime_parse_failed");
    parsed = await salvageHeaders(header.raw);
  }
  const { email } = parsed;
  if (removeNul(email)) defects.push("nul_removed");
  if (parsed.repairedParts > 0) defects.push("charset_repaired");
  if ([email.text, email.html].some((body) => body?.includes("\ufffd"))) {
    defects.push("undecodable_text");
  }

  const headers = headerMap(email);
  const first = (name: string) => headers.get(name)?.[0]?.trim() ?? null;

  const messageId = normalizeMessageId(first("message-id"));
  if (messageId === null) defects.push("missing_message_id");

  const allReferences = messageIdList((headers.get("references") ?? []).join(" "));
  if (allReferences.length > MAX_REFERENCES) defects.push("references_truncated");

  const fromHeaders = headers.get("from") ?? [];
  const fromMailboxes = fromHeaders.flatMap((value) => mailboxes(addressParser(value)));
  const from = email.from?.address?.includes("@") ? mailAddress(email.from) : null;
  if (fromHeaders.every((value) => value.trim() === "")) defects.push("missing_from");
  else if (from === null) defects.push("invalid_from");
  if (fromMailboxes.length > 1) defects.push("multiple_from");

  const date = parseDate(first("date"));
  if (first("date") === null) defects.push("missing_date");
  else if (date === null) defects.push("unparseable_date");

  return {
    messageId,
    inReplyTo: normalizeMessageId(first("in-reply-to")),
    references: allReferences.slice(-MAX_REFERENCES),
    from,
    replyTo: mailboxes(email.replyTo),
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    subject: email.subject?.trim() ?? "",
    date,
    text: email.text ?? null,
    html: email.html ?? null,
    headers,
    attachments: email.attachments.map((attachment) => {
      const content = toBytes(attachment.content);
      return {
        filename: attachment.filename,
        contentType: attachment.mimeType,
        content,
        size: content.byteLength,
        contentId: attachment.contentId?.replace(/^\s*<|>\s*$/g, "").trim() || null,
        inline: attachment.disposition === "inline" || attachment.related === true,
      };
    }),
    contentType: (first("content-type") ?? "text/plain").split(";")[0]?.trim().toLowerCase() ?? "",
    autoSubmitted: first("auto-submitted"),
    precedence: first("precedence"),
    listId: first("list-id"),
    returnPath: returnPathOf(first("return-path")),
    defects,
  };
}

// The parts of postal-mime's MIME tree that the charset repair reads and rewrites. They
// are internal to postal-mime; parse.test.ts fails if a new version moves them.
type MimeNode = {
  contentType: {
    parsed: { value: string; params: Record<string, string> };
    multipart: string | false;
  };
  contentDisposition: { parsed: { value: string } };
  content: ArrayBuffer | null;
};
type CollectNode = (node: MimeNode, alternative: unknown, related: boolean) => Promise<void>;

/**
 * Parses with postal-mime, re-decoding each inline text part that claims UTF-8 (or names no
 * charset) but is not valid UTF-8, before postal-mime turns its bad bytes into U+FFFD; and
 * decoding windows-1252 parts here, since Node 20 reads them as ISO-8859-1 (’ € œ lost).
 * Parts of attached messages (message/rfc822) are parsed by a nested parser and not repaired.
 */
async function parseRepairingCharsets(raw: Uint8Array): Promise<Parsed> {
  const parser = new PostalMime();
  const internals = parser as unknown as { collectNode?: CollectNode };
  const collectNode = internals.collectNode?.bind(parser);
  let repairedParts = 0;
  if (collectNode) {
    internals.collectNode = (node, alternative, related) => {
      if (decodeTextPart(node) === "repaired") repairedParts += 1;
      return collectNode(node, alternative, related);
    };
  }
  const email = await parser.parse(raw);
  return { email, repairedParts };
}

/** Decodes a text part to UTF-8 in place when postal-mime would get it wrong. */
function decodeTextPart(node: MimeNode): "repaired" | "decoded" | "unchanged" {
  const type = node.contentType.parsed.value;
  if (node.contentType.multipart || (type !== "text/plain" && type !== "text/html"))
    return "unchanged";
  if (node.contentDisposition.parsed.value === "attachment" || !node.content) return "unchanged";
  const label = node.contentType.parsed.params.charset;
  const bytes = new Uint8Array(node.content);
  if (isUtf8Label(label)) {
    if (isValidUtf8(bytes)) return "unchanged";
    setUtf8Content(node, repairToUtf8(bytes));
    return "repaired";
  }
  if (!isWindows1252Label(label)) return "unchanged";
  // The reverse mislabelling: UTF-8 sent as latin1 ("Ã©t"). Latin1 text with accents is
  // practically never valid UTF-8, so valid UTF-8 with non-ASCII bytes is read as UTF-8.
  if (bytes.some((byte) => byte >= 0x80) && isValidUtf8(bytes)) {
    node.contentType.parsed.params.charset = "utf-8";
    return "repaired";
  }
  if (hasWindows1252Specials(bytes)) {
    setUtf8Content(node, new TextEncoder().encode(decodeWindows1252(bytes)));
    return "decoded";
  }
  return "unchanged";
}

function setUtf8Content(node: MimeNode, bytes: Uint8Array): void {
  node.content = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  node.contentType.parsed.params.charset = "utf-8";
}

/**
 * Drops U+0000 from every string read from the mail (an encoded body can decode to it, a raw
 * header can hold it): PostgreSQL text and jsonb cannot store it, so the mail would never be stored.
 */
function removeNul(email: Email): boolean {
  let removed = false;
  const clean = <T extends string | null | undefined>(value: T): T => {
    if (typeof value !== "string" || !value.includes("\u0000")) return value;
    removed = true;
    return value.replaceAll("\u0000", "") as T;
  };
  const cleanAddresses = (addresses: Address[] | undefined) => {
    for (const entry of addresses ?? []) {
      entry.name = clean(entry.name);
      if (entry.group) cleanAddresses(entry.group);
      else (entry as Mailbox).address = clean((entry as Mailbox).address);
    }
  };
  email.text = clean(email.text);
  email.html = clean(email.html);
  email.subject = clean(email.subject);
  for (const header of email.headers) {
    header.key = clean(header.key);
    header.value = clean(header.value);
  }
  cleanAddresses(email.from ? [email.from] : []);
  for (const list of [email.to, email.cc, email.bcc, email.replyTo]) cleanAddresses(list);
  for (const attachment of email.attachments) {
    attachment.filename = clean(attachment.filename);
    attachment.contentId = clean(attachment.contentId);
  }
  return removed;
}

/** When the MIME structure defeats the parser, the headers alone still say who wrote. */
async function salvageHeaders(raw: Uint8Array): Promise<Parsed> {
  let end = Math.min(raw.length, SALVAGED_HEADER_BYTES);
  const blank = Buffer.from(raw.subarray(0, end))
    .toString("latin1")
    .search(/\r?\n\r?\n/);
  if (blank >= 0) end = blank;
  else end = Math.max(0, raw.lastIndexOf(0x0a, end - 1));
  try {
    return { email: await PostalMime.parse(raw.subarray(0, end)), repairedParts: 0 };
  } catch {
    return { email: { headers: [], headerLines: [], attachments: [] }, repairedParts: 0 };
  }
}

function headerMap(email: Email): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, value } of email.headers) {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  }
  return map;
}

function mailboxes(addresses: Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of addresses ?? []) {
    const members: Mailbox[] = entry.group ?? [entry as Mailbox];
    for (const mailbox of members) {
      if (mailbox.address?.includes("@")) out.push(mailAddress(mailbox));
    }
  }
  return out;
}

function mailAddress(mailbox: Mailbox): MailAddress {
  const address = mailbox.address.trim();
  const at = address.lastIndexOf("@");
  return {
    address: `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`,
    name: mailbox.name.replace(/\s+/g, " ").trim(),
  };
}

/**
 * RFC 5322 dates, leniently (obsolete forms, comments), but a value must at least hold a
 * time of day: JavaScript's Date reads "1" as 2001-01-01.
 */
function parseDate(value: string | null): Date | null {
  if (value === null || !/\d{1,2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function returnPathOf(value: string | null): string | null {
  if (value === null) return null;
  const path = value.replace(/[<>\s]/g, "");
  if (path === "") return "";
  const at = path.lastIndexOf("@");
  return at > 0 ? `${path.slice(0, at)}@${path.slice(at + 1).toLowerCase()}` : path;
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}
