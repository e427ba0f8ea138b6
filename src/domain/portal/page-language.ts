// The language a portal page is written in: `?lang=` when it names one we write, else the reader's
// Accept-Language, else the brand's — the public charter's rule, one function for both.
import { type CharterLanguage, charterLanguage } from "../charter.ts";
import { chooseLanguage, detectLanguage, isLanguage, type Language } from "../language.ts";

export type PageLanguage = CharterLanguage;

export const pageLanguage = (
  asked: string | undefined,
  acceptLanguage: string | undefined,
  brandLanguage: string,
): PageLanguage => charterLanguage(asked, acceptLanguage, brandLanguage);

/** The language asked for in the address, kept in the portal's links; null when none was. */
export const askedLanguage = (asked: string | undefined): PageLanguage | null =>
  asked === "fr" || asked === "en" ? asked : null;

/**
 * The language of the sign-in mail (CONTRACT §6): the customer's preference, else the language of
 * their latest message when it is clear, else the brand's.
 */
export function mailLanguage(
  preference: string | null,
  lastMessage: string | null,
  brandLanguage: string,
): Language {
  return chooseLanguage({
    customerPreference: isLanguage(preference) ? preference : null,
    detected: lastMessage ? detectLanguage(lastMessage.slice(0, 2000)) : null,
    brandLanguage: isLanguage(brandLanguage) ? brandLanguage : "en",
  });
}
