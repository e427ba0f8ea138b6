// The canned answers matching what the advisor typed, as a list to pick from with the arrows and
// Enter (the composer keeps the focus and says which one is active), or with the mouse.
import { useTranslation } from "react-i18next";
import type { CannedAnswer } from "../../api/types.ts";

type Props = {
  id: string;
  answers: CannedAnswer[];
  active: number;
  loading: boolean;
  onPick: (answer: CannedAnswer) => void;
};

export const cannedOptionId = (listId: string, index: number) => `${listId}-${index}`;

export function CannedAnswerList({ id, answers, active, loading, onPick }: Props) {
  const { t } = useTranslation();
  if (loading) return <p className="canned__empty">{t("composer.cannedLoading")}</p>;
  if (answers.length === 0) return <p className="canned__empty">{t("composer.cannedNone")}</p>;
  return (
    <div id={id} className="canned" role="listbox" aria-label={t("composer.canned")}>
      {answers.map((answer, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard picks from the field that owns the list (aria-activedescendant)
        <div
          key={answer.id}
          tabIndex={-1}
          id={cannedOptionId(id, index)}
          role="option"
          aria-selected={index === active}
          className={`canned__option${index === active ? " canned__option--active" : ""}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(answer)}
        >
          <span className="canned__title">{answer.title}</span>{" "}
          <span className="canned__language">
            {t("composer.cannedLanguage", { language: answer.language })}
          </span>
        </div>
      ))}
    </div>
  );
}
