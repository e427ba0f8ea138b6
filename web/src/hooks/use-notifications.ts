// The signed-in user's unread notifications, kept current (every 30 s and when the advisor comes
// back), and marking one read as it is opened.
import { useCallback, useState } from "react";
import { listUnreadNotifications, markNotificationRead } from "../api/notifications.ts";
import type { Notification, Page } from "../api/types.ts";
import { useAsync } from "./use-async.ts";
import { useRefresh } from "./use-refresh.ts";

const SHOWN = 20;
const REFRESH_MS = 30_000;

export type Notifications = {
  status: "loading" | "error" | "ready";
  unread: Notification[];
  /** More unread notifications than the ones shown. */
  more: boolean;
  error: unknown;
  /** Why the last "mark read" failed; the notification is shown unread again. */
  markError: unknown;
  markRead: (id: string) => void;
  reload: () => void;
};

export function useNotifications(): Notifications {
  const load = useCallback(
    (signal: AbortSignal): Promise<Page<Notification>> => listUnreadNotifications(SHOWN, signal),
    [],
  );
  const { state, reload, update } = useAsync("notifications", load);
  const [markError, setMarkError] = useState<unknown>(null);
  // Assignments, transfers and warnings are changes of conversations; their notices follow.
  useRefresh(reload, REFRESH_MS, (e) => e.type.startsWith("conversation."));

  const markRead = useCallback(
    (id: string) => {
      setMarkError(null);
      update((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) }));
      markNotificationRead(id).then(reload, (error: unknown) => {
        setMarkError(error);
        reload();
      });
    },
    [update, reload],
  );

  return {
    status: state.status,
    unread: state.status === "ready" ? state.data.items : [],
    more: state.status === "ready" && state.data.next_cursor !== null,
    error: state.status === "error" ? state.error : null,
    markError,
    markRead,
    reload,
  };
}
