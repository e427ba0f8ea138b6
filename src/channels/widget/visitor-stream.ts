// The visitor's live stream (Server-Sent Events): the messages of their conversation a visitor may
// see, pushed when the hub says their conversation changed, resumed after `Last-Event-ID` (a
// message id). A comment every 20 s keeps proxies from closing it and the visitor marked present.
import type { IncomingMessage, ServerResponse } from "node:http";
import { visitorHeartbeatMs } from "../../domain/widget/chat-reply.ts";
import type { Runtime } from "../../runtime.ts";
import { visitorMessages, widgetVisitor } from "../../store/queries/widget.ts";
import type { WidgetLive } from "./live.ts";
import type { VisitorPresence } from "./presence.ts";
import { visibleMessage } from "./visible-message.ts";

export type StreamTarget = {
  workspaceId: string;
  visitorId: string;
  /** The last message the widget has; null: from the beginning of the conversation. */
  after: string | null;
};

export const streamHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store",
  "x-accel-buffering": "no",
  // The connection ends with the stream: a desk shutting down does not wait for it to idle out.
  connection: "close",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

export async function serveVisitorStream(
  rt: Runtime,
  live: WidgetLive,
  presence: VisitorPresence,
  request: IncomingMessage,
  response: ServerResponse,
  target: StreamTarget,
): Promise<void> {
  const { workspaceId, visitorId } = target;
  let last = target.after;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  response.writeHead(200, streamHeaders);
  // The browser waits this long before reconnecting after a cut.
  response.write("retry: 2000\n\n");

  await presence.enter(workspaceId, visitorId);
  const visitor = await widgetVisitor(rt.db, workspaceId, visitorId);
  // The widget opens a new stream when its visitor's conversation changes (their first message).
  const conversationId = visitor?.conversationId ?? null;

  const push = async () => {
    if (!conversationId) return;
    const rows = await visitorMessages(rt.db, workspaceId, conversationId, last);
    for (const row of rows) {
      if (closed) return;
      response.write(
        `id: ${row.id}\nevent: message\ndata: ${JSON.stringify(visibleMessage(row))}\n\n`,
      );
      last = row.id;
    }
  };
  // One read at a time; events arriving meanwhile ask for one more read after it.
  const flush = () => {
    if (running) {
      again = true;
      return;
    }
    running = push()
      .catch((error) => rt.log.warn({ err: error }, "widget stream: read failed"))
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          flush();
        }
      });
  };

  const unsubscribe = live.subscribe(workspaceId, (event) => {
    if (conversationId && event.conversationId === conversationId) flush();
  });
  const ping = setInterval(() => response.write(": ping\n\n"), visitorHeartbeatMs);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    unsubscribe();
    void presence
      .leave(workspaceId, visitorId)
      .catch((error) => rt.log.warn({ err: error }, "widget stream: leaving failed"));
  };
  request.on("close", close);
  response.on("close", close);
  if (request.destroyed) close();
  // What committed before the subscription listens is read once it does, so nothing falls between.
  await unsubscribe.ready.catch(() => undefined);
  flush();
}
