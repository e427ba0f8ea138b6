// The spam score of an inbound mail from rules an advisor can read ("why is this in Spam?"):
// each rule that fires adds its points and says why; `likelySpam` draws the line.

import { attachmentRisk } from "./attachment-risk.ts";
import { authenticationVerdicts } from "./authentication-results.ts";
import { type BulkRule, bulkContentReasons, visibleText } from "./bulk-content.ts";
import { linkHost, type MailLinks, mailLinks, shownHost } from "./mail-links.ts";
import { type MassMailRule, massMailReasons } from "./mass-mail.ts";
import { addressDomain, organisationalDomain } from "./organisational-domain.ts";
import { receivedAnomalies, receivedHops } from "./received-chain.ts";
import { spamPhrases } from "./spam-phrases.ts";
import { urlShortener } from "./url-shorteners.ts";

/** What the rules read; ParsedMail (channels/email/parse.ts) fits, plus the results to trust. */
export type SpamInput = {
  /** Lower-case header name → values, most recent first (Received). */
  headers: ReadonlyMap<string, readonly string[]>;
  from: { address: string } | null;
  replyTo: ReadonlyArray<{ address: string }>;
  to: ReadonlyArray<{ address: string }>;
  cc: ReadonlyArray<{ address: string }>;
  subject: string;
  inReplyTo: string | null;
  references: readonly string[];
  text: string | null;
  html: string | null;
  attachments: ReadonlyArray<{ filename: string | null; contentType: string }>;
  date: Date | null;
  messageId: string | null;
  /**
   * Authentication-Results values to judge. Only failures add points, so a result forged by
   * the sender can only raise its own mail's score; the shell may still pass only those its
   * own border wrote.
   */
  authenticationResults: readonly string[];
};

export type SpamRule =
  | "missing_message_id"
  | "missing_date"
  | "future_date"
  | "reply_to_mismatch"
  | "forged_received"
  | "shouting_subject"
  | "deceptive_link"
  | "url_shortener"
  | "dangerous_attachment"
  | "spam_phrase"
  | "spf_fail"
  | "spf_softfail"
  | "dkim_fail"
  | "dmarc_fail"
  /** Content signs of bulk mail (bulk-content.ts). */
  | BulkRule
  /** Signs of a bulk-mailing tool and of mail sent to many (mass-mail.ts). */
  | MassMailRule
  /** Not a rule of this file: the workspace's model, learnt from advisors' marks (bayes.ts). */
  | "learnt_from_marks"
  /** Not a rule of this file: a local SpamAssassin's verdict, when one is configured. */
  | "spamassassin";

export type SpamReason = { rule: SpamRule; points: number; detail: string };

export type SpamScore = { score: number; reasons: SpamReason[] };

/**
 * Points per rule. No single weak sign (one that honest mail shows too: a contact form's
 * Reply-To, a phrase, capitals) reaches the threshold; it takes two or three together, or one
 * strong sign (a disguised executable, DMARC failure with a deceptive link).
 * - headers every mail program writes: a missing Message-ID or Date is a bulk tool (1), a Date
 *   more than a day ahead is a trick to stay on top of the inbox (2);
 * - Reply-To elsewhere than From: scams, but also contact forms and ticketing tools (1);
 *   mailing lists (List-Id, List-Post) set it to themselves and are let off;
 * - a Received hop no relay can write (1): deliberate when true, but organisations with
 *   several domain names trip it too;
 * - subject in capitals (1.5) and `!!!` (1): shouting, common in spam, sometimes in anger;
 * - a link showing one site and leading to another: phishing, or a newsletter's tracker (2.5);
 * - URL shorteners hide where a link goes (1.5);
 * - executables and disk images: only malware sends them to a help desk (4), disguised
 *   behind a document's name (5, enough on its own);
 * - each spam phrase 1, at most 3;
 * - SPF fail 2 (softfail 1), DKIM fail 1.5 (lists break signatures), DMARC fail 3 (the From
 *   domain itself says the mail is not theirs).
 * Measured on the public SpamAssassin corpus (2002, no Authentication-Results), these header
 * rules alone: no ham and no spam reaches 5; 1 ham in 4,150 and 1.3 % of spam reach 3. With the
 * content signs of bulk mail (bulk-content.ts) and of mass mailing (mass-mail.ts), 55 % of the
 * held-out spam is filed and 0 of its 1,400 ham (bench/spam-corpus.ts); more comes from what the
 * advisors mark and answer (bayes.ts, combinedScore).
 */
