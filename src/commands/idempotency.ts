// Idempotency-Key for API writes: the first answer is kept 24 h and replayed for the same request;
// the record is written in the write's own transaction, so a crash keeps both or neither.
import { createHash } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { DeskError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import { idempotencyKeys } from "../store/schema/index.ts";

export type IdempotentCall = {
  workspaceId: string;
  scope: string;
  key: string;
  requestHash: string;
};

export const keptFor = 24 * 3600 * 1000;

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

/** The answer already given to this key, or null; a reuse with another request is a 422. */
export async function replayOf(
  rt: Runtime,
  call: IdempotentCall,
): Promise<{ status: number; response: unknown } | null> {
  const [row] = await rt.db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.workspaceId, call.workspaceId),
        eq(idempotencyKeys.scope, call.scope),
        eq(idempotencyKeys.key, call.key),
        gt(idempotencyKeys.createdAt, new Date(rt.now().getTime() - keptFor)),
      ),
    );
  if (!row) return null;
  if (row.requestHash !== call.requestHash) {
    throw new DeskError(
      "idempotency_key_reused",
      "this Idempotency-Key was used with another request body",
    );
  }
  return { status: row.status, response: row.response };
}

export async function rememberAnswer(
  tx: Tx,
  rt: Runtime,
  call: IdempotentCall,
  status: number,
  response: unknown,
) {
  // An expired record with the same key is replaced; a live one makes this insert fail (a race lost).
  await tx
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.workspaceId, call.workspaceId),
        eq(idempotencyKeys.scope, call.scope),
        eq(idempotencyKeys.key, call.key),
        lt(idempotencyKeys.createdAt, new Date(rt.now().getTime() - keptFor)),
      ),
    );
  await tx.insert(idempotencyKeys).values({ ...call, status, response, createdAt: rt.now() });
}
