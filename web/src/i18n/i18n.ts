// The console's two languages, the same from the sign-in page on: the advisor's own choice
// (remembered in this browser), else their profile's language (remembered from the last sign-in
// here), else the browser's.
import i18next, { type InitOptions, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import fr from "./fr.json";
import { localisedNumbers } from "./numbers.ts";

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
const PROFILE_KEY = "rapport.profileLanguage";

export function supportedLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? null;
}

function stored(key: string): Language | null {
  try {
    return supportedLanguage(window.localStorage.getItem(key));
  } catch {
    return null;
  }
}

function store(key: string, language: Language): void {
  try {
    window.localStorage.setItem(key, language);
  } catch {
    // Private browsing may refuse storage: the language still holds for this visit.
  }
}

const rememberedLanguage = () => stored(STORAGE_KEY);

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

const options = {
  resources,
  fallbackLng: "en",
  // React escapes what it renders; alwaysFormat writes every number through Intl (numbers.ts).
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
} satisfies InitOptions;

export function setUpI18n(): void {
  const language = rememberedLanguage() ?? stored(PROFILE_KEY) ?? browserLanguage() ?? "en";
  document.documentElement.lang = language;
  void i18next
    .use(initReactI18next)
    .use(localisedNumbers)
    .init({ ...options, lng: language });
}

/** A separate instance with the console's catalogues and options, in `language`. */
export async function i18nIn(language: Language): Promise<i18n> {
  const instance = i18next.createInstance().use(localisedNumbers);
  await instance.init({ ...options, lng: language });
  return instance;
}

/**
 * The language of a profile that lists the languages an advisor works in: the one the console
 * already speaks when the advisor works in it (a French browser stays French for an advisor of
 * French and English), else the first of the profile's.
 */
export function profileLanguage(
  languages: readonly string[],
  current: Language | null,
): Language | null {
  const spoken = languages.map(supportedLanguage).filter((l): l is Language => l !== null);
  if (current && spoken.includes(current)) return current;
  return spoken[0] ?? null;
}

/** After sign-in: the profile's language, unless the advisor chose one in this browser. */
export function adoptProfileLanguage(languages: readonly string[]): void {
  if (rememberedLanguage()) return;
  const language = profileLanguage(languages, supportedLanguage(i18next.language));
  if (!language) return;
  store(PROFILE_KEY, language);
  if (language !== i18next.language) apply(language);
}

/** The advisor's explicit choice, remembered in this browser. */
export function chooseLanguage(language: Language): void {
  store(STORAGE_KEY, language);
  apply(language);
}

export function currentLanguage(): Language {
  return supportedLanguage(i18next.language) ?? "en";
}
