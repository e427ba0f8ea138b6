// What a customer is worth and how long they have been one: lifetime value per currency, first and
// last purchase, order count and tenure, from their orders' totals (no IO: the shell sums them).

/** The orders of one currency and status, summed by the store. */
export type OrderTotals = {
  currency: string;
  status: string;
  count: number;
  amountMinor: number;
  firstAt: Date;
  lastAt: Date;
};

/** Orders in these states bought nothing: they count neither in value nor as purchases. */
export const voidStatuses: ReadonlySet<string> = new Set([
  "cancelled",
  "canceled",
  "refunded",
  "failed",
  "void",
]);

export type TenureSource = "customer_since" | "first_order" | "first_contact";

export type CustomerValue = {
  orderCount: number;
  /** Per currency (amounts in different currencies never add up), the largest first. */
  lifetime: Array<{ currency: string; amountMinor: number }>;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
  tenure: { since: Date; source: TenureSource; days: number };
};

export type ValueStart = {
  /** When they became a customer, as the system they come from says (YYYY-MM-DD), if it does. */
  customerSince: string | null;
  /** The first contact we know of: their first conversation, else the profile's creation. */
  firstContactAt: Date;
};

const dayMs = 86_400_000;

/**
 * Tenure counts from `customer_since` when the shop said it; else from the first purchase or the
 * first contact, whichever came first.
 */
function tenureOf(start: ValueStart, firstPurchaseAt: Date | null, now: Date) {
  const chosen: { since: Date; source: TenureSource } = start.customerSince
    ? { since: new Date(`${start.customerSince}T00:00:00Z`), source: "customer_since" }
    : firstPurchaseAt && firstPurchaseAt < start.firstContactAt
      ? { since: firstPurchaseAt, source: "first_order" }
      : { since: start.firstContactAt, source: "first_contact" };
  const days = Math.max(0, Math.floor((now.getTime() - chosen.since.getTime()) / dayMs));
  return { ...chosen, days };
}

export function customerValue(totals: OrderTotals[], start: ValueStart, now: Date): CustomerValue {
  const bought = totals.filter((t) => !voidStatuses.has(t.status));
  const byCurrency = new Map<string, number>();
  for (const t of bought) {
    byCurrency.set(t.currency, (byCurrency.get(t.currency) ?? 0) + t.amountMinor);
  }
  const lifetime = [...byCurrency]
    .map(([currency, amountMinor]) => ({ currency, amountMinor }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.currency.localeCompare(b.currency));
  const earliest = (dates: Date[]) =>
    dates.length === 0 ? null : new Date(Math.min(...dates.map((d) => d.getTime())));
  const latest = (dates: Date[]) =>
    dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime())));
  const firstPurchaseAt = earliest(bought.map((t) => t.firstAt));
  return {
    orderCount: bought.reduce((n, t) => n + t.count, 0),
    lifetime,
    firstPurchaseAt,
    lastPurchaseAt: latest(bought.map((t) => t.lastAt)),
    tenure: tenureOf(start, firstPurchaseAt, now),
  };
}
