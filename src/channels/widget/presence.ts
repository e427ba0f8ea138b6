// Which visitors have their widget open on this node: one heartbeat statement per workspace every
// 20 s marks them seen (readable by every node), and the last stream of a visitor to close clears it.
import { visitorHeartbeatMs } from "../../domain/widget/chat-reply.ts";
import type { Runtime } from "../../runtime.ts";
import { markVisitorGone, markVisitorsSeen } from "../../store/queries/widget.ts";

export type VisitorPresence = {
  /** A stream opened: the visitor is seen at once, so that a reply a moment later knows. */
  enter(workspaceId: string, visitorId: string): Promise<void>;
  leave(workspaceId: string, visitorId: string): Promise<void>;
  /** Streams open for this visitor on this node. */
  count(workspaceId: string, visitorId: string): number;
  stop(): void;
};

export function visitorPresence(rt: Runtime): VisitorPresence {
  const open = new Map<string, Map<string, number>>();
  const beat = async () => {
    const now = rt.now();
    for (const [workspaceId, visitors] of open) {
      await markVisitorsSeen(rt.db, workspaceId, [...visitors.keys()], now).catch((error) =>
        rt.log.warn({ err: error }, "widget presence: heartbeat failed"),
      );
    }
  };
  const timer = setInterval(() => void beat(), visitorHeartbeatMs);
  timer.unref();
  return {
    async enter(workspaceId, visitorId) {
      const visitors = open.get(workspaceId) ?? new Map<string, number>();
      open.set(workspaceId, visitors);
      visitors.set(visitorId, (visitors.get(visitorId) ?? 0) + 1);
      await markVisitorsSeen(rt.db, workspaceId, [visitorId], rt.now());
    },
    async leave(workspaceId, visitorId) {
      const visitors = open.get(workspaceId);
      const left = (visitors?.get(visitorId) ?? 1) - 1;
      if (left > 0) {
        visitors?.set(visitorId, left);
        return;
      }
      visitors?.delete(visitorId);
      if (visitors?.size === 0) open.delete(workspaceId);
      await markVisitorGone(rt.db, workspaceId, visitorId);
    },
    count: (workspaceId, visitorId) => open.get(workspaceId)?.get(visitorId) ?? 0,
    stop: () => clearInterval(timer),
  };
}
