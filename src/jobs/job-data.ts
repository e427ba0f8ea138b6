// The job catalogue: one Zod schema per job the queue carries, so the sender writes and the worker
// reads the same typed data (`JobData[N]`); sweeps carry nothing.
import { z } from "zod";

const id = z.string().min(1);

export const jobSchemas = {
  /** Composes and delivers one outbound message (a reply, an acknowledgement). */
  "send-mail": z.object({ workspaceId: id, messageId: id }),
  /** Mails a user one of their notifications (an SLA warning, a breach). */
  "notify-user": z.object({ workspaceId: id, notificationId: id }),
  /** Mails a customer the portal sign-in link just made (its token sealed in the link's row). */
  "send-portal-link": z.object({ workspaceId: id, linkId: id, baseUrl: z.string().min(1) }),
  /** Recomputes the due times of a workspace's open conversations after a rule changed. */
  "recompute-clocks": z.object({ workspaceId: id }),
  /** A lesson for the workspace's spam model from what an advisor did with a conversation. */
  "learn-spam-lessons": z.object({
    workspaceId: id,
    conversationId: id,
    mark: z.enum(["spam", "not_spam"]),
  }),
  /** One attempt of a webhook delivery (the next one, if it fails, is a new job sent then). */
  "deliver-webhook": z.object({ workspaceId: id, deliveryId: id }),
  "sla-sweep": z.object({}).loose(),
  "auto-close": z.object({}).loose(),
  "purge-spam": z.object({}).loose(),
  "retention-sweep": z.object({}).loose(),
} as const;

export type JobName = keyof typeof jobSchemas;
export type JobData = { [N in JobName]: z.infer<(typeof jobSchemas)[N]> };

export const jobNames = Object.keys(jobSchemas) as JobName[];

/** Reads a job's data as its schema says, failing loudly on a job written by another version. */
export function jobDataOf<N extends JobName>(name: N, data: unknown): JobData[N] {
  return jobSchemas[name].parse(data) as JobData[N];
}
