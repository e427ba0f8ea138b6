// Whether an inbound mail is a bounce of one we sent, and what it says: RFC 3464 reports first,
// else the wording of the common mail servers. The shell matches it to the message (VERP first).
import { readTextBounce } from "./bounce-text.ts";
import type { DsnAction, DsnRecipient } from "./delivery-status.ts";
import { enhancedStatus, messageIdOfHeaders, parseDeliveryStatus } from "./delivery-status.ts";
import { isVerpAddress } from "./verp.ts";

export type BounceKind = "hard" | "soft" | "delayed" | "not_a_bounce";

export type Bounce = {
  /** hard: refused for good (5.x.x); soft: given up after temporary failures (4.x.x); delayed: still trying. */
  kind: BounceKind;
  /** The address that could not be reached. */
  recipient: string | null;
  /** The enhanced status code, e.g. `5.1.1`. */
  status: string | null;
  /** What the remote server answered, for an advisor or an administrator to read. */
  diagnostic: string | null;
  /** The returned message's Message-ID, without angle brackets. */
  originalMessageId: string | null;
};

/** What the bounce reader needs; ParsedMail (channels/email/parse.ts) fits, plus the envelope. */
export type BounceInput = {
  from: { address: string } | null;
  subject: string;
  /** The top-level MIME type, lower-case. */
  contentType: string;
  /** Lower-case header name → values (Content-Type with its parameters, X-Failed-Recipients). */
  headers: ReadonlyMap<string, readonly string[]>;
  text: string | null;
  html: string | null;
  /** postal-mime keeps report parts (message/delivery-status, message/rfc822, text/rfc822-headers) as attachments. */
  attachments: ReadonlyArray<{ contentType: string; content: Uint8Array }>;
  /** The envelope sender (MAIL FROM), else the Return-Path header: "" for the null path. */
  returnPath: string | null;
  /** The envelope recipient (RCPT TO): our VERP return path when the mail answers one we sent. */
  envelopeRecipient: string | null;
};

const NOT_A_BOUNCE: Bounce = {
  kind: "not_a_bounce",
  recipient: null,
  status: null,
  diagnostic: null,
  originalMessageId: null,
};
const SEVERITY: Record<BounceKind, number> = { hard: 3, soft: 2, delayed: 1, not_a_bounce: 0 };
const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const ORIGINAL_TYPES = new Set([
  "message/rfc822",
  "message/global",
  "text/rfc822-headers",
  "message/global-headers",
]);
const DAEMON = /^(?:mailer-daemon|mailerdaemon|postmaster|mail-daemon|maildelivery)@/i;
const BOUNCE_SUBJECT =
  /undeliver|delivery (?:status notification|failure|has failed|incomplete|delayed)|returned mail|mail delivery failed|failure notice|non remis|non distribu|echec de (?:la )?remise|could not be delivered|delayed mail/i;
