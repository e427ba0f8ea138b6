// The console's two languages: chosen once by the advisor (remembered in this browser), else
// the first language of their profile, else the browser's.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import fr from "./fr.json";

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

// Both catalogues must hold the same keys: a key missing in either one fails the type check.
const frenchHasEveryKey: typeof en = fr;
const englishHasEveryKey: typeof fr = en;
export const resources = {
  en: { translation: englishHasEveryKey },
  fr: { translation: frenchHasEveryKey },
} as const;

const STORAGE_KEY = "rapport.language";

export function supportedLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? null;
}

function rememberedLanguage(): Language | null {
  try {
    return supportedLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function browserLanguage(): Language | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = supportedLanguage(tag);
    if (language) return language;
  }
  return null;
}

function apply(language: Language): void {
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function setUpI18n(): void {
  const language = rememberedLanguage() ?? browserLanguage() ?? "en";
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** After sign-in: the profile's first language, unless the advisor chose one in this browser. */
export function adoptProfileLanguage(languages: readonly string[]): void {
  if (rememberedLanguage()) return;
  const language = supportedLanguage(languages[0]);
  if (language && language !== i18next.language) apply(language);
}

/** The advisor's explicit choice, remembered in this browser. */
export function chooseLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage: the choice still holds for this visit.
  }
  apply(language);
}

export function currentLanguage(): Language {
  return supportedLanguage(i18next.language) ?? "en";
}
