// Keyset cursors for lists: the last row's sort key, signed so that a tampered cursor is refused (400).
import { createHmac, timingSafeEqual } from "node:crypto";
import { DeskError } from "../errors.ts";

/** The sort key a cursor carries: a time to the millisecond, an id, and a rank for ranked lists. */
export type Position = { at: Date; id: string; rank?: number | undefined };

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`cursor:${payload}`).digest("base64url").slice(0, 22);
}

const refused = () =>
  new DeskError("invalid_cursor", "this cursor was not issued by this server or was altered");

export function encodeCursor(secret: string, position: Position): string {
  const key: Array<string | number> = [position.at.toISOString(), position.id];
  if (position.rank !== undefined) key.push(position.rank);
  const payload = Buffer.from(JSON.stringify(key)).toString("base64url");
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
    throw refused();
  }
  const [at, id, rank] = JSON.parse(Buffer.from(payload, "base64url").toString()) as [
    string,
    string,
    number | undefined,
  ];
  return rank === undefined ? { at: new Date(at), id } : { at: new Date(at), id, rank };
}
