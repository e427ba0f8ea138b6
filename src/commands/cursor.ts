// Keyset cursors for lists: the last row's sort key, signed so that a tampered cursor is refused (400).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
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

/** What a signed payload must hold; anything else was not written by `encodeCursor`. */
const cursorKey = z.union([
  z.tuple([z.iso.datetime(), z.uuid()]),
  z.tuple([z.iso.datetime(), z.uuid(), z.number()]),
]);

export function decodeCursor(secret: string, cursor: string): Position {
  const [payload, signature] = cursor.split(".");
  // Compared as bytes: a multibyte character makes a string's length differ from its bytes'.
  const given = Buffer.from(signature ?? "");
  const expected = Buffer.from(payload ? sign(secret, payload) : "");
  if (!payload || given.length === 0 || given.length !== expected.length) throw refused();
  if (!timingSafeEqual(given, expected)) throw refused();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(payload, "base64url").toString());
  } catch {
    throw refused();
  }
  const parsed = cursorKey.safeParse(key);
  if (!parsed.success) throw refused();
  const [at, id, rank] = parsed.data;
  return rank === undefined ? { at: new Date(at), id } : { at: new Date(at), id, rank };
}
