// Why the conversation is with whom it is: the routing reason when it opened, an escalation to the
// manager (and who asked), and the customer's words that raised its priority.
import { useTranslation } from "react-i18next";
import type { ConversationWithMessages } from "../../api/types.ts";
import { routingSentences, shownParams } from "../../display/routing-reason.ts";
import { useLocale } from "../../hooks/use-locale.ts";

export function RoutingStory({ conversation }: { conversation: ConversationWithMessages }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { routing, escalation, urgency } = conversation;
  if (!routing && !escalation && !urgency) return null;
  return (
    <section className="routing-story" aria-label={t("routing.title")}>
      {routing ? (
        <p className="routing-story__line" data-testid="routing-reason">
          {routingSentences(routing)
            .map((s) => t(s.key, shownParams(s.params, locale)))
            .join(" ")}
        </p>
      ) : null}
      {escalation ? (
        <p className="routing-story__line" data-testid="escalation-reason">
          {t(
            escalation.reason === "customer_request"
              ? "routing.escalatedByCustomer"
              : "routing.escalatedByAdvisor",
            { name: escalation.manager_name },
          )}
        </p>
      ) : null}
      {urgency && urgency.words.length > 0 ? (
        <p className="routing-story__line" data-testid="urgency-words">
          {t("routing.urgentWords", {
            words: urgency.words.map((word) => t("routing.quoted", { word })).join(", "),
          })}
        </p>
      ) : null}
    </section>
  );
}
