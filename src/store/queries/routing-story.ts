// Why a conversation is with whom it is and why it is urgent, as the console shows it: the latest
// routing, escalation and priority-raising events of one conversation, read in one statement.
import { and, desc, eq, inArray } from "drizzle-orm";
import { checkEventData, type EventPayload } from "../../domain/events/catalogue.ts";
import type { Db } from "../database.ts";
import { events } from "../schema/index.ts";

const told = [
  "conversation.routed",
  "conversation.escalated",
  "conversation.priority_raised",
] as const;

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
    .selectDistinctOn([events.type], { type: events.type, data: events.data, after: events.after })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.conversationId, conversationId),
        inArray(events.type, [...told]),
      ),
    )
    .orderBy(events.type, desc(events.createdAt), desc(events.id));
  const latest = (type: string) => rows.find((r) => r.type === type);
  // An erased customer's events keep no payload: then there is nothing to tell.
  const data = <T extends (typeof told)[number]>(type: T): EventPayload<T> | null => {
    const found = latest(type);
    const parsed = found ? checkEventData(type, found.data) : null;
    return parsed?.success ? (parsed.data as EventPayload<T>) : null;
  };
  const raised = data("conversation.priority_raised");
  const after = latest("conversation.priority_raised")?.after as { priority?: string } | null;
  return {
    routing: data("conversation.routed"),
    escalation: data("conversation.escalated"),
    urgency: raised ? { priority: after?.priority ?? null, words: raised.words } : null,
  };
}
