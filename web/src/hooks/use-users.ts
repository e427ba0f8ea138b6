// The workspace's users, to pick an assignee and to put names on advisor ids.
import { useCallback, useMemo } from "react";
import type { User } from "../api/types.ts";
import { listUsers } from "../api/users.ts";
import { useAsync } from "./use-async.ts";

export type Users = {
  list: User[];
  byId: ReadonlyMap<string, User>;
  /** Why the list could not be had (a role may not see it); names then show as ids. */
  error: unknown;
};

export function useUsers(): Users {
  const load = useCallback(async (signal: AbortSignal) => (await listUsers(signal)).items, []);
  const { state } = useAsync("users", load);
  return useMemo(() => {
    const list = state.status === "ready" ? state.data : [];
    return {
      list,
      byId: new Map(list.map((user) => [user.id, user])),
      error: state.status === "error" ? state.error : null,
    };
  }, [state]);
}
