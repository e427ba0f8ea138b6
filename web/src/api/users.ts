// The workspace's users, to assign conversations and name advisors.
import { api } from "./client.ts";
import type { Page, User } from "./types.ts";

export function listUsers(signal?: AbortSignal): Promise<Page<User>> {
  return api("GET", "/api/v1/users?limit=100", { signal });
}
