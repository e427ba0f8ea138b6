// Signs that a mail was made by a bulk-mailing tool and sent to many at once: hidden recipients, a
// Date without a zone, active content, links to bare IP addresses, advertising labels, a false "Re:".
// A customer writing to a help desk shows none of them; each is weak alone (1–2 points).
//
// Chosen, like bulk-content.ts, on one half of the public SpamAssassin corpus (spam-1 and the 805
// easy-ham-1 mails that are not list or robot mail), where none fires on more than 1 ham in 400, and
// measured on the other half (bench/spam-corpus.ts): with them (and the scam and sales phrases added
// with them), the spam of spam-2 that would be acknowledged fell from 82 % to 42 % of its first
// contacts, and its ham stayed all acknowledged.
import { linkHost } from "./mail-links.ts";
import type { SpamInput, SpamReason } from "./spam-rules.ts";

export const MASS_MAIL_POINTS = {
  hidden_recipients: 1.5,
  date_without_zone: 1,
  advertisement_label: 2,
  link_to_address: 2,
  active_content: 2,
  click_here: 1,
  advert_layout: 1,
  pretend_reply: 1,
} as const;

export type MassMailRule = keyof typeof MASS_MAIL_POINTS;

export type MassMailInput = Pick<
  SpamInput,
  "headers" | "from" | "to" | "cc" | "subject" | "inReplyTo" | "references" | "text" | "html"
>;

/** Beyond this many To and Cc addresses, a mail went to a list someone bought, not to a desk. */
export const MANY_RECIPIENTS = 10;

const header = (input: MassMailInput, name: string) => input.headers.get(name)?.[0]?.trim() ?? "";

function hiddenRecipients(input: MassMailInput): string | null {
  if (/undisclosed|recipient list not shown/i.test(header(input, "to"))) {
    return "The recipients are hidden (“undisclosed recipients”).";
  }
  const from = input.from?.address.toLowerCase();
  const [only, ...others] = input.to;
  if (from && only && others.length === 0 && only.address.toLowerCase() === from) {
    return "The mail is addressed to its own sender; the real recipients were hidden.";
  }
  const count = input.to.length + input.cc.length;
  if (count >= MANY_RECIPIENTS) return `The mail went to ${count} visible recipients at once.`;
  return null;
}

function dateWithoutZone(input: MassMailInput): string | null {
  const date = header(input, "date");
  if (date === "" || /[+-]\d{4}\b|\b(?:gmt|ut|utc|z|[ecmp][sd]t)\b/i.test(date)) return null;
  return "The Date header has no time zone, which mail programs always write.";
}

function advertisementLabel(input: MassMailInput, text: string): string | null {
  if (/^\s*\[?adv?\s*[:\]-]/i.test(input.subject)) {
    return "The subject is labelled as an advertisement (“ADV:”).";
  }
  // Bulk mailers of the time quoted laws they claimed to comply with; nobody else does.
  const claim =
    /\b(this (e-?mail |message )?is not (a )?spam|not unsolicited|sent in compliance with|bill s\.? ?1618|section 301)\b/i;
  if (claim.test(text)) return "The mail insists it is not spam, quoting rules for bulk senders.";
  return null;
}

function linkToAddress(urls: readonly string[]): string | null {
  const bare = urls.map((url) => linkHost(url)).find((host) => host && /^[\d.]+$/.test(host));
  return bare ? `A link leads to a bare IP address (${bare}), not to a named site.` : null;
}

function activeContent(input: MassMailInput): string | null {
  const html = input.html ?? "";
  if (/<form\b/i.test(html)) return "The mail holds a form to fill in.";
  if (/<(script|i?frame)\b|\son(load|click|mouseover)\s*=/i.test(html)) {
    return "The mail holds scripts or frames.";
  }
  return null;
}

function clickHere(text: string): string | null {
  return /\bclick\s+(here|below)\b/i.test(text) ? "The text says “click here”." : null;
}

function advertLayout(input: MassMailInput): string | null {
  const html = input.html ?? "";
  const bigType = /<font[^>]*\ssize\s*=\s*["']?\+?[4-7]\b|font-size\s*:\s*(?:[2-9]\d)px/i.test(
    html,
  );
  const fonts = (html.match(/<font\b/gi) ?? []).length;
  if (bigType && (/\sbgcolor\s*=/i.test(html) || fonts >= 10)) {
    return "The HTML is laid out like an advert (large type on coloured blocks).";
  }
  return null;
}

function pretendReply(input: MassMailInput): string | null {
  // A real reply names the mail it answers; "Re:" alone is a trick to look expected.
  if (!/^\s*re\s*:/i.test(input.subject) || input.inReplyTo || input.references.length > 0) {
    return null;
  }
  return "The subject says “Re:”, but the mail answers no earlier message.";
}

/**
 * `text` is what a reader sees (the plain-text part, else the HTML's text); `urls` where the mail's
 * links lead (mail-links.ts, mailLinks).
 */
export function massMailReasons(
  input: MassMailInput,
  text: string,
  urls: readonly string[],
): SpamReason[] {
  const found: Array<[MassMailRule, string | null]> = [
    ["hidden_recipients", hiddenRecipients(input)],
    ["date_without_zone", dateWithoutZone(input)],
    ["advertisement_label", advertisementLabel(input, text)],
    ["link_to_address", linkToAddress(urls)],
    ["active_content", activeContent(input)],
    ["click_here", clickHere(text)],
    ["advert_layout", advertLayout(input)],
    ["pretend_reply", pretendReply(input)],
  ];
  return found.flatMap(([rule, detail]) =>
    detail ? [{ rule, points: MASS_MAIL_POINTS[rule], detail }] : [],
  );
}
