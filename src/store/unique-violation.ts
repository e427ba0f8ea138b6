// PostgreSQL's unique_violation (23505), whether Drizzle wrapped the driver's error or not: a
// concurrent write took the same unique value first.
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}
