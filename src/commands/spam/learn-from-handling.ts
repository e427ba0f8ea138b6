// What advisors do with a conversation teaches the workspace's model as a mark would: answering a
// customer says "not spam", closing a conversation as spam says "spam". Many lessons are learnt in
// one write of the model (the job batches them); a message already learnt or marked is left alone.
import { and, eq, inArray } from "drizzle-orm";
import { type BayesModel, type SpamMark, train } from "../../domain/mail/bayes.ts";
import type { Runtime } from "../../runtime.ts";
import { messages } from "../../store/schema/index.ts";
import { markFlag, saveSpamModel, spamModelOf } from "./spam-model.ts";

export type SpamLesson = { workspaceId: string; conversationId: string; mark: SpamMark };

/** Learns the lessons of one workspace; answers how many messages the model learnt. */
export async function learnFromHandling(
  rt: Runtime,
  workspaceId: string,
  lessons: ReadonlyArray<Omit<SpamLesson, "workspaceId">>,
): Promise<number> {
  if (lessons.length === 0) return 0;
  return rt.db.transaction(async (tx) => {
    let model: BayesModel = await spamModelOf(tx, workspaceId, true);
    const markOf = new Map(lessons.map((lesson) => [lesson.conversationId, lesson.mark]));
    const inbound = await tx
      .select({
        id: messages.id,
        conversationId: messages.conversationId,
        subject: messages.subject,
        bodyText: messages.bodyText,
        flags: messages.flags,
        spam: messages.spam,
      })
      .from(messages)
      .where(
        and(
          eq(messages.workspaceId, workspaceId),
          inArray(messages.conversationId, [...markOf.keys()]),
          eq(messages.direction, "inbound"),
          eq(messages.channel, "email"),
        ),
      );
    let learnt = 0;
    for (const m of inbound) {
      const mark = markOf.get(m.conversationId);
      if (!mark || m.flags.includes(markFlag.spam) || m.flags.includes(markFlag.not_spam)) continue;
      // A mail still filed as spam was not what the advisor answered (a later message was).
      if (mark === "not_spam" && m.spam) continue;
      model = train(model, `${m.subject}\n${m.bodyText}`, mark);
      learnt += 1;
      await tx
        .update(messages)
        .set({ flags: [...m.flags, markFlag[mark]] })
        .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, m.id)));
    }
    if (learnt > 0) await saveSpamModel(tx, workspaceId, model, rt.now());
    return learnt;
  });
}
