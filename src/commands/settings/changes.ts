// What an update changed, for its event: the fields that differ, with their values before and after.

// jsonb stores object keys in its own order, so values compare with their keys sorted.
const canonical = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
};

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export type Changes = { before: Record<string, unknown>; after: Record<string, unknown> };

/** The listed fields whose values differ; null when nothing changed (no event is written then). */
export function changesBetween<T extends object>(
  before: T,
  after: T,
  fields: ReadonlyArray<keyof T & string>,
): Changes | null {
  const differ = fields.filter((f) => !same(before[f], after[f]));
  if (differ.length === 0) return null;
  return {
    before: Object.fromEntries(differ.map((f) => [f, before[f]])),
    after: Object.fromEntries(differ.map((f) => [f, after[f]])),
  };
}

/** The fields of a new record, for the `after` of its creation event. */
export function snapshotOf<T extends object>(
  row: T,
  fields: ReadonlyArray<keyof T & string>,
): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, row[f]]));
}

/** The patch without its absent fields: `undefined` leaves a value as it is, `null` clears it. */
export function presentFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
