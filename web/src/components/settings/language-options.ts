// The languages a brand, a canned answer or a customer message may be in (the API's own list),
// named in the console's language.
import { languageName } from "../../display/language-name.ts";

export const CONTENT_LANGUAGES = ["fr", "en"] as const;

export function languageOptions(locale: string) {
  return CONTENT_LANGUAGES.map((tag) => ({ value: tag, label: languageName(tag, locale) }));
}
