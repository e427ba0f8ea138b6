import { describe, expect, it } from "vitest";
import { customerValue, type OrderTotals } from "./value.ts";

const now = new Date("2026-12-06T12:00:00Z");
const contact = new Date("2025-06-01T09:00:00Z");
const totals = (t: Partial<OrderTotals>): OrderTotals => ({
  currency: "EUR",
  status: "paid",
  count: 1,
  amountMinor: 1000,
  firstAt: new Date("2025-01-10T10:00:00Z"),
  lastAt: new Date("2025-01-10T10:00:00Z"),
  ...t,
});

describe("a customer's value", () => {
  it("adds amounts per currency, never across currencies, the largest first", () => {
    const v = customerValue(
      [
        totals({ currency: "EUR", status: "paid", count: 2, amountMinor: 5000 }),
        totals({ currency: "EUR", status: "shipped", count: 1, amountMinor: 2500 }),
        totals({ currency: "USD", status: "paid", count: 3, amountMinor: 9000 }),
      ],
      { customerSince: null, firstContactAt: contact },
      now,
    );
    expect(v.lifetime).toEqual([
      { currency: "USD", amountMinor: 9000 },
      { currency: "EUR", amountMinor: 7500 },
    ]);
    expect(v.orderCount).toBe(6);
  });

  it("leaves cancelled and refunded orders out of value, count and purchases", () => {
    const v = customerValue(
      [
        totals({ status: "paid", firstAt: new Date("2025-03-01T00:00:00Z") }),
        totals({
          status: "cancelled",
          amountMinor: 99_999,
          firstAt: new Date("2024-01-01T00:00:00Z"),
          lastAt: new Date("2026-12-01T00:00:00Z"),
        }),
        totals({ status: "refunded", amountMinor: 500 }),
      ],
      { customerSince: null, firstContactAt: contact },
      now,
    );
    expect(v.lifetime).toEqual([{ currency: "EUR", amountMinor: 1000 }]);
    expect(v.orderCount).toBe(1);
    expect(v.firstPurchaseAt).toEqual(new Date("2025-03-01T00:00:00Z"));
    expect(v.lastPurchaseAt).toEqual(new Date("2025-01-10T10:00:00Z"));
  });

  it("spans first and last purchase across currencies", () => {
    const v = customerValue(
      [
        totals({
          currency: "EUR",
          firstAt: new Date("2024-05-01T00:00:00Z"),
          lastAt: new Date("2025-05-01T00:00:00Z"),
        }),
        totals({
          currency: "GBP",
          firstAt: new Date("2024-09-01T00:00:00Z"),
          lastAt: new Date("2026-02-01T00:00:00Z"),
        }),
      ],
      { customerSince: null, firstContactAt: contact },
      now,
    );
    expect(v.firstPurchaseAt).toEqual(new Date("2024-05-01T00:00:00Z"));
    expect(v.lastPurchaseAt).toEqual(new Date("2026-02-01T00:00:00Z"));
  });

  it("has no value and no purchases without orders, tenure from the first contact", () => {
    const v = customerValue([], { customerSince: null, firstContactAt: contact }, now);
    expect(v).toMatchObject({
      orderCount: 0,
      lifetime: [],
      firstPurchaseAt: null,
      lastPurchaseAt: null,
    });
    expect(v.tenure).toEqual({ since: contact, source: "first_contact", days: 553 });
  });

  it("counts tenure from customer_since when the shop said it, even before any order", () => {
    const v = customerValue(
      [totals({ firstAt: new Date("2020-01-01T00:00:00Z") })],
      { customerSince: "2021-03-15", firstContactAt: contact },
      now,
    );
    expect(v.tenure).toMatchObject({
      since: new Date("2021-03-15T00:00:00Z"),
      source: "customer_since",
    });
  });

  it("counts tenure from the first order when it came before the first contact", () => {
    const first = new Date("2024-02-29T08:00:00Z");
    const v = customerValue(
      [totals({ firstAt: first })],
      { customerSince: null, firstContactAt: contact },
      now,
    );
    expect(v.tenure).toMatchObject({ since: first, source: "first_order" });
    const later = customerValue(
      [totals({ firstAt: new Date("2026-01-01T00:00:00Z") })],
      { customerSince: null, firstContactAt: contact },
      now,
    );
    expect(later.tenure.source).toBe("first_contact");
  });

  it("never has a negative tenure (a date in the future)", () => {
    const v = customerValue([], { customerSince: "2027-01-01", firstContactAt: contact }, now);
    expect(v.tenure.days).toBe(0);
  });
});
