// The locale dates and numbers are written in: the browser's own variant of the console's
// language when it has one (en-GB writes "23 Nov"), else the language itself.
import { useTranslation } from "react-i18next";

export function useLocale(): string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const variant = navigator.languages?.find(
    (tag) => tag.toLowerCase().split("-")[0] === language.toLowerCase(),
  );
  return variant ?? language;
}
