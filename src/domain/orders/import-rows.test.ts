import { describe, expect, it } from "vitest";
import {
  checkCustomerRow,
  checkOrderRow,
  customerOfOrder,
  duplicateOf,
  orderedAtOf,
} from "./import-rows.ts";

const order = (cells: Record<string, string> = {}) =>
  checkOrderRow({
    external_id: "o-1",
    customer_external_id: "c-1",
    ordered_at: "2026-11-02T10:30:00Z",
    amount_minor: "1999",
    currency: "EUR",
    status: "paid",
    ...cells,
  });

const reasonOf = (check: ReturnType<typeof order> | ReturnType<typeof checkCustomerRow>) =>
  check.ok ? null : check.reason;

describe("an order row", () => {
  it("reads a good row: minor units, ISO currency, the instant", () => {
    expect(order()).toEqual({
      ok: true,
      row: {
        externalId: "o-1",
        customer: { externalId: "c-1" },
        orderedAt: new Date("2026-11-02T10:30:00Z"),
        amountMinor: 1999,
        currency: "EUR",
        status: "paid",
      },
    });
  });

  it("takes a day as midnight UTC, a lower-case currency, and 'placed' without a status", () => {
    const check = order({ ordered_at: "2026-02-28", currency: "usd", status: "" });
    expect(check.ok && check.row).toMatchObject({
      orderedAt: new Date("2026-02-28T00:00:00Z"),
      currency: "USD",
      status: "placed",
    });
  });

  it("refuses a bad date", () => {
    for (const bad of [
      "2026-02-30",
      "yesterday",
      "02/11/2026",
      "2026-11-02T25:00:00Z",
      "2026-11-02T10:00",
      "",
    ]) {
      expect(reasonOf(order({ ordered_at: bad })), bad).toMatch(/^ordered_at: /);
    }
  });

  it("refuses a currency that is not ISO 4217", () => {
    for (const bad of ["EURO", "XYZ", "€", ""]) {
      expect(reasonOf(order({ currency: bad })), bad).toMatch(/^currency: .* ISO 4217/);
    }
  });

  it("refuses a negative amount, and one that is not whole minor units", () => {
    expect(reasonOf(order({ amount_minor: "-500" }))).toBe("amount_minor: -500 is negative");
    for (const bad of ["19.99", "1e3", "", "12 EUR", "99999999999999999999"]) {
      expect(reasonOf(order({ amount_minor: bad })), bad).toMatch(/^amount_minor: .* whole number/);
    }
  });

  it("refuses a row without its external id or its customer's", () => {
    expect(reasonOf(order({ external_id: " " }))).toBe("external_id: missing");
    expect(reasonOf(order({ customer_external_id: "" }))).toBe("customer_external_id: missing");
  });
});

describe("a customer row", () => {
  const customer = (cells: Record<string, string> = {}) =>
    checkCustomerRow({
      external_id: "c-1",
      name: "Léa Martin",
      email: "Lea@Example.fr",
      phone: "+33 6 12 34 56 78",
      language: "FR",
      customer_since: "2019-05-04",
      ...cells,
    });

  it("reads a good row; empty cells mean 'not given'", () => {
    expect(customer()).toEqual({
      ok: true,
      row: {
        externalId: "c-1",
        name: "Léa Martin",
        email: "Lea@Example.fr",
        phone: "+33 6 12 34 56 78",
        language: "fr",
        customerSince: "2019-05-04",
      },
    });
    const sparse = customer({ name: "", email: "", phone: "", language: "", customer_since: "" });
    expect(sparse.ok && sparse.row).toMatchObject({
      externalId: "c-1",
      name: undefined,
      email: undefined,
    });
  });

  it("refuses a bad date, email, phone or language", () => {
    expect(reasonOf(customer({ customer_since: "2019-13-01" }))).toMatch(/^customer_since: /);
    expect(reasonOf(customer({ email: "not-an-address" }))).toMatch(/^email: /);
    expect(reasonOf(customer({ phone: "call me" }))).toMatch(/^phone: /);
    expect(reasonOf(customer({ language: "de" }))).toMatch(/^language: /);
    expect(reasonOf(customer({ external_id: "" }))).toBe("external_id: missing");
  });
});

describe("a file's rows", () => {
  it("refuses a second row with the same external id, naming the first line", () => {
    const firstLines = new Map<string, number>();
    expect(duplicateOf(firstLines, "o-1", 2)).toBeNull();
    expect(duplicateOf(firstLines, "o-2", 3)).toBeNull();
    expect(duplicateOf(firstLines, "o-1", 9)).toBe('external_id: "o-1" already on line 2');
  });
});

describe("an order's time", () => {
  it("keeps the offset written", () => {
    expect(orderedAtOf("2026-03-29T02:30:00+02:00")).toEqual(new Date("2026-03-29T00:30:00Z"));
    expect(orderedAtOf("1969-12-31T23:00:00Z")).toBeNull();
  });
});

describe("an order's customer", () => {
  const known = {
    byId: new Map([
      ["0190a1b2-0000-7000-8000-000000000001", "0190a1b2-0000-7000-8000-000000000001"],
    ]),
    byExternalId: new Map([["c-1", "0190a1b2-0000-7000-8000-000000000001"]]),
  };
  const good = order();
  if (!good.ok) throw new Error("the good row is refused");

  it("is found by the customer's external id or id", () => {
    expect(customerOfOrder(good.row, known)).toEqual({
      ok: true,
      row: "0190a1b2-0000-7000-8000-000000000001",
    });
    const byId = { ...good.row, customer: { id: "0190a1b2-0000-7000-8000-000000000001" } };
    expect(customerOfOrder(byId, known).ok).toBe(true);
  });

  it("refuses an unknown customer, naming it", () => {
    const unknown = { ...good.row, customer: { externalId: "c-404" } };
    expect(customerOfOrder(unknown, known)).toEqual({
      ok: false,
      reason: 'customer_external_id: no customer "c-404" (import the customers first)',
    });
  });
});
