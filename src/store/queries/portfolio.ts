// "My customers": the customers a person is the advisor or the backup of, newest first and keyset-
// paged, and, for a page of them, their conversations owed a human answer (who is waiting).
import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { conversations, customers } from "../schema/index.ts";
import { owedAnswerCondition } from "./conversation-views.ts";
import { after, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

const newest: Keyset = { at: customers.createdAt, id: customers.id };

export type PortfolioRole = "advisor" | "backup";

export type PortfolioFilter = {
  workspaceId: string;
  userId: string;
  after?: Position | undefined;
  limit: number;
};

/**
 * Two keyset reads, one per index (advisor, backup), each stopping at the page's end, merged: an OR
 * of the two columns would make PostgreSQL gather and sort every customer of the person.
 */
export async function listPortfolio(db: Db, f: PortfolioFilter) {
  const side = (role: PortfolioRole) =>
    db
      .select({
        id: customers.id,
        name: customers.name,
        createdAt: customers.createdAt,
        role: sql<PortfolioRole>`${role}::text`,
      })
      .from(customers)
      .where(
        inWorkspace(
          customers,
          f.workspaceId,
          eq(role === "advisor" ? customers.advisorId : customers.backupId, f.userId),
          isNull(customers.mergedIntoId),
          after(newest, f.after),
        ),
      )
      .orderBy(...orderOf(newest))
      .limit(f.limit + 1);
  const [advised, backed] = await Promise.all([side("advisor"), side("backup")]);
  const seen = new Set(advised.map((c) => c.id));
  const merged = [...advised, ...backed.filter((c) => !seen.has(c.id))]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, f.limit + 1);
  return pageOf(merged, f.limit, (c) => ({ at: c.createdAt, id: c.id }));
}

/** The conversations of these customers owed a human answer (the unanswered watch's rule), soonest due first. */
export function waitingOf(db: Db, workspaceId: string, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  const c = conversations;
  const due = sql<Date | null>`coalesce(${c.firstResponseDueAt}, ${c.nextResponseDueAt})`.mapWith(
    c.firstResponseDueAt,
  );
  return db
    .select({
      id: c.id,
      customerId: c.customerId,
      reference: c.reference,
      subject: c.subject,
      assigneeId: c.assigneeId,
      awaitingSince: c.awaitingSince,
      dueAt: due,
    })
    .from(c)
    .where(inWorkspace(c, workspaceId, inArray(c.customerId, customerIds), owedAnswerCondition))
    .orderBy(sql`${due} asc nulls last`, asc(c.id));
}
