// The canned answer the advisor is about to pick, shown filled as the customer will read it
// (their name, the reference, the promise time in their language), before it goes into the text.
import { useTranslation } from "react-i18next";
import type { CannedAnswer } from "../../api/types.ts";
import { type CannedValues, fillVariables } from "../../display/canned-answer.ts";
import { languageName } from "../../display/language-name.ts";
import { useLocale } from "../../hooks/use-locale.ts";

type Props = {
  answer: CannedAnswer | undefined;
  values: CannedValues;
  customerName: string;
  customerLanguage: string | null;
};

export function CannedPreview({ answer, values, customerName, customerLanguage }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!answer) return null;
  return (
    <section className="canned-preview" aria-label={t("glance.canned.preview")}>
      <p className="canned-preview__title">
        {t("glance.canned.previewOf", { title: answer.title, name: customerName })}
        {customerLanguage && answer.language === customerLanguage ? (
          <span className="canned-preview__language">
            {" · "}
            {t("glance.canned.languageChosen", {
              language: languageName(answer.language, locale),
            })}
          </span>
        ) : null}
      </p>
      <p className="canned-preview__text" data-testid="canned-preview">
        {fillVariables(answer.body, values)}
      </p>
    </section>
  );
}
