// Job: mail a notification (an SLA warning or escalation, a conversation transferred again) to the advisor or manager it is for.

import { and, eq } from "drizzle-orm";
import { composeMail } from "../channels/email/compose.ts";
import type { Deliver } from "../channels/email/deliver.ts";
import type { Runtime } from "../runtime.ts";
import { brands, conversations, notifications, users } from "../store/schema/index.ts";
import type { JobData } from "./job-data.ts";

export type NotifyUserJob = JobData["notify-user"];

const wording = {
  en: {
    "sla.warn_assignee": "Due soon",
    "sla.warn_manager": "Escalation: due soon",
    "sla.breach": "Escalation: promise broken",
    "transfer.repeated": "Transferred again",
    transferBody: (ref: string, subject: string, count: number) =>
      `The conversation [#${ref}] "${subject}" was just transferred for the ${count}th time: the customer is being passed from desk to desk.\n`,
    body: (ref: string, subject: string, due: string) =>
      `The conversation [#${ref}] "${subject}" still has no human answer.\nIt is due ${due}.\n`,
  },
  fr: {
    "sla.warn_assignee": "Bientôt en retard",
    "sla.warn_manager": "Escalade : bientôt en retard",
    "sla.breach": "Escalade : promesse non tenue",
    "transfer.repeated": "Encore transférée",
    transferBody: (ref: string, subject: string, count: number) =>
      `La conversation [#${ref}] « ${subject} » vient d’être transférée pour la ${count}e fois : le client passe d’un poste à l’autre.\n`,
    body: (ref: string, subject: string, due: string) =>
      `La conversation [#${ref}] « ${subject} » n’a toujours pas de réponse humaine.\nÉchéance : ${due}.\n`,
  },
} as const;

export async function notifyUser(rt: Runtime, deliver: Deliver, job: NotifyUserJob): Promise<void> {
  const [row] = await rt.db
    .select({ notification: notifications, user: users })
    .from(notifications)
    .innerJoin(
      users,
      and(eq(users.workspaceId, notifications.workspaceId), eq(users.id, notifications.userId)),
    )
    .where(
      and(eq(notifications.workspaceId, job.workspaceId), eq(notifications.id, job.notificationId)),
    );
  if (!row) return;
  const { notification, user } = row;
  const [conversation] = notification.conversationId
    ? await rt.db
        .select({ brandId: conversations.brandId })
        .from(conversations)
        .where(
          and(
            eq(conversations.workspaceId, job.workspaceId),
            eq(conversations.id, notification.conversationId),
          ),
        )
    : [];
  const [brand] = conversation
    ? await rt.db
        .select()
        .from(brands)
        .where(and(eq(brands.workspaceId, job.workspaceId), eq(brands.id, conversation.brandId)))
    : [];
  const language = user.languages[0] === "fr" ? "fr" : "en";
  const words = wording[language];
  const data = notification.data as {
    reference?: string;
    subject?: string;
    due_at?: string | null;
    count?: number;
  };
  const title = words[notification.kind as keyof typeof words] ?? notification.kind;
  const from = brand?.addresses[0] ?? rt.config.supportAddress;
  const raw = await composeMail({
    from: { name: "Rapport", address: from },
    to: { name: user.name, address: user.email },
    subject: `${String(title)}: ${data.subject ?? ""} [#${data.reference ?? ""}]`,
    text:
      notification.kind === "transfer.repeated"
        ? words.transferBody(data.reference ?? "", data.subject ?? "", data.count ?? 3)
        : words.body(data.reference ?? "", data.subject ?? "", data.due_at ?? "—"),
    messageId: `<n-${notification.id}@${from.slice(from.lastIndexOf("@") + 1)}>`,
    autoSubmitted: "auto-generated",
    date: rt.now(),
  });
  const outcome = await deliver(
    { from: "", to: [user.email] },
    raw,
    `n-${notification.id}`,
    rt.now(),
  );
  if (!outcome.ok && !outcome.permanent)
    throw new Error(`the notification could not be sent yet: ${outcome.response}`);
}
