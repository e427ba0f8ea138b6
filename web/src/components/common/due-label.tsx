// "due in 35 min" / "overdue by 2 h" for the response a conversation awaits, measured on the browser clock.
import { useTranslation } from "react-i18next";
import type { Conversation } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { dueState, pendingDueAt } from "../../display/due-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";

type Props = {
  conversation: Pick<
    Conversation,
    "status" | "answered" | "first_response_due_at" | "next_response_due_at"
  >;
  now: Date;
};

export function DueLabel({ conversation, now }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dueAt = pendingDueAt(conversation);
  if (!dueAt) return null;
  const due = dueState(new Date(dueAt), now);
  const tone = due.overdue ? "overdue" : due.soon ? "soon" : "later";
  const text = due.overdue
    ? t(`due.overdue_${due.unit}`, { count: due.amount })
    : t(`due.in_${due.unit}`, { count: due.amount });
  return (
    <time
      className={`due due--${tone}`}
      dateTime={dueAt}
      title={t("due.at", { when: formatDateTime(dueAt, locale) })}
    >
      {text}
    </time>
  );
}
