// The API's view of orders and of the customer upserts by external id (docs/CONTRACT.md §8): bodies,
// views and presenters, and the value a customer's summary carries.
import { z } from "zod";
import { languages } from "../../domain/language.ts";
import { isCurrency } from "../../domain/orders/import-rows.ts";
import type { CustomerValue } from "../../domain/orders/value.ts";
import type { Order } from "../../store/queries/orders.ts";
import { day, instant } from "./instant.ts";

const iso = z.string().describe("ISO-8601 UTC");
const toIso = (d: Date | null) => (d ? d.toISOString() : null);

export const externalIdParams = z.object({ external_id: z.string().trim().min(1).max(200) });

export const customerUpsertBody = z.strictObject({
  name: z.string().trim().max(200).optional(),
  email: z
    .string()
    .trim()
    .max(320)
    .pipe(z.email())
    .optional()
    .describe("added to their identities if new (409 when it identifies another customer)"),
  phone: z.string().trim().min(1).max(40).optional().describe("added to their identities if new"),
  language: z.enum(languages).optional(),
  customer_since: day.optional().describe("when they became a customer (YYYY-MM-DD)"),
});

const currency = z
  .string()
  .refine(isCurrency, "an ISO 4217 currency code, upper case (EUR, USD…)")
  .describe("ISO 4217");

export const orderBody = z
  .strictObject({
    customer_id: z.uuid().optional(),
    customer_external_id: z.string().trim().min(1).max(200).optional(),
    ordered_at: instant,
    amount_minor: z
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .describe("in the currency's minor unit (cents): 1999 is 19.99 EUR"),
    currency,
    status: z
      .string()
      .regex(/^[a-z][a-z_-]{0,39}$/)
      .default("placed")
      .describe(
        "placed, paid, shipped… (cancelled, canceled, refunded, failed and void add no value)",
      ),
  })
  .refine(
    (b) => (b.customer_id === undefined) !== (b.customer_external_id === undefined),
    "one of customer_id or customer_external_id",
  );

export const orderView = z.object({
  id: z.string(),
  external_id: z.string(),
  customer_id: z.string(),
  ordered_at: iso,
  amount_minor: z.number(),
  currency: z.string(),
  status: z.string(),
  created_at: iso,
  updated_at: iso,
});

export function presentOrder(o: Order): z.infer<typeof orderView> {
  return {
    id: o.id,
    external_id: o.externalId,
    customer_id: o.customerId,
    ordered_at: o.orderedAt.toISOString(),
    amount_minor: o.amountMinor,
    currency: o.currency,
    status: o.status,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

export const customerValueView = z
  .object({
    order_count: z.number().describe("orders that bought something (cancelled and refunded aside)"),
    lifetime: z
      .array(z.object({ currency: z.string(), amount_minor: z.number() }))
      .describe("lifetime value per currency, the largest first"),
    first_purchase_at: iso.nullable(),
    last_purchase_at: iso.nullable(),
    tenure_since: iso,
    tenure_source: z
      .enum(["customer_since", "first_order", "first_contact"])
      .describe("customer_since when given, else the first order or the first contact"),
    tenure_days: z.number(),
  })
  .describe("what the customer is worth and how long they have been one");

export function presentValue(v: CustomerValue): z.infer<typeof customerValueView> {
  return {
    order_count: v.orderCount,
    lifetime: v.lifetime.map((l) => ({ currency: l.currency, amount_minor: l.amountMinor })),
    first_purchase_at: toIso(v.firstPurchaseAt),
    last_purchase_at: toIso(v.lastPurchaseAt),
    tenure_since: v.tenure.since.toISOString(),
    tenure_source: v.tenure.source,
    tenure_days: v.tenure.days,
  };
}
