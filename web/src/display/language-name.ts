// A language tag ("fr", "en-GB") named in the console's language ("French", "anglais (Royaume-Uni)").

export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag; // Not a well-formed tag: show it as the server gave it.
  }
}
