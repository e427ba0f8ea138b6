// The portal's view of a customer's conversations and messages: what the customer may see, and no
// more (no assignee, no notes, no spam detail, no raw mail).
import { z } from "zod";
import { channels, conversationStatuses } from "../../domain/conversation/status.ts";
import { ratingRefusal } from "../../domain/portal/rating.ts";
import type { PortalConversation } from "../../store/queries/portal.ts";
import { csatView, presentCsat } from "./conversation.ts";

const iso = z.string().describe("ISO-8601 UTC");

export const portalConversationView = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  status: z.enum(conversationStatuses),
  channel: z.enum(channels),
  csat: csatView.nullable(),
  may_rate: z.boolean().describe("resolved or closed, and not rated yet"),
  created_at: iso,
  last_activity_at: iso,
});

export const portalMessageView = z.object({
  id: z.string(),
  direction: z.enum(["inbound", "outbound"]).describe("inbound: the customer's own"),
  channel: z.enum(channels),
  author_name: z.string(),
  body_text: z.string(),
  created_at: iso,
});

export function presentPortalConversation(
  c: PortalConversation,
): z.infer<typeof portalConversationView> {
  return {
    id: c.id,
    reference: c.reference,
    subject: c.subject,
    status: c.status,
    channel: c.channel,
    csat: presentCsat(c),
    may_rate: ratingRefusal(c) === null,
    created_at: c.createdAt.toISOString(),
    last_activity_at: c.lastActivityAt.toISOString(),
  };
}

export function presentPortalMessage(m: {
  id: string;
  direction: "inbound" | "outbound" | "note";
  channel: (typeof channels)[number];
  authorName: string;
  bodyText: string;
  createdAt: Date;
}): z.infer<typeof portalMessageView> {
  return {
    id: m.id,
    direction: m.direction === "inbound" ? "inbound" : "outbound",
    channel: m.channel,
    author_name: m.authorName,
    body_text: m.bodyText,
    created_at: m.createdAt.toISOString(),
  };
}

export const ratingBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
});
export const replyBody = z.strictObject({ body: z.string().trim().min(1).max(20_000) });
