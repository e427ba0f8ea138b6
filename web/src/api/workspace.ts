// The workspace's own settings: its name, how long likely spam and closed conversations are kept.
import { api } from "./client.ts";
import type { Workspace } from "./types.ts";

export function fetchWorkspace(signal?: AbortSignal): Promise<Workspace> {
  return api("GET", "/api/v1/workspace", { signal });
}

export type WorkspacePatch = Partial<
  Pick<Workspace, "name" | "spam_retention_days" | "closed_retention_days">
>;

export function updateWorkspace(patch: WorkspacePatch): Promise<Workspace> {
  return api("PATCH", "/api/v1/workspace", { body: patch });
}
