// Keyset cursors for lists: the last row's sort key, signed so that a tampered cursor is refused (400).
import { createHmac, timingSafeEqual } from "node:crypto";
import { DeskError } from "../errors.ts";

export type Position = { at: Date; id: string };

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`cursor:${payload}`).digest("base64url").slice(0, 22);
}

export function encodeCursor(secret: string, position: Position): string {
  const payload = Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString(
    "base64url",
  );
  return `${payload}.${sign(secret, payload)}`;
}

export function decodeCursor(secret: string, cursor: string): Position {
  const [payload, signature] = cursor.split(".");
  const expected = payload ? sign(secret, payload) : "";
  if (
    !payload ||
    !signature ||
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  ) {
    throw new DeskError(
      "invalid_cursor",
      "this cursor was not issued by this server or was altered",
    );
  }
  const [at, id] = JSON.parse(Buffer.from(payload, "base64url").toString()) as [string, string];
  return { at: new Date(at), id };
}
