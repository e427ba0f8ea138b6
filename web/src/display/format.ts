// Numbers as the advisor reads them, through Intl in the console's locale: "7,5" in French,
// "7.5" in English; a percentage with the locale's own spacing ("45,5 %" against "45.5%").

export function formatNumber(value: number, locale: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** `value` in percent (45.5 for 45.5 %). */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    value / 100,
  );
}
