// Whether an inbound mail was sent by a machine, and whether it may get an acknowledgement
// (docs/CONTRACT.md §5, RFC 3834): no automatic mail to robots, lists, bounces, ourselves or spam.
import { matchBrandAddress, splitAddress } from "./addresses.ts";

export type AutomationReason =
  | "auto_submitted"
  | "null_return_path"
  | "bulk_precedence"
  | "mailing_list"
  | "mailer_daemon"
  | "own_address"
  | "delivery_report"
  | "auto_reply_headers";

export type Automation = { automated: boolean; reasons: AutomationReason[] };

export type AutomationInput = {
  autoSubmitted: string | null;
  precedence: string | null;
  listId: string | null;
  /** The envelope sender (MAIL FROM) or Return-Path; "" or "<>" is the null return path, null unknown. */
  returnPath: string | null;
  fromAddress: string | null;
  /** The top-level Content-Type; multipart/report is a delivery or read report. */
  contentType: string | null;
  ownAddresses: readonly string[];
  /** Lower-case header name → values. */
  headers: ReadonlyMap<string, readonly string[]>;
};

export type AcknowledgementRefusal =
  | "automated"
  | "spam"
  | "forged_sender"
  | "reply_in_open_thread"
  | "rate_limited";

export type AcknowledgementDecision =
  | { allowed: true }
  | { allowed: false; reason: AcknowledgementRefusal };

/** docs/CONTRACT.md §5: at most 3 acknowledgements per sender per hour. */
export const ACKNOWLEDGEMENTS_PER_SENDER_PER_HOUR = 3;

const BULK_PRECEDENCES = new Set(["bulk", "list", "junk"]);
const LIST_HEADERS = ["list-id", "list-unsubscribe", "list-post"];
const AUTO_REPLY_HEADERS = [
  "x-autoreply",
  "x-autorespond",
  "x-auto-response-suppress",
  "x-autoreply-from",
  "x-mail-autoreply",
];
const DAEMON_LOCAL_PARTS = new Set(["mailer-daemon", "mailerdaemon", "postmaster"]);
// List robots answer mail automatically (RFC 3834 §2 names them).
const LIST_ROBOT = /^(owner-.+|.+-owner|.+-request|listserv|majordomo|mailman)$/;

export function classifyAutomation(input: AutomationInput): Automation {
  const reasons: AutomationReason[] = [];
  const has = (name: string) => (input.headers.get(name) ?? []).some((v) => v.trim() !== "");
  const local = input.fromAddress ? (splitAddress(input.fromAddress)?.local ?? null) : null;

  const autoSubmitted = firstToken(input.autoSubmitted);
  if (autoSubmitted !== null && autoSubmitted !== "no") reasons.push("auto_submitted");

  if (input.returnPath !== null && ["", "<>"].includes(input.returnPath.replace(/\s/g, ""))) {
    reasons.push("null_return_path");
  }

  const precedence = firstToken(input.precedence);
  if (precedence !== null && BULK_PRECEDENCES.has(precedence)) reasons.push("bulk_precedence");

  const listRobot = local !== null && LIST_ROBOT.test(local);
  if ((input.listId ?? "").trim() !== "" || LIST_HEADERS.some(has) || listRobot) {
    reasons.push("mailing_list");
  }

  if (local !== null && DAEMON_LOCAL_PARTS.has(local)) reasons.push("mailer_daemon");

  if (input.fromAddress && matchBrandAddress(input.fromAddress, input.ownAddresses)) {
    reasons.push("own_address");
  }

  const contentType = firstToken(input.contentType);
  if (contentType === "multipart/report" || contentType === "message/delivery-status") {
    reasons.push("delivery_report");
  }

  if (AUTO_REPLY_HEADERS.some(has) || precedence === "auto_reply") {
    reasons.push("auto_reply_headers");
  }

  return { automated: reasons.length > 0, reasons };
}

export function acknowledgementAllowed(input: {
  automation: Automation;
  isReplyInOpenThread: boolean;
  isSpam: boolean;
  /** The sender's domain disowns the mail (authentication-results.ts, senderDisowned). */
  senderDisowned: boolean;
  /** Acknowledgements sent to this sender in the last hour. */
  recentAcksToSender: number;
}): AcknowledgementDecision {
  if (input.automation.automated) return { allowed: false, reason: "automated" };
  if (input.isSpam) return { allowed: false, reason: "spam" };
  // Not spam for all that: the mail waits for a person, who can judge whom to answer.
  if (input.senderDisowned) return { allowed: false, reason: "forged_sender" };
  if (input.isReplyInOpenThread) return { allowed: false, reason: "reply_in_open_thread" };
  if (input.recentAcksToSender >= ACKNOWLEDGEMENTS_PER_SENDER_PER_HOUR) {
    return { allowed: false, reason: "rate_limited" };
  }
  return { allowed: true };
}

/** `Auto-Replied; foo=bar` → `auto-replied`; null when absent or blank. */
function firstToken(value: string | null): string | null {
  if (value === null) return null;
  const token = value.split(";")[0]?.trim().toLowerCase() ?? "";
  return token === "" ? null : token;
}
