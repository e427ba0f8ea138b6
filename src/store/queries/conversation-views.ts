// What the inbox's lists share: the owed-an-answer and snoozed conditions (the SQL side of
// domain/conversation/owed.ts), the details a list row shows, and each view's count.
import { and, eq, inArray, isNotNull, notInArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { previewOf } from "../../domain/conversation/preview.ts";
import type { Db } from "../database.ts";
import { conversations, messages, teams, users } from "../schema/index.ts";
import { inWorkspace } from "./workspace-scope.ts";

/**
 * Owed a human answer (domain/conversation/owed.ts `owesAnswer`). The first three conditions are
 * the partial index `conversations_unanswered`'s, which PostgreSQL then reads.
 */
export const owedAnswerCondition = and(
  isNotNull(conversations.awaitingSince),
  eq(conversations.spam, false),
  notInArray(conversations.status, ["resolved", "closed"]),
  eq(conversations.bulk, false),
) as SQL;

/** Snoozed at `now` (domain/conversation/owed.ts `isSnoozed`): a customer message ends it. */
export function snoozedCondition(now: Date): SQL {
  return sql`(${conversations.snoozedUntil} is not null and ${conversations.snoozedUntil} > ${now.toISOString()}::timestamptz
    and (${conversations.lastCustomerMessageAt} is null or ${conversations.lastCustomerMessageAt} <= ${conversations.snoozedAt}))`;
}

export function notSnoozedCondition(now: Date): SQL {
  return sql`not coalesce(${snoozedCondition(now)}, false)`;
}

/** Conversations carrying this (normalised) tag, through the GIN index. */
export function taggedCondition(tag: string): SQL {
  return sql`${conversations.tags} @> ${JSON.stringify([tag])}::jsonb`;
}

export type RowDetails = {
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  escalatedTo: { id: string; name: string } | null;
  preview: string;
};

const assignee = alias(users, "assignee");
const escalated = alias(users, "escalated");

/**
 * Names and the last message's opening words for the rows of a page, in one statement: each
 * preview is the newest reply or customer message (never a note, nor an automatic message such as
 * an acknowledgement), read backwards through the conversation's message index.
 */
export async function rowDetailsOf(
  db: Db,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, RowDetails>> {
  if (ids.length === 0) return new Map();
  const last = db
    .select({ body: sql<string>`left(${messages.bodyText}, 600)`.as("body") })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, conversations.workspaceId),
        eq(messages.conversationId, conversations.id),
        sql`${messages.direction} <> 'note'`,
        eq(messages.automated, false),
      ),
    )
    .orderBy(sql`${messages.createdAt} desc`)
    .limit(1)
    .as("last");
  const rows = await db
    .select({
      id: conversations.id,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      teamId: teams.id,
      teamName: teams.name,
      escalatedId: escalated.id,
      escalatedName: escalated.name,
      body: last.body,
    })
    .from(conversations)
    .leftJoin(
      assignee,
      and(
        eq(assignee.workspaceId, conversations.workspaceId),
        eq(assignee.id, conversations.assigneeId),
      ),
    )
    .leftJoin(
      teams,
      and(eq(teams.workspaceId, conversations.workspaceId), eq(teams.id, conversations.teamId)),
    )
    .leftJoin(
      escalated,
      and(
        eq(escalated.workspaceId, conversations.workspaceId),
        eq(escalated.id, conversations.escalatedToId),
      ),
    )
    .leftJoinLateral(last, sql`true`)
    .where(inWorkspace(conversations, workspaceId, inArray(conversations.id, ids)));
  const named = (id: string | null, name: string | null) =>
    id && name !== null ? { id, name } : null;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        assignee: named(r.assigneeId, r.assigneeName),
        team: named(r.teamId, r.teamName),
        escalatedTo: named(r.escalatedId, r.escalatedName),
        preview: previewOf(r.body ?? ""),
      },
    ]),
  );
}

export const inboxViews = [
  "unanswered",
  "waiting",
  "resolved",
  "all",
  "snoozed",
  "bulk",
  "spam",
] as const;
export type InboxView = (typeof inboxViews)[number];

/**
 * Each view's conditions, as the console's tabs read them (web/src/display/inbox-views.ts names
 * the same filters): the unanswered watch shows what is owed even when snoozed; waiting and all
 * leave snoozed conversations out.
 */
export function viewCondition(view: InboxView, now: Date): SQL {
  const kept = and(eq(conversations.spam, false), eq(conversations.bulk, false)) as SQL;
  switch (view) {
    case "unanswered":
      return owedAnswerCondition;
    case "waiting":
      return and(
        kept,
        inArray(conversations.status, ["waiting_customer", "waiting_third_party"]),
        notSnoozedCondition(now),
      ) as SQL;
    case "resolved":
      return and(kept, inArray(conversations.status, ["resolved", "closed"])) as SQL;
    case "all":
      return and(kept, notSnoozedCondition(now)) as SQL;
    case "snoozed":
      return and(eq(conversations.spam, false), snoozedCondition(now)) as SQL;
    case "bulk":
      return and(eq(conversations.spam, false), eq(conversations.bulk, true)) as SQL;
    case "spam":
      return eq(conversations.spam, true);
  }
}

/** Counts stop here: a tab says "1000+" rather than walking a million rows. */
export const countCap = 1000;

export type CountFilter = {
  workspaceId: string;
  brandId?: string | undefined;
  assigneeId?: string | undefined;
  now: Date;
};

/** The statement that counts one view, up to one past `countCap` (benches EXPLAIN it). */
export function viewCount(db: Db, f: CountFilter, view: InboxView) {
  const capped = db
    .select({ one: sql`1`.as("one") })
    .from(conversations)
    .where(
      inWorkspace(
        conversations,
        f.workspaceId,
        viewCondition(view, f.now),
        f.brandId ? eq(conversations.brandId, f.brandId) : undefined,
        f.assigneeId ? eq(conversations.assigneeId, f.assigneeId) : undefined,
      ),
    )
    .limit(countCap + 1)
    .as("capped");
  return db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(capped);
}

/** How many conversations each view holds, up to one past `countCap`, each through its own index. */
export async function countViews(db: Db, f: CountFilter): Promise<Record<InboxView, number>> {
  const counts = await Promise.all(
    inboxViews.map(async (view) => {
      const [row] = await viewCount(db, f, view);
      return [view, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<InboxView, number>;
}
