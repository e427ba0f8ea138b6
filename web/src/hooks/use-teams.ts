// The workspace's teams, with their manager and members: a brand's team, and whom a conversation
// of that brand may be given.
import { useCallback, useMemo } from "react";
import { listSettings, type TeamSetting } from "../api/settings.ts";
import { useAsync } from "./use-async.ts";

export type Teams = { list: TeamSetting[]; byId: ReadonlyMap<string, TeamSetting> };

export function useTeams(): Teams {
  const load = useCallback((signal: AbortSignal) => listSettings("teams", signal), []);
  const { state } = useAsync("teams", load);
  return useMemo(() => {
    const list = state.status === "ready" ? state.data : [];
    return { list, byId: new Map(list.map((team) => [team.id, team])) };
  }, [state]);
}
