// An amount the server keeps in minor units (cents) shown in its currency, as the advisor's locale
// writes it: 1999 EUR is "19,99 €" in French and "€19.99" in English; 2500 JPY is "¥2,500".

/** The currency's number of minor-unit digits (2 for EUR, 0 for JPY, 3 for KWD), as Intl knows it. */
function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const amount = amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    // A code Intl does not know: the number and the code as written.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(amount)} ${currency}`;
  }
}
