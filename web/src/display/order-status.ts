// An order's status in the console's language: the usual words translated, any other as written.
import type { TFunction } from "i18next";
import { oneOf, readable } from "./one-of.ts";

export const ORDER_STATUSES = [
  "placed",
  "paid",
  "shipped",
  "delivered",
  "cancelled",
  "canceled",
  "refunded",
  "failed",
  "void",
] as const;

export function orderStatusLabel(t: TFunction, status: string): string {
  return oneOf(ORDER_STATUSES, status) ? t(`orders.statuses.${status}`) : readable(status);
}
