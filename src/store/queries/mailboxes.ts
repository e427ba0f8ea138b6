// Reading and keeping the mailboxes: the settings list and one row (within a workspace), the ones
// to take mail from (across workspaces: the poller serves them all), and what a session learns —
// its state, its last error, and how far the mailbox is read.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { type MailboxState, mailboxes } from "../schema/index.ts";
import { after, createdPosition, orderOf, pageOf } from "./keyset.ts";
import type { PageRequest } from "./settings.ts";
import { acrossWorkspaces, inWorkspace } from "./workspace-scope.ts";

export type Mailbox = typeof mailboxes.$inferSelect;

const byCreation = { at: mailboxes.createdAt, id: mailboxes.id };

export async function listMailboxes(db: Db, r: PageRequest & { brandId?: string | undefined }) {
  const rows = await db
    .select()
    .from(mailboxes)
    .where(
      inWorkspace(
        mailboxes,
        r.workspaceId,
        r.brandId ? eq(mailboxes.brandId, r.brandId) : undefined,
        after(byCreation, r.after),
      ),
    )
    .orderBy(...orderOf(byCreation))
    .limit(r.limit + 1);
  return pageOf(rows, r.limit, createdPosition);
}

export async function getMailbox(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailboxes)
    .where(inWorkspace(mailboxes, workspaceId, eq(mailboxes.id, id)));
  return row ?? null;
}

/** The mailboxes to take mail from, every workspace's, with the instant of their last change. */
export function enabledMailboxes(db: Db) {
  return db
    .select({
      workspaceId: mailboxes.workspaceId,
      id: mailboxes.id,
      updatedAt: mailboxes.updatedAt,
    })
    .from(mailboxes)
    .where(
      and(
        acrossWorkspaces("the poller serves the mailboxes of every workspace"),
        eq(mailboxes.enabled, true),
      ),
    );
}

const key = (m: { workspaceId: string; id: string }) =>
  and(eq(mailboxes.workspaceId, m.workspaceId), eq(mailboxes.id, m.id));

/** What a session learnt of its connection; `error` null clears the last error. */
export async function recordMailboxState(
  db: Db,
  m: { workspaceId: string; id: string },
  state: MailboxState,
  error: { text: string; at: Date } | null,
): Promise<void> {
  await db
    .update(mailboxes)
    .set({
      state,
      ...(error ? { lastError: error.text, lastErrorAt: error.at } : {}),
    })
    .where(key(m));
}

/**
 * The folder's UIDVALIDITY as the server tells it now: when it differs from the one kept, every
 * UID kept means nothing any more and the folder is read from its start again.
 */
export async function adoptUidValidity(
  db: Db,
  m: { workspaceId: string; id: string },
  uidValidity: number,
): Promise<number> {
  const [row] = await db
    .update(mailboxes)
    .set({
      lastUid: sql`case when ${mailboxes.uidValidity} = ${uidValidity} then ${mailboxes.lastUid} else 0 end`,
      uidValidity,
    })
    .where(key(m))
    .returning({ lastUid: mailboxes.lastUid });
  if (!row) throw new Error("the mailbox is gone");
  return row.lastUid;
}

/** Every mail up to `uid` is committed and marked: the next look starts after it. */
export async function advanceLastUid(
  db: Db,
  m: { workspaceId: string; id: string },
  uidValidity: number,
  uid: number,
  at: Date,
): Promise<void> {
  await db
    .update(mailboxes)
    .set({
      lastUid: sql`greatest(${mailboxes.lastUid}, ${uid})`,
      lastSuccessAt: at,
    })
    .where(and(key(m), eq(mailboxes.uidValidity, uidValidity)));
}

/** A look at the folder went through: the connection works (the last error stays, with its time). */
export async function recordMailboxSuccess(
  db: Db,
  m: { workspaceId: string; id: string },
  state: MailboxState,
  at: Date,
): Promise<void> {
  await db.update(mailboxes).set({ state, lastSuccessAt: at }).where(key(m));
}
