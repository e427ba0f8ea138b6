// What the settings routes share: the id in the path, and turning a keyset page into { items, next_cursor }.
import { z } from "zod";
import { decodeCursor, encodeCursor, type Position } from "../../../commands/cursor.ts";
import type { Runtime } from "../../../runtime.ts";

export const idParams = z.object({ id: z.uuid() });

/** The position a `cursor` query parameter stands for; a tampered cursor is a 400. */
export const positionOf = (rt: Runtime, cursor: string | undefined): Position | undefined =>
  cursor ? decodeCursor(rt.secret, cursor) : undefined;

export function pageAnswer<Row, View>(
  rt: Runtime,
  page: { rows: Row[]; next: Position | null },
  present: (row: Row) => View,
): { items: View[]; next_cursor: string | null } {
  return {
    items: page.rows.map(present),
    next_cursor: page.next ? encodeCursor(rt.secret, page.next) : null,
  };
}
