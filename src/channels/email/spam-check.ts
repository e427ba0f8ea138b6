// The spam verdict of an inbound mail, before any acknowledgement is decided: the pure rules plus
// the workspace's model (learnt from advisors' marks), and spamd's opinion when one is configured,
// with reasons an advisor can read.
import { cachedSpamModel } from "../../commands/spam/spam-model.ts";
import { senderDisowned } from "../../domain/mail/authentication-results.ts";
import { classify, combinedScore } from "../../domain/mail/bayes.ts";
import { type SpamInput, type SpamReason, scoreSpam } from "../../domain/mail/spam-rules.ts";
import type { Runtime } from "../../runtime.ts";
import type { ParsedMail } from "./parse.ts";
import { askSpamd, parseSpamdAddress } from "./spamd.ts";

export type SpamVerdict = {
  score: number;
  reasons: SpamReason[];
  likely: boolean;
  /** The sender's own domain disowns the mail: no acknowledgement, spam or not. */
  senderDisowned: boolean;
};

export async function spamVerdict(
  rt: Runtime,
  workspaceId: string,
  mail: ParsedMail,
  text: string,
  raw: Buffer,
  /** What our own SPF/DKIM/DMARC checks found (authenticate.ts). */
  ours: string[] = [],
): Promise<SpamVerdict> {
  // Ours, and those of relays before us (only failures count, so a forged one only hurts its mail).
  const results = [...ours, ...(mail.headers.get("authentication-results") ?? [])];
  const rules = scoreSpam(spamInputOf(mail, results), rt.now());
  const model = await cachedSpamModel(rt.db, workspaceId);
  const bayes = classify(model, `${mail.subject}\n${text}`);
  const combined = combinedScore(rules.score, bayes);
  const reasons: SpamReason[] = [...rules.reasons];
  if (combined.bayesPoints !== 0) {
    const words = bayes.evidence
      .slice(0, 5)
      .map((e) => e.token)
      .join(", ");
    reasons.push({
      rule: "learnt_from_marks",
      points: combined.bayesPoints,
      detail: `what advisors marked before (${Math.round(bayes.probabilitySpam * 100)} % spam-like: ${words})`,
    });
  }
  const second = rt.config.spamd ? await spamdOpinion(rt, rt.config.spamd, raw) : null;
  if (second) reasons.push(second.reason);
  return {
    score: combined.score + (second?.reason.points ?? 0),
    reasons,
    likely: combined.likelySpam || (second?.spam ?? false),
    senderDisowned: senderDisowned(results),
  };
}

/** What the rules read of a parsed mail, with the authentication results to judge. */
export function spamInputOf(mail: ParsedMail, authenticationResults: string[]): SpamInput {
  return {
    headers: mail.headers,
    from: mail.from,
    replyTo: mail.replyTo,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
    date: mail.date,
    messageId: mail.messageId,
    authenticationResults,
  };
}

/** SpamAssassin's verdict; when it cannot answer, the built-in scorer decides alone (logged). */
async function spamdOpinion(rt: Runtime, address: string, raw: Buffer) {
  try {
    const v = await askSpamd(parseSpamdAddress(address), raw);
    const points = v.spam ? Math.max(v.score, 5) : Math.min(Math.max(v.score, -3), 0);
    return {
      spam: v.spam,
      reason: {
        rule: "spamassassin" as const,
        points: Math.round(points * 10) / 10,
        detail: `SpamAssassin ${v.score} / ${v.threshold}${v.symbols.length ? ` (${v.symbols.slice(0, 8).join(", ")})` : ""}`,
      },
    };
  } catch (error) {
    rt.log.warn({ err: error }, "spamd did not answer: the built-in scorer decides alone");
    return null;
  }
}
