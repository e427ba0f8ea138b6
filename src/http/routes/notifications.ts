// The signed-in user's notifications (SLA warnings and escalations), and marking them read.
import { and, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../commands/cursor.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
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
      const where: SQL[] = [
        eq(notifications.workspaceId, me.workspaceId),
        eq(notifications.userId, me.userId),
      ];
      if (q.unread === "true") where.push(isNull(notifications.readAt));
      if (q.cursor) {
        const after = decodeCursor(rt.secret, q.cursor);
        where.push(
          or(
            lt(notifications.createdAt, after.at),
            and(eq(notifications.createdAt, after.at), lt(notifications.id, after.id)),
          ) as SQL,
        );
      }
      const rows = await rt.db
        .select()
        .from(notifications)
        .where(and(...where))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          conversation_id: n.conversationId,
          data: n.data as Record<string, unknown>,
          created_at: n.createdAt.toISOString(),
          read_at: n.readAt?.toISOString() ?? null,
        })),
        next_cursor:
          rows.length > q.limit && last
            ? encodeCursor(rt.secret, { at: last.createdAt, id: last.id })
            : null,
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
