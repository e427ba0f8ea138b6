// What the chat widget reads: its brand by slug, a visitor, the messages a visitor may see, the
// brand's team for "online", and the visitors' stream presence.
import { and, asc, eq, inArray, isNotNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { brands, messages, teamMembers, teams, users, widgetVisitors } from "../schema/index.ts";
import { acrossWorkspaces, inWorkspace } from "./workspace-scope.ts";

export type WidgetBrand = typeof brands.$inferSelect;
export type WidgetVisitor = typeof widgetVisitors.$inferSelect;

/** The brand a widget names by slug; the oldest one when several workspaces use the slug. */
export async function widgetBrand(db: Db, slug: string): Promise<WidgetBrand | null> {
  const [brand] = await db
    .select()
    .from(brands)
    .where(and(acrossWorkspaces("a public widget names its brand by slug"), eq(brands.slug, slug)))
    .orderBy(asc(brands.createdAt))
    .limit(1);
  return brand ?? null;
}

export async function widgetVisitor(
  db: Db | Tx,
  workspaceId: string,
  id: string,
): Promise<WidgetVisitor | null> {
  const [row] = await db
    .select()
    .from(widgetVisitors)
    .where(inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.id, id)));
  return row ?? null;
}

/** The latest sign of life of a widget stream on the conversation (null: none open). */
export async function conversationVisitorSeenAt(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
): Promise<{ visitor: boolean; seenAt: Date | null }> {
  const rows = await tx
    .select({ seenAt: widgetVisitors.streamSeenAt })
    .from(widgetVisitors)
    .where(
      inWorkspace(widgetVisitors, workspaceId, eq(widgetVisitors.conversationId, conversationId)),
    );
  const seen = rows.flatMap((r) => (r.seenAt ? [r.seenAt.getTime()] : []));
  return {
    visitor: rows.length > 0,
    seenAt: seen.length > 0 ? new Date(Math.max(...seen)) : null,
  };
}

/** How much of a message the widget shows: a chat is short; a long mail reply is cut. */
export const widgetBodyLength = 20_000;

/**
 * What the visitor may see of their conversation: their own messages and the replies that are not
 * automatic, never notes; after a message already shown when `afterId` is given.
 */
export async function visitorMessages(
  db: Db | Tx,
  workspaceId: string,
  conversationId: string,
  afterId: string | null,
) {
  const after: SQL | undefined = afterId
    ? sql`(${messages.createdAt}, ${messages.id}) > (select m.created_at, m.id from messages m
        where m.workspace_id = ${workspaceId} and m.id = ${afterId})`
    : undefined;
  return db
    .select({
      id: messages.id,
      direction: messages.direction,
      authorKind: messages.authorKind,
      authorName: messages.authorName,
      bodyText: sql<string>`left(${messages.bodyText}, ${widgetBodyLength})`,
      delivery: messages.delivery,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      inWorkspace(
        messages,
        workspaceId,
        eq(messages.conversationId, conversationId),
        ne(messages.direction, "note"),
        or(eq(messages.direction, "inbound"), eq(messages.automated, false)),
        after,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(500);
}

/** The people of a team (its members and its manager), as the online rule reads them. */
export async function teamAdvisors(db: Db, workspaceId: string, teamId: string) {
  const [team] = await db
    .select({ managerId: teams.managerId })
    .from(teams)
    .where(inWorkspace(teams, workspaceId, eq(teams.id, teamId)));
  const members = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
  const ids = [
    ...new Set([...members.map((m) => m.userId), ...(team?.managerId ? [team.managerId] : [])]),
  ];
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      active: users.active,
      from: users.outOfOfficeFrom,
      until: users.outOfOfficeUntil,
    })
    .from(users)
    .where(inWorkspace(users, workspaceId, inArray(users.id, ids)));
  return rows.map((r) => ({
    id: r.id,
    active: r.active,
    outOfOffice: r.from || r.until ? { from: r.from, until: r.until } : null,
  }));
}

/** The widgets of these visitors are connected now (their streams' heartbeat, any node). */
export async function markVisitorsSeen(
  db: Db,
  workspaceId: string,
  visitorIds: string[],
  at: Date,
): Promise<void> {
  if (visitorIds.length === 0) return;
  await db
    .update(widgetVisitors)
    .set({ streamSeenAt: at })
    .where(inWorkspace(widgetVisitors, workspaceId, inArray(widgetVisitors.id, visitorIds)));
}

/** The visitor's last stream on this node closed. */
export async function markVisitorGone(db: Db, workspaceId: string, visitorId: string) {
  await db
    .update(widgetVisitors)
    .set({ streamSeenAt: null })
    .where(
      inWorkspace(
        widgetVisitors,
        workspaceId,
        eq(widgetVisitors.id, visitorId),
        isNotNull(widgetVisitors.streamSeenAt),
      ),
    );
}
