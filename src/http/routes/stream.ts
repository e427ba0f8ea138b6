// GET /api/v1/stream (CONTRACT §8 Realtime): the workspace's public events as Server-Sent Events,
// live from every node, resumable with Last-Event-ID. Written by hand on the raw response: each
// event is flushed at once, and the stream ends when the client leaves or the server stops.
import { z } from "zod";
import { rowIdOf } from "../../domain/events/public-events.ts";
import { DeskError } from "../../errors.ts";
import { isEventId } from "../../realtime/event-ids.ts";
import { type OpenStream, openStream } from "../../realtime/stream-session.ts";
import type { Runtime } from "../../runtime.ts";
import type { App } from "../app-type.ts";
import { principalAgain, principalOf } from "../plugins/authentication.ts";
import { secureAnswer } from "../plugins/security-headers.ts";
import { problemView } from "../schemas/conversation.ts";

const lastEventId = z
  .string()
  .max(100)
  .describe("the id of the last event received (for clients that cannot send Last-Event-ID)");

/** The cursor a client sent, if any: the header first, as EventSource sends it on reconnecting. */
function cursorOf(header: string | string[] | undefined, query: string | undefined) {
  const sent = (Array.isArray(header) ? header[0] : header) ?? query;
  if (sent === undefined || sent === "") return undefined;
  if (!isEventId(rowIdOf(sent)) || !/^[^:]+(:[a-z_]+)?$/.test(sent)) {
    throw new DeskError("invalid_cursor", "Last-Event-ID is not the id of an event of this stream");
  }
  return sent;
}

export function registerStreamRoutes(app: App, rt: Runtime): void {
  const open = new Set<OpenStream>();
  // Fastify waits for every response before it closes: the streams end first.
  app.addHook("preClose", async () => {
    for (const stream of open) stream.close();
  });

  app.get(
    "/api/v1/stream",
    {
      schema: {
        summary: "The workspace's events, live (Server-Sent Events)",
        description:
          "A `text/event-stream` of the public events: `conversation.created`, `conversation.updated`, " +
          "`conversation.resolved`, `message.created` (an internal note has `direction: note`), " +
          "`customer.updated`. Each has an `id`, its type as `event`, and as `data` the resource as the " +
          "API presents it (a message with its conversation's `id` and `subject`). The same events reach " +
          "every node's streams. Reconnect with `Last-Event-ID` (or `?last_event_id=`) to receive the " +
          "events missed since. `presence.changed` events (no id) say who views or answers a " +
          "conversation. A comment every 15 s keeps a quiet stream open; a client that reads too " +
          "slowly is dropped and resumes. A stream ends once its token is revoked or its session " +
          "ends (checked at each of those beats).",
        tags: ["realtime"],
        querystring: z.strictObject({ last_event_id: lastEventId.optional() }),
        headers: z.looseObject({ "last-event-id": lastEventId.optional() }),
        response: {
          200: {
            description: "the events, as long as the connection stays open",
            content: {
              "text/event-stream": {
                schema: z
                  .string()
                  .describe(
                    "`id: <event id>`, `event: <type>`, `data: <JSON of the resource>`, then an empty line",
                  ),
              },
            },
          },
          400: problemView,
          401: problemView,
        },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const lastEventId = cursorOf(request.headers["last-event-id"], request.query.last_event_id);
      secureAnswer(reply);
      reply
        .header("content-type", "text/event-stream; charset=utf-8")
        .header("cache-control", "no-store")
        // Reverse proxies (nginx) would otherwise hold the events back.
        .header("x-accel-buffering", "no")
        // The socket ends with the stream, so a stopping server is not kept waiting by it.
        .header("connection", "close");
      reply.hijack();
      const raw = reply.raw;
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined)
          raw.setHeader(name, typeof value === "number" ? `${value}` : value);
      }
      raw.writeHead(200);
      raw.flushHeaders();
      const stream = openStream(
        {
          hub: rt.hub,
          db: rt.db,
          log: request.log,
          workspaceId: p.workspaceId,
          userId: p.userId,
          lastEventId,
          stillAllowed: async () => (await principalAgain(rt, request)) !== null,
        },
        {
          write: (chunk) => raw.write(chunk),
          buffered: () => raw.writableLength,
          drained: () =>
            new Promise((resolve) => {
              const done = () => {
                raw.off("drain", done);
                raw.off("close", done);
                resolve();
              };
              raw.on("drain", done);
              raw.on("close", done);
            }),
          // The socket goes with the stream: it carries no other request (Connection: close).
          end: () => raw.end(() => raw.socket?.destroy()),
        },
      );
      open.add(stream);
      raw.on("close", () => stream.close());
      await stream.ended;
      open.delete(stream);
    },
  );
}
