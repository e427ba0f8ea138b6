// The spam verdict of an inbound mail, before any acknowledgement is decided: the pure rules plus
// the workspace's model (learnt from advisors' marks), with reasons an advisor can read.

import { spamModelOf } from "../../commands/spam/spam-model.ts";
import { classify, combinedScore } from "../../domain/mail/bayes.ts";
import { type SpamReason, scoreSpam } from "../../domain/mail/spam-rules.ts";
import type { Runtime } from "../../runtime.ts";
import type { ParsedMail } from "./parse.ts";

export type SpamVerdict = { score: number; reasons: SpamReason[]; likely: boolean };

export async function spamVerdict(
  rt: Runtime,
  workspaceId: string,
  mail: ParsedMail,
  text: string,
): Promise<SpamVerdict> {
  const rules = scoreSpam(
    {
      headers: mail.headers,
      from: mail.from,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
      date: mail.date,
      messageId: mail.messageId,
      authenticationResults: mail.headers.get("authentication-results") ?? [],
    },
    rt.now(),
  );
  const model = await spamModelOf(rt.db, workspaceId);
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
  return { score: combined.score, reasons, likely: combined.likelySpam };
}
