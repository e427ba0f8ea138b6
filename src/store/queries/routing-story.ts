// Why a conversation is with whom it is and why it is urgent, as the console shows it: the latest
// routing, escalation and priority-raising events of one conversation, read in one statement.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { EventPayload } from "../../domain/events/catalogue.ts";
import type { Db } from "../database.ts";
import { events } from "../schema/index.ts";

const told = ["conversation.routed", "conversation.escalated", "conversation.priority_raised"];

export type RoutingStory = {
  routing: EventPayload<"conversation.routed"> | null;
  escalation: EventPayload<"conversation.escalated"> | null;
  urgency: { priority: string | null; words: string[] } | null;
};

export async function routingStoryOf(
  db: Db,
  workspaceId: string,
  conversationId: string,
): Promise<RoutingStory> {
  const rows = await db
    .select({ type: events.type, data: events.data, after: events.after })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.conversationId, conversationId),
        inArray(events.type, told),
      ),
    )
    .orderBy(desc(events.createdAt))
    .limit(20);
  const latest = (type: string) => rows.find((r) => r.type === type);
  const data = <T extends "conversation.routed" | "conversation.escalated">(type: T) =>
    (latest(type)?.data as EventPayload<T> | null) ?? null;
  const raised = latest("conversation.priority_raised");
  const words = raised ? ((raised.data as { words?: string[] } | null)?.words ?? []) : [];
  const priority = (raised?.after as { priority?: string } | null)?.priority ?? null;
  return {
    routing: data("conversation.routed"),
    escalation: data("conversation.escalated"),
    urgency: raised ? { priority, words } : null,
  };
}
