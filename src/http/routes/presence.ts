// PUT and DELETE /api/v1/conversations/{id}/presence: an advisor says they view or answer a
// conversation (every 10 s while it is open), or that they left it. Carried to every node by the
// hub's signals, never stored; the streams tell it as `presence.changed`.
import { z } from "zod";
import { DeskError } from "../../errors.ts";
import { type PresenceSignal, presenceStates } from "../../realtime/presence.ts";
import type { Runtime } from "../../runtime.ts";
import { getConversation } from "../../store/queries/conversations.ts";
import type { App } from "../app-type.ts";
import { principalOf } from "../plugins/authentication.ts";
import { problemView } from "../schemas/conversation.ts";

const params = z.object({ id: z.uuid() });

export function registerPresenceRoutes(app: App, rt: Runtime): void {
  /** Sends the signal for the advisor acting, on a conversation of their workspace. */
  async function tell(
    principal: ReturnType<typeof principalOf>,
    conversationId: string,
    state: PresenceSignal["state"],
  ) {
    if (!principal.userId) {
      throw new DeskError(
        "forbidden",
        "presence is an advisor's: use a session or a token bound to a user",
      );
    }
    const found = await getConversation(rt.db, principal.workspaceId, conversationId);
    if (!found) throw new DeskError("not_found", "no such conversation");
    const signal: PresenceSignal = {
      kind: "presence",
      conversation_id: conversationId,
      user_id: principal.userId,
      name: principal.actor.name,
      state,
    };
    await rt.hub.signal(principal.workspaceId, signal);
  }

  app.put(
    "/api/v1/conversations/:id/presence",
    {
      schema: {
        summary: "Say that you view or answer a conversation (the collision warning)",
        description:
          "Send it again every 10 s while the conversation is open; 30 s of silence ends it. Every " +
          "event stream of the workspace then tells `presence.changed` with the conversation's viewers.",
        tags: ["realtime"],
        params,
        body: z.strictObject({ state: z.enum(presenceStates) }),
        response: { 204: z.null(), 400: problemView, 403: problemView, 404: problemView },
      },
    },
    async (request, reply) => {
      await tell(principalOf(request), request.params.id, request.body.state);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/v1/conversations/:id/presence",
    {
      schema: {
        summary: "Say that you left a conversation",
        tags: ["realtime"],
        params,
        response: { 204: z.null(), 400: problemView, 403: problemView, 404: problemView },
      },
    },
    async (request, reply) => {
      await tell(principalOf(request), request.params.id, "left");
      return reply.code(204).send(null);
    },
  );
}
