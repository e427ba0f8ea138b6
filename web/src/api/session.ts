// Signing in and out, and who is signed in.
import { api } from "./client.ts";
import type { Me } from "./types.ts";

export function signIn(email: string, password: string): Promise<void> {
  return api("POST", "/api/v1/session", { body: { email, password }, expectUnauthorized: true });
}

export function signOut(): Promise<void> {
  return api("DELETE", "/api/v1/session");
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return api("GET", "/api/v1/me", { signal, expectUnauthorized: true });
}
