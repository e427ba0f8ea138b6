// Reading a user's notifications, newest first and keyset-paged.
import { eq, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { notifications } from "../schema/index.ts";
import { after, createdPosition, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

const newest: Keyset = { at: notifications.createdAt, id: notifications.id };

export type NotificationFilter = {
  workspaceId: string;
  userId: string;
  unreadOnly: boolean;
  after?: Position | undefined;
  limit: number;
};

export async function listNotifications(db: Db, f: NotificationFilter) {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      inWorkspace(
        notifications,
        f.workspaceId,
        eq(notifications.userId, f.userId),
        f.unreadOnly ? isNull(notifications.readAt) : undefined,
        after(newest, f.after),
      ),
    )
    .orderBy(...orderOf(newest))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, createdPosition);
}
