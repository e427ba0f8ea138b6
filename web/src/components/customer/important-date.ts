// An important date in words: its kind in the console's language when it is one of the usual ones
// ("birthday"), else as the advisor wrote it, and the day through Intl.
import type { TFunction } from "i18next";
import type { ImportantDate } from "../../api/types.ts";
import { formatDate } from "../../display/date-time.ts";
import { oneOf } from "../../display/one-of.ts";

export const DATE_KINDS = ["birthday", "anniversary", "renewal", "customer_since"] as const;

export function dateKindLabel(t: TFunction, kind: string): string {
  return oneOf(DATE_KINDS, kind) ? t(`customer.dateKind.${kind}`) : kind;
}

/** A calendar day shown on that day wherever the advisor is (noon UTC stays on it). */
export const formatDay = (day: string, locale: string) => formatDate(`${day}T12:00:00Z`, locale);

export function importantDateText(t: TFunction, locale: string, date: ImportantDate): string {
  return `${dateKindLabel(t, date.kind)} · ${formatDay(date.date, locale)}`;
}
