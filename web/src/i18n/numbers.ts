// Every number put into a translation ("{{count}} conversations", "Spam score {{score}}") is
// written by Intl in the console's language: "7,5" and "12 345" in French, "7.5" and "12,345" in
// English. Four-digit numbers stay ungrouped (2026, 1234), as both languages write them.
import type { FormatterModule } from "i18next";

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string): Intl.NumberFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: "min2" });
    formats.set(language, format);
  }
  return format;
}

export const localisedNumbers: FormatterModule = {
  type: "formatter",
  init() {},
  add() {},
  addCached() {},
  format(value, format, language) {
    if (typeof value !== "number" || (format !== undefined && format !== "number")) return value;
    return numberFormat(language ?? "en").format(value);
  },
};
