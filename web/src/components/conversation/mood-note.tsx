// The mood of a customer's message, said discreetly under it: a word ("Unhappy") and the words
// that made it ("content (negated), inadmissible"), never a bare score.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Mood } from "../../api/types.ts";

/** The words behind a mood, a negated one marked as such. */
export function moodWords(t: TFunction, mood: Mood): string {
  if (mood.reasons.length === 0) return t("glance.moodNoWords");
  return mood.reasons
    .map((r) => (r.negated ? t("glance.negated", { word: r.word }) : r.word))
    .join(", ");
}

export function MoodNote({ mood }: { mood: Mood }) {
  const { t } = useTranslation();
  return (
    <p className={`mood mood--${mood.label}`} data-testid="message-mood">
      <span className="mood__label">
        {t("glance.moodLabel")}: {t(`glance.mood.${mood.label}`)}
      </span>
      <span className="mood__words"> · {t("glance.moodWords", { words: moodWords(t, mood) })}</span>
    </p>
  );
}