export const SPAM_POINTS = {
  missing_message_id: 1,
  missing_date: 1,
  future_date: 2,
  reply_to_mismatch: 1,
  forged_received: 1,
  shouting_capitals: 1.5,
  shouting_exclamations: 1,
  deceptive_link: 2.5,
  url_shortener: 1.5,
  dangerous_attachment: 4,
  disguised_attachment: 5,
  spam_phrase: 1,
  spam_phrase_max: 3,
  spf_fail: 2,
  spf_softfail: 1,
  dkim_fail: 1.5,
  dmarc_fail: 3,
} as const;

/** A mail scoring this much goes to the Spam view, unanswered and unacknowledged. */
export const SPAM_THRESHOLD = 5;

export function likelySpam(score: number): boolean {
  return score >= SPAM_THRESHOLD;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function scoreSpam(input: SpamInput, now: Date): SpamScore {
  // Read once, for every rule that looks at them.
  const text = visibleText(input);
  const links = mailLinks(input.html, input.text);
  const reasons: SpamReason[] = [
    ...headerReasons(input, now),
    ...subjectReasons(input.subject),
    ...linkReasons(links),
    ...attachmentReasons(input.attachments),
    ...phraseReasons(input),
    ...bulkContentReasons(input, text),
    ...massMailReasons(input, text, links.urls),
    ...authenticationReasons(input.authenticationResults),
  ];
  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

function headerReasons(input: SpamInput, now: Date): SpamReason[] {
  const reasons: SpamReason[] = [];
  if (input.messageId === null) {
    reasons.push(hit("missing_message_id", "The mail has no Message-ID header."));
  }
  if (input.date === null) {
    const written = (input.headers.get("date") ?? []).some((value) => value.trim() !== "");
    reasons.push(
      hit(
        "missing_date",
        written ? "The Date header cannot be read." : "The mail has no Date header.",
      ),
    );
  } else if (input.date.getTime() - now.getTime() > DAY_MS) {
    reasons.push(
      hit("future_date", `The mail is dated ${input.date.toISOString()}, more than a day ahead.`),
    );
  }
  // A mailing list sets Reply-To to itself: that says nothing of the sender.
  const fromList = ["list-id", "list-post"].some((name) => input.headers.has(name));
  const fromDomain = input.from && !fromList ? addressDomain(input.from.address) : null;
  const fromOrganisation = fromDomain ? organisationalDomain(fromDomain) : null;
  const elsewhere = input.replyTo.find((address) => {
    const domain = addressDomain(address.address);
    return fromOrganisation && domain && organisationalDomain(domain) !== fromOrganisation;
  });
  if (fromDomain && elsewhere) {
    reasons.push(
      hit(
        "reply_to_mismatch",
        `Replies would go to ${addressDomain(elsewhere.address)}, but the mail is from ${fromDomain}.`,
      ),
    );
  }
  const anomalies = receivedAnomalies(receivedHops(input.headers.get("received") ?? []));
  if (anomalies.length > 0) {
    const details = anomalies.map((anomaly) => anomaly.detail).join("; ");
    reasons.push(hit("forged_received", `The relay trail looks forged: ${details}.`));
  }
  return reasons;
}

function subjectReasons(subject: string): SpamReason[] {
  // Reply prefixes and our own references ([#K7M2QX9A]) are capitals nobody shouted.
  const words = subject.replace(/\[#[^\]]*\]/g, " ").replace(/^(?:\s*(?:re|fwd?|tr|aw)\s*:)+/i, "");
  const letters = words.match(/\p{L}/gu) ?? [];
  const capitals = words.match(/\p{Lu}/gu) ?? [];
  const exclamations = (subject.match(/[!！]/g) ?? []).length;
  const shouting = letters.length >= 10 && capitals.length / letters.length >= 0.7;
  const parts: string[] = [];
  let points = 0;
  if (shouting) {
    points += SPAM_POINTS.shouting_capitals;
    parts.push("mostly capitals");
  }
  if (exclamations >= 3) {
    points += SPAM_POINTS.shouting_exclamations;
    parts.push(`${exclamations} exclamation marks`);
  }
  if (points === 0) return [];
  return [{ rule: "shouting_subject", points, detail: `The subject shouts: ${parts.join(", ")}.` }];
}

function linkReasons({ anchors, urls }: MailLinks): SpamReason[] {
  const reasons: SpamReason[] = [];
  const deceptive = anchors.find((anchor) => {
    const shown = shownHost(anchor.text);
    const target = linkHost(anchor.href);
    if (!shown || !target) return false;
    return organisationalDomain(shown) !== organisationalDomain(target);
  });
  if (deceptive) {
    reasons.push(
      hit(
        "deceptive_link",
        `A link shows ${shownHost(deceptive.text)} but leads to ${linkHost(deceptive.href)}.`,
      ),
    );
  }
  const shortened = new Set<string>();
  for (const url of urls) {
    const host = linkHost(url);
    const shortener = host ? urlShortener(host) : null;
    if (shortener) shortened.add(shortener);
  }
  if (shortened.size > 0) {
    reasons.push(
      hit("url_shortener", `Links go through a URL shortener: ${[...shortened].join(", ")}.`),
    );
  }
  return reasons;
}

function attachmentReasons(attachments: SpamInput["attachments"]): SpamReason[] {
  const risky = attachments.map((attachment) => ({ attachment, risk: attachmentRisk(attachment) }));
  const found =
    risky.find(({ risk }) => risk === "disguised_program") ??
    risky.find(({ risk }) => risk === "program");
  if (!found) return [];
  const name = `"${found.attachment.filename ?? found.attachment.contentType}"`;
  if (found.risk === "program") {
    return [hit("dangerous_attachment", `The attachment ${name} is a program or disk image.`)];
  }
  const detail = `The attachment ${name} is a program disguised as another file.`;
  return [{ rule: "dangerous_attachment", points: SPAM_POINTS.disguised_attachment, detail }];
}

function phraseReasons(input: SpamInput): SpamReason[] {
  const html = (input.html ?? "").replace(/<[^>]*>/g, " ");
  const phrases = spamPhrases(`${input.subject}\n${input.text ?? ""}\n${html}`);
  if (phrases.length === 0) return [];
  const points = Math.min(phrases.length * SPAM_POINTS.spam_phrase, SPAM_POINTS.spam_phrase_max);
  const quoted = phrases.map((phrase) => `"${phrase}"`).join(", ");
  return [{ rule: "spam_phrase", points, detail: `The mail uses spam phrases: ${quoted}.` }];
}

function authenticationReasons(values: readonly string[]): SpamReason[] {
  const verdicts = authenticationVerdicts(values);
  const reasons: SpamReason[] = [];
  // When two verifiers disagree, the harsher SPF verdict counts, once.
  if (verdicts.has("spf=fail")) {
    reasons.push(
      hit("spf_fail", "SPF: the sending server is not allowed to send for this domain."),
    );
  } else if (verdicts.has("spf=softfail")) {
    reasons.push(
      hit("spf_softfail", "SPF: the domain says the sending server is probably not its own."),
    );
  }
  if (verdicts.has("dkim=fail")) {
    reasons.push(hit("dkim_fail", "DKIM: a signature on the mail does not verify."));
  }
  if (verdicts.has("dmarc=fail")) {
    reasons.push(hit("dmarc_fail", "DMARC: the sender's domain does not vouch for this mail."));
  }
  return reasons;
}

type PointedRule = SpamRule & keyof typeof SPAM_POINTS;

function hit(rule: PointedRule, detail: string): SpamReason {
  return { rule, points: SPAM_POINTS[rule], detail };
}
