// Says what went wrong with a call, in the advisor's language: by the problem's code, and with the
// server's own text only for a code the console does not know.
import type { TFunction } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem } from "../../api/client.ts";
import { codedProblemText } from "../../display/problem-code.ts";

export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiProblem)) return t("errors.server");
  switch (error.kind) {
    case "network":
      return t("errors.network");
    case "server":
      return t("errors.server");
    default:
      break;
  }
  const coded = codedProblemText(t, error);
  if (coded !== null) return coded;
  switch (error.kind) {
    case "not_found":
      return t("errors.notFound");
    case "forbidden":
      return t("errors.forbidden");
    default:
      return t("errors.generic", { detail: error.detail ?? error.title });
  }
}

type Props = {
  error: unknown;
  onRetry?: () => void;
  /** Says what could not be had, for a part of a page, instead of the generic wording. */
  what?: string;
};

export function ProblemMessage({ error, onRetry, what }: Props) {
  const { t } = useTranslation();

  useEffect(() => {
    // Expected failures are typed; anything else is a bug worth a loud trace.
    if (!(error instanceof ApiProblem)) console.error("Unexpected failure in the console", error);
  }, [error]);

  return (
    <div
      className={`problem${what ? " problem--compact" : ""}`}
      role="alert"
      title={what ? problemText(t, error) : undefined}
    >
      <p>{what ?? problemText(t, error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("app.retry")}
        </button>
      ) : null}
    </div>
  );
}