const FAILURE_WORDING =
  /could ?n[o']t be delivered|undeliverable|delivery (?:has )?failed|permanent (?:fatal )?error|user unknown|no such user|mailbox (?:unavailable|full|not found)|address rejected|not yet been delivered|n'a pas pu etre remis/i;

export function readBounce(input: BounceInput): Bounce {
  const reportType = parameter(input.headers.get("content-type")?.[0], "report-type");
  // Read receipts (disposition-notification), abuse (feedback-report) and TLS reports are
  // reports, not bounces.
  if (input.contentType === "multipart/report" && reportType && reportType !== "delivery-status") {
    return NOT_A_BOUNCE;
  }
  const text = bodyText(input);
  const originalMessageId = originalIdOf(input, text);

  for (const part of input.attachments) {
    if (!DSN_TYPES.has(part.contentType.toLowerCase())) continue;
    const { recipients } = parseDeliveryStatus(new TextDecoder().decode(part.content));
    if (recipients.length === 0) continue;
    const worst = recipients
      .map((recipient) => ({ recipient, kind: dsnKind(recipient) }))
      .reduce((a, b) => (SEVERITY[b.kind] > SEVERITY[a.kind] ? b : a));
    if (worst.kind === "not_a_bounce") return NOT_A_BOUNCE;
    const { finalRecipient, originalRecipient, status, diagnosticCode } = worst.recipient;
    return {
      kind: worst.kind,
      recipient: finalRecipient ?? originalRecipient,
      status: status ?? enhancedStatus(diagnosticCode),
      diagnostic: diagnosticCode,
      originalMessageId,
    };
  }

  const fromMachine =
    DAEMON.test(input.from?.address ?? "") ||
    input.returnPath?.replace(/[<>\s]/g, "") === "" ||
    (input.envelopeRecipient !== null && isVerpAddress(input.envelopeRecipient));
  const subject = input.subject.normalize("NFD").replace(/\p{M}/gu, "");
  const looksReturned = BOUNCE_SUBJECT.test(subject) && !/^\s*(?:fwd?|tr)\s*:/i.test(subject);
  if (!fromMachine && !looksReturned) return NOT_A_BOUNCE;
  const folded = text.normalize("NFD").replace(/\p{M}/gu, "");
  const generic = fromMachine && (looksReturned || FAILURE_WORDING.test(folded));
  const found = readTextBounce(text, { generic });
  if (!found) return NOT_A_BOUNCE;
  const status = enhancedStatus(found.diagnostic);
  const kind = textKind(status, found.diagnostic, found.nature);
  if (kind === "not_a_bounce") return NOT_A_BOUNCE;
  const failed = input.headers.get("x-failed-recipients")?.[0]?.split(",")[0]?.trim();
  return {
    kind,
    recipient: found.recipient ?? (failed || null),
    status,
    diagnostic: found.diagnostic,
    originalMessageId,
  };
}

function dsnKind(recipient: DsnRecipient): BounceKind {
  const action: DsnAction = recipient.action ?? "failed";
  if (action === "delivered" || action === "relayed" || action === "expanded")
    return "not_a_bounce";
  if (action === "delayed") return "delayed";
  return (
    classKind(
      recipient.status ?? enhancedStatus(recipient.diagnosticCode),
      recipient.diagnosticCode,
    ) ?? "soft"
  );
}

function textKind(
  status: string | null,
  diagnostic: string | null,
  nature: "permanent" | "temporary" | "delayed" | null,
): BounceKind {
  if (nature === "delayed") return "delayed";
  return classKind(status, diagnostic) ?? (nature === "permanent" ? "hard" : "soft");
}

/**
 * 5.x.x (or a 5xx reply) is a permanent refusal, 4.x.x a temporary one the sender gave up on.
 * Without either, a failure is soft: marking an address dead needs the server's word for it.
 */
function classKind(status: string | null, diagnostic: string | null): BounceKind | null {
  const digit = status?.[0] ?? diagnostic?.match(/(?<![\w.#-])([245])\d\d(?![\w.])/)?.[1];
  if (digit === "5") return "hard";
  if (digit === "4") return "soft";
  if (digit === "2") return "not_a_bounce";
  return null;
}

function originalIdOf(input: BounceInput, text: string): string | null {
  for (const part of input.attachments) {
    if (!ORIGINAL_TYPES.has(part.contentType.toLowerCase())) continue;
    const id = messageIdOfHeaders(new TextDecoder().decode(part.content.subarray(0, 64 * 1024)));
    if (id) return id;
  }
  // Exim, qmail and Exchange quote the returned message (or its headers) in the text.
  return text.match(/^[ \t]*message-id:[ \t]*<([^<>\s]+)>/im)?.[1] ?? null;
}

function bodyText(input: BounceInput): string {
  if (input.text && input.text.trim() !== "") return input.text;
  return (input.html ?? "")
    .replace(/<(?:br|\/p|\/div|\/tr|\/li|\/h\d)\b[^>]*>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function parameter(header: string | undefined, name: string): string | null {
  const match = header?.match(new RegExp(`;\\s*${name}\\s*=\\s*"?([^";\\s]+)"?`, "i"));
  return match?.[1]?.toLowerCase() ?? null;
}
