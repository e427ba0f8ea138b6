// "Why is this in Spam?": the rules that fired on the conversation's inbound messages, each with
// what it saw and its points, so an advisor can judge the verdict before marking "Not spam".
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Message } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { oneOf, readable } from "../../display/one-of.ts";
import { spamDetailText } from "../../display/spam-detail.ts";
import { spamEvidence } from "../../display/spam-evidence.ts";
import { useLocale } from "../../hooks/use-locale.ts";

const RULES = [
  "missing_message_id",
  "missing_date",
  "future_date",
  "reply_to_mismatch",
  "forged_received",
  "shouting_subject",
  "deceptive_link",
  "url_shortener",
  "dangerous_attachment",
  "spam_phrase",
  "spf_fail",
  "spf_softfail",
  "dkim_fail",
  "dmarc_fail",
  "learnt_from_marks",
] as const;

type Props = { messages: readonly Message[] };

export function SpamExplanation({ messages }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const evidence = spamEvidence(messages);
  const several = evidence.length > 1;

  return (
    <section className="spam-why" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="spam-why__title">
        {t("spam.why")}
      </h2>
      <p className="spam-why__intro">
        {evidence.length === 0 ? t("spam.noRule") : t("spam.intro")}
      </p>
      {evidence.map((item) => (
        <div key={item.messageId} className="spam-why__message">
          {several || item.score !== null ? (
            <p className="spam-why__heading">
              {several
                ? t("spam.message", { when: formatDateTime(item.receivedAt, locale) })
                : null}
              {several && item.score !== null ? " · " : null}
              {item.score !== null ? t("spam.score", { score: item.score }) : null}
            </p>
          ) : null}
          <ul className="spam-why__reasons">
            {item.reasons.map((reason) => (
              <li key={`${reason.rule}:${reason.detail}`} className="spam-why__reason">
                <span className="spam-why__rule">
                  {oneOf(RULES, reason.rule)
                    ? t(`spam.rule.${reason.rule}`)
                    : readable(reason.rule)}
                </span>
                <span className="spam-why__points">
                  {t("spam.points", { count: reason.points })}
                </span>
                <span className="spam-why__detail">{spamDetailText(t, reason, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
