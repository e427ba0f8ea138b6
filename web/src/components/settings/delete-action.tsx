// The editor's "Delete" for a setting that may be deleted (canned answers, mailboxes): asked once
// more before it is done, and the API's refusal told beside it.
import { useState } from "react";
import { ProblemMessage } from "../common/problem-message.tsx";

type Props = {
  /** The button, the question, the confirming button and the one that keeps it. */
  labels: { delete: string; confirm: string; deleteForGood: string; keep: string };
  onDelete: () => Promise<void>;
};

export function DeleteAction({ labels, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const remove = async () => {
    setDeleteError(null);
    try {
      await onDelete();
    } catch (failure) {
      setDeleteError(failure);
    }
  };
  return (
    <span className="settings-delete">
      {confirming ? (
        <>
          <span>{labels.confirm}</span>
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {labels.deleteForGood}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(false)}
          >
            {labels.keep}
          </button>
        </>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
          {labels.delete}
        </button>
      )}
      {deleteError ? <ProblemMessage error={deleteError} /> : null}
    </span>
  );
}
