// API tokens: the ones the signed-in person may see (an admin, all of them), made and revoked.
import { api, query } from "./client.ts";
import type { ApiToken, CreatedToken, NewToken, Page } from "./types.ts";

export function listTokens(cursor: string | null, signal?: AbortSignal): Promise<Page<ApiToken>> {
  return api("GET", `/api/v1/tokens${query({ limit: 50, cursor })}`, { signal });
}

/** `idempotencyKey`: one per attempt; a replayed answer carries no secret (the token is made once). */
export function createToken(token: NewToken, idempotencyKey: string): Promise<CreatedToken> {
  return api("POST", "/api/v1/tokens", {
    body: token,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function revokeToken(id: string): Promise<void> {
  return api("DELETE", `/api/v1/tokens/${encodeURIComponent(id)}`);
}
