// Dates and times as the advisor reads them, in the console's language and the browser's time zone.

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(new Date(iso));
}

/** "5 min ago", "il y a 2 h", "yesterday". */
export function formatRelative(iso: string, now: Date, language: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto", style: "short" });
  const absolute = Math.abs(seconds);
  if (absolute < 60) return format.format(0, "minute");
  if (absolute < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (absolute < 86_400) return format.format(Math.round(seconds / 3600), "hour");
  if (absolute < 86_400 * 30) return format.format(Math.round(seconds / 86_400), "day");
  return formatDate(iso, language);
}
