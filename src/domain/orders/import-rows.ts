// The rows an import or the API hands over, checked one by one before anything is written: a customer
// by its external id, an order with its customer, date, amount in minor units and ISO 4217 currency.
import { isLanguage, type Language } from "../language.ts";

export type CustomerImport = {
  externalId: string;
  name?: string | undefined;
  /** As written; normalised with the customer's identities (identity/normalize.ts). */
  email?: string | undefined;
  phone?: string | undefined;
  language?: Language | undefined;
  /** YYYY-MM-DD. */
  customerSince?: string | undefined;
};

export type OrderImport = {
  externalId: string;
  customer: { id: string } | { externalId: string };
  orderedAt: Date;
  amountMinor: number;
  currency: string;
  status: string;
};

export type RowCheck<T> = { ok: true; row: T } | { ok: false; reason: string };

export const customerColumns = [
  "external_id",
  "name",
  "email",
  "phone",
  "language",
  "customer_since",
] as const;
export const orderColumns = [
  "external_id",
  "customer_external_id",
  "ordered_at",
  "amount_minor",
  "currency",
  "status",
] as const;

/** Columns a file must have; the others may be left out (then nothing changes there). */
export const requiredCustomerColumns = ["external_id"] as const;
export const requiredOrderColumns = [
  "external_id",
  "customer_external_id",
  "ordered_at",
  "amount_minor",
  "currency",
] as const;

const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));
const maxExternalId = 200;
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dayShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const statusShape = /^[a-z][a-z_-]{0,39}$/;

export const isCurrency = (code: string) => currencies.has(code);

/** A real calendar day, from year 0001 to 9999. */
export function isDay(text: string): boolean {
  const m = dayShape.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An order's time: an ISO 8601 instant with its offset, or a day (taken at 00:00 UTC). */
export function orderedAtOf(text: string): Date | null {
  if (isDay(text)) return new Date(`${text}T00:00:00Z`);
  if (!instantShape.test(text) || !isDay(text.slice(0, 10))) return null;
  const date = new Date(text);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1970 || year > 9999 ? null : date;
}

export function checkExternalId(value: string, field = "external_id"): string | null {
  if (value === "") return `${field}: missing`;
  if (value.length > maxExternalId) return `${field}: longer than ${maxExternalId} characters`;
  return null;
}

type Cells = Readonly<Record<string, string | undefined>>;

/** A cell as written, trimmed; an empty cell is "not given". */
const cell = (cells: Cells, name: string) => {
  const value = cells[name]?.trim() ?? "";
  return value === "" ? undefined : value;
};

export function checkCustomerRow(cells: Cells): RowCheck<CustomerImport> {
  const externalId = cell(cells, "external_id") ?? "";
  const bad = checkExternalId(externalId);
  if (bad) return { ok: false, reason: bad };
  const name = cell(cells, "name");
  if (name && name.length > 200) return { ok: false, reason: "name: longer than 200 characters" };
  const email = cell(cells, "email");
  if (email && (email.length > 320 || !emailShape.test(email))) {
    return { ok: false, reason: `email: "${email}" is not an email address` };
  }
  const phone = cell(cells, "phone");
  if (phone && !/^\+?[\d\s().-]{4,40}$/.test(phone)) {
    return { ok: false, reason: `phone: "${phone}" is not a phone number` };
  }
  const language = cell(cells, "language")?.toLowerCase();
  if (language && !isLanguage(language)) {
    return { ok: false, reason: `language: "${language}" is not one of fr, en` };
  }
  const customerSince = cell(cells, "customer_since");
  if (customerSince && !isDay(customerSince)) {
    return { ok: false, reason: `customer_since: "${customerSince}" is not a date (YYYY-MM-DD)` };
  }
  return {
    ok: true,
    row: {
      externalId,
      name,
      email,
      phone,
      language: language as Language | undefined,
      customerSince,
    },
  };
}

export function checkOrderRow(cells: Cells): RowCheck<OrderImport> {
  const externalId = cell(cells, "external_id") ?? "";
  const customerExternalId = cell(cells, "customer_external_id") ?? "";
  const bad =
    checkExternalId(externalId) ?? checkExternalId(customerExternalId, "customer_external_id");
  if (bad) return { ok: false, reason: bad };
  const orderedText = cell(cells, "ordered_at") ?? "";
  const orderedAt = orderedAtOf(orderedText);
  if (!orderedAt) {
    return { ok: false, reason: `ordered_at: "${orderedText}" is not a date (ISO 8601)` };
  }
  const amountText = cell(cells, "amount_minor") ?? "";
  if (/^-\d+$/.test(amountText)) {
    return { ok: false, reason: `amount_minor: ${amountText} is negative` };
  }
  const amountMinor = Number(amountText);
  if (!/^\d+$/.test(amountText) || !Number.isSafeInteger(amountMinor)) {
    return {
      ok: false,
      reason: `amount_minor: "${amountText}" is not a whole number of minor units`,
    };
  }
  const currency = (cell(cells, "currency") ?? "").toUpperCase();
  if (!isCurrency(currency)) {
    return { ok: false, reason: `currency: "${currency}" is not an ISO 4217 code` };
  }
  const status = (cell(cells, "status") ?? "placed").toLowerCase();
  if (!statusShape.test(status)) {
    return { ok: false, reason: `status: "${status}" is not a status word` };
  }
  return {
    ok: true,
    row: {
      externalId,
      customer: { externalId: customerExternalId },
      orderedAt,
      amountMinor,
      currency,
      status,
    },
  };
}

/**
 * The lines where each external id was first seen in a file: a second row with the same one is
 * refused, naming the first line (which one wins would otherwise depend on batch order).
 */
export function duplicateOf(
  firstLines: Map<string, number>,
  externalId: string,
  line: number,
): string | null {
  const first = firstLines.get(externalId);
  if (first !== undefined) return `external_id: "${externalId}" already on line ${first}`;
  firstLines.set(externalId, line);
  return null;
}

/** The customers a batch of orders names, found in the store: by id and by external id. */
export type KnownCustomers = {
  byId: ReadonlyMap<string, string>;
  byExternalId: ReadonlyMap<string, string>;
};

/** The customer an order goes to; an unknown one refuses the row. */
export function customerOfOrder(row: OrderImport, known: KnownCustomers): RowCheck<string> {
  const found =
    "id" in row.customer
      ? known.byId.get(row.customer.id)
      : known.byExternalId.get(row.customer.externalId);
  if (found) return { ok: true, row: found };
  return {
    ok: false,
    reason:
      "id" in row.customer
        ? `customer_id: no customer ${row.customer.id}`
        : `customer_external_id: no customer "${row.customer.externalId}" (import the customers first)`,
  };
}
