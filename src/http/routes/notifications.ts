// The signed-in user's notifications (SLA warnings and escalations), and marking them read.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { listNotifications } from "../../store/queries/notifications.ts";
import { notifications } from "../../store/schema/index.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { page, paging, problemView } from "../schemas/conversation.ts";

const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  conversation_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  read_at: z.string().nullable(),
});

function userOf(request: Parameters<typeof principalOf>[0]) {
  const p = principalOf(request);
  if (!p.userId)
    throw new DeskError(
      "invalid_input",
      "notifications belong to users: this token is not bound to one",
    );
  return { workspaceId: p.workspaceId, userId: p.userId };
}

export function registerNotificationRoutes(app: App, rt: Runtime): void {
  app.get(
    "/api/v1/notifications",
    {
      schema: {
        summary: "My notifications, newest first",
        tags: ["notifications"],
        querystring: z.strictObject({ unread: z.enum(["true", "false"]).optional(), ...paging }),
        response: { 200: page(notificationView), 400: problemView },
      },
    },
    async (request) => {
      const me = userOf(request);
      const q = request.query;
      const { rows: items, next } = await listNotifications(rt.db, {
        workspaceId: me.workspaceId,
        userId: me.userId,
        unreadOnly: q.unread === "true",
        after: q.cursor ? decodeCursor(rt.secret, q.cursor) : undefined,
        limit: q.limit,
      });
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          conversation_id: n.conversationId,
          data: n.data as Record<string, unknown>,
          created_at: n.createdAt.toISOString(),
          read_at: n.readAt?.toISOString() ?? null,
        })),
        next_cursor: next ? encodeCursor(rt.secret, next) : null,
      };
    },
  );

  app.post(
    "/api/v1/notifications/:id/read",
    {
      schema: {
        summary: "Mark one of my notifications read",
        tags: ["notifications"],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 404: problemView },
      },
    },
    async (request, reply) => {
      const me = userOf(request);
      const updated = await rt.db
        .update(notifications)
        .set({ readAt: rt.now() })
        .where(
          and(
            eq(notifications.workspaceId, me.workspaceId),
            eq(notifications.userId, me.userId),
            eq(notifications.id, request.params.id),
          ),
        )
        .returning({ id: notifications.id });
      if (updated.length === 0) throw new DeskError("not_found", "no such notification of yours");
      return reply.code(204).send(null);
    },
  );
}
