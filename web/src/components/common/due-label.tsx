// "due in 35 min" / "overdue by 2 h" for the response a conversation awaits, measured on the browser
// clock: inline beside other labels, or prominent where time left is what orders the list.
import { useTranslation } from "react-i18next";
import type { Conversation } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { dueState, pendingDueAt } from "../../display/due-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";

type DueTimeProps = {
  /** Null while the clock is paused; only the prominent variant says so. */
  dueAt: string | null;
  now: Date;
  variant?: "inline" | "prominent";
};

export function DueTime({ dueAt, now, variant = "inline" }: DueTimeProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const prominent = variant === "prominent" ? " due--prominent" : "";
  if (!dueAt) {
    return variant === "prominent" ? (
      <span className={`due due--paused${prominent}`}>{t("due.paused")}</span>
    ) : null;
  }
  const due = dueState(new Date(dueAt), now);
  const tone = due.overdue ? "overdue" : due.soon ? "soon" : "later";
  const text = due.overdue
    ? t(`due.overdue_${due.unit}`, { count: due.amount })
    : t(`due.in_${due.unit}`, { count: due.amount });
  return (
    <time
      className={`due due--${tone}${prominent}`}
      dateTime={dueAt}
      title={t("due.at", { when: formatDateTime(dueAt, locale) })}
    >
      {text}
    </time>
  );
}

type DueLabelProps = {
  conversation: Pick<
    Conversation,
    "status" | "answered" | "first_response_due_at" | "next_response_due_at"
  >;
  now: Date;
};

/** The due time of the response a conversation awaits, if it awaits one. */
export function DueLabel({ conversation, now }: DueLabelProps) {
  return <DueTime dueAt={pendingDueAt(conversation)} now={now} />;
}
