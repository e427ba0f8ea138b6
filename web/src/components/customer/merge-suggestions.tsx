// "Possible duplicates" on a customer's page: the profiles that may be the same person, with the
// evidence and the score in words; a merge behind a confirmation that says what will move, then a
// visible Undo. On a merged profile: the Undo of the merge that merged it.
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  fetchMergeSuggestions,
  type MergeSuggestion,
  mergeCustomer,
  undoMerge,
} from "../../api/merges.ts";
import type { Customer } from "../../api/types.ts";
import { evidenceText, likelihoodOf, movesText } from "../../display/merge-evidence.ts";
import { useAsync } from "../../hooks/use-async.ts";
import { announceCustomerChange, useCustomerChanges } from "../../hooks/use-customer.ts";
import { ProblemMessage } from "../common/problem-message.tsx";

type Props = { customer: Customer };

type Done = { mergeId: string; otherId: string; otherName: string } | null;

/** Undoes a merge and says so; both profiles shown anywhere load again. */
export function UndoMergeButton({
  mergeId,
  customerIds,
}: {
  mergeId: string;
  customerIds: string[];
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [undone, setUndone] = useState(false);
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await undoMerge(mergeId);
      setUndone(true);
      for (const id of new Set([...customerIds, r.customer_id, r.other_id]))
        announceCustomerChange(id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  if (undone) {
    return (
      <p className="notice" role="status">
        {t("merge.undone")}
      </p>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void undo()}
      >
        {t("merge.undo")}
      </button>
      {error ? <ProblemMessage error={error} /> : null}
    </>
  );
}

export function MergeSuggestions({ customer }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const load = useCallback(
    (signal: AbortSignal) => fetchMergeSuggestions(customer.id, signal),
    [customer.id],
  );
  const suggestions = useAsync(`merge-suggestions:${customer.id}`, load);
  useCustomerChanges(customer.id, suggestions.reload);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Done>(null);

  if (customer.erased_at) return null;
  if (customer.merged_into) {
    return (
      <section className="merge-suggestions" aria-labelledby={titleId}>
        <h3 id={titleId} className="section-title">
          {t("merge.mergedTitle")}
        </h3>
        {customer.merge_id ? (
          <UndoMergeButton
            mergeId={customer.merge_id}
            customerIds={[customer.id, customer.merged_into]}
          />
        ) : null}
      </section>
    );
  }

  const merge = async (s: MergeSuggestion) => {
    setBusy(true);
    setError(null);
    try {
      const r = await mergeCustomer(customer.id, s.customer.id);
      setConfirming(null);
      setDone({ mergeId: r.merge_id, otherId: s.customer.id, otherName: s.customer.name });
      announceCustomerChange(customer.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const items = suggestions.state.status === "ready" ? suggestions.state.data.items : [];
  return (
    <section className="merge-suggestions" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t("merge.title")}
      </h3>
      {done ? (
        <div className="merge-suggestions__done">
          <p className="notice" role="status">
            {t("merge.merged", { name: done.otherName || t("inbox.unknownCustomer") })}
          </p>
          <UndoMergeButton mergeId={done.mergeId} customerIds={[customer.id, done.otherId]} />
        </div>
      ) : null}
      {suggestions.state.status === "error" ? (
        <ProblemMessage error={suggestions.state.error} />
      ) : null}
      {suggestions.state.status === "ready" && items.length === 0 ? (
        <p className="merge-suggestions__none">{t("merge.none")}</p>
      ) : null}
      <ul className="merge-suggestions__list">
        {items.map((s) => {
          const name =
            s.customer.name || s.customer.identities[0]?.value || t("inbox.unknownCustomer");
          return (
            <li key={s.customer.id} className="merge-suggestions__item">
              <p>
                <Link to={`/customers/${encodeURIComponent(s.customer.id)}`}>{name}</Link>{" "}
                <span className="merge-suggestions__score">
                  {t(`merge.likelihood.${likelihoodOf(s.score)}`)}
                </span>
              </p>
              <ul className="merge-suggestions__evidence">
                {s.evidence.map((e) => (
                  <li key={`${e.kind}:${evidenceText(t, e)}`}>{evidenceText(t, e)}</li>
                ))}
              </ul>
              {confirming === s.customer.id ? (
                <div
                  className="merge-suggestions__confirm"
                  role="alertdialog"
                  aria-labelledby={`${titleId}-${s.customer.id}`}
                >
                  <p id={`${titleId}-${s.customer.id}`}>
                    <strong>{t("merge.confirmTitle", { name })}</strong>
                  </p>
                  <p>{movesText(t, s.moves)}</p>
                  {error ? <ProblemMessage error={error} /> : null}
                  <div className="merge-suggestions__actions">
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => void merge(s)}
                    >
                      {t("merge.confirm")}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy}
                      onClick={() => setConfirming(null)}
                    >
                      {t("merge.cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setError(null);
                    setConfirming(s.customer.id);
                  }}
                >
                  {t("merge.open", { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
