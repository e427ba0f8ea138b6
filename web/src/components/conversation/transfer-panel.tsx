// Transfers on the conversation page: the pending transfer as a banner (the receiver accepts or
// declines with a reason, the sender may cancel), the last refusal, and the form to hand it on.
import { type FormEvent, useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { newIdempotencyKey } from "../../api/idempotency-key.ts";
import {
  acceptTransfer,
  cancelTransfer,
  declineTransfer,
  fetchConversationTransfers,
  requestTransfer,
  type Transfer,
} from "../../api/transfers.ts";
import { useAsync } from "../../hooks/use-async.ts";
import type { Users } from "../../hooks/use-users.ts";
import { problemText } from "../common/problem-message.tsx";

type Props = {
  conversation: { id: string; assignee_id: string | null; status: string; spam: boolean };
  users: Users;
  meId: string;
  /** Called once a transfer changed hands or state: the conversation is read again. */
  onChanged: () => void;
};

export function TransferPanel({ conversation, users, meId, onChanged }: Props) {
  const { t } = useTranslation();
  const load = useCallback(
    (signal: AbortSignal) => fetchConversationTransfers(conversation.id, signal),
    [conversation.id],
  );
  const { state, reload } = useAsync(`transfers-${conversation.id}`, load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const transfers = state.status === "ready" ? state.data : [];
  const pending = transfers.find((x) => x.status === "pending") ?? null;
  const last = transfers.at(-1) ?? null;

  const act = async (write: () => Promise<Transfer>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      reload();
      onChanged();
      return true;
    } catch (problem) {
      setError(problem);
      reload();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const problem = error ? (
    <p className="transfer__error" role="alert">
      {problemText(t, error)}
    </p>
  ) : null;

  if (pending) {
    return (
      <PendingBanner
        transfer={pending}
        meId={meId}
        busy={busy}
        problem={problem}
        onAccept={() => act(() => acceptTransfer(conversation.id))}
        onDecline={(reason) => act(() => declineTransfer(conversation.id, reason))}
        onCancel={() => act(() => cancelTransfer(conversation.id))}
      />
    );
  }
  const finished =
    conversation.spam || conversation.status === "resolved" || conversation.status === "closed";
  return (
    <section className="transfer" aria-label={t("transfer.title")}>
      {last?.status === "declined" ? (
        <p className="transfer__note">
          {t("transfer.declined", { name: last.to_name, reason: last.decision_reason ?? "" })}
        </p>
      ) : null}
      {finished ? null : (
        <TransferForm
          candidates={users.list.filter(
            (u) => u.active && u.id !== meId && u.id !== conversation.assignee_id,
          )}
          busy={busy}
          onSubmit={(to, reason, key) =>
            act(() => requestTransfer(conversation.id, to, reason, key))
          }
        />
      )}
      {problem}
    </section>
  );
}

type BannerProps = {
  transfer: Transfer;
  meId: string;
  busy: boolean;
  problem: React.ReactNode;
  onAccept: () => Promise<boolean>;
  onDecline: (reason: string) => Promise<boolean>;
  onCancel: () => Promise<boolean>;
};

function PendingBanner({
  transfer,
  meId,
  busy,
  problem,
  onAccept,
  onDecline,
  onCancel,
}: BannerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const forMe = transfer.to_id === meId;
  const mine = transfer.from_id === meId || transfer.requested_by_id === meId;
  const from = transfer.from_name ?? t("transfer.nobody");
  const text = forMe
    ? t("transfer.pendingForMe", { name: from, reason: transfer.reason })
    : t("transfer.pendingFor", { name: transfer.to_name, reason: transfer.reason });

  const decline = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() && (await onDecline(reason.trim()))) setDeclining(false);
  };

  return (
    <section className="transfer transfer--pending" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="transfer__title">
        {t("transfer.pendingTitle")}
      </h2>
      <p>{text}</p>
      {forMe && !declining ? (
        <div className="transfer__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void onAccept()}
          >
            {t("transfer.accept")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => setDeclining(true)}
          >
            {t("transfer.decline")}
          </button>
        </div>
      ) : null}
      {forMe && declining ? (
        <form
          className="transfer__form"
          onSubmit={decline}
          onKeyDown={(event) => {
            if (event.key === "Escape") setDeclining(false);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-decline`}>{t("transfer.declineReason")}</label>
            <textarea
              id={`${id}-decline`}
              value={reason}
              required
              maxLength={2000}
              rows={2}
              // biome-ignore lint/a11y/noAutofocus: the field the Decline button opened.
              autoFocus
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="transfer__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || !reason.trim()}
            >
              {t("transfer.confirmDecline")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setDeclining(false)}
            >
              {t("transfer.back")}
            </button>
          </div>
        </form>
      ) : null}
      {!forMe && mine ? (
        <div className="transfer__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void onCancel()}
          >
            {t("transfer.cancel")}
          </button>
        </div>
      ) : null}
      {problem}
    </section>
  );
}

type FormProps = {
  candidates: Array<{ id: string; name: string }>;
  busy: boolean;
  onSubmit: (to: string, reason: string, idempotencyKey: string) => Promise<boolean>;
};

function TransferForm({ candidates, busy, onSubmit }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  // One key per transfer asked: a retried click after a lost answer does not ask twice.
  const [key, setKey] = useState(newIdempotencyKey);

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t("transfer.open")}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to || !reason.trim()) return;
    if (await onSubmit(to, reason.trim(), key)) {
      setOpen(false);
      setTo("");
      setReason("");
      setKey(newIdempotencyKey());
    }
  };
  return (
    <form
      className="transfer__form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <h2 id={`${id}-title`} className="transfer__title">
        {t("transfer.title")}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t("transfer.to")}</label>
        <select
          id={`${id}-to`}
          value={to}
          required
          // biome-ignore lint/a11y/noAutofocus: the first field of the form the button opened.
          autoFocus
          onChange={(event) => setTo(event.target.value)}
        >
          <option value="">{t("transfer.choose")}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t("transfer.reason")}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          required
          maxLength={2000}
          rows={2}
          onChange={(event) => setReason(event.target.value)}
        />
        <p className="field__hint">{t("transfer.hint")}</p>
      </div>
      <div className="transfer__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !to || !reason.trim()}
        >
          {t("transfer.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t("transfer.back")}
        </button>
      </div>
    </form>
  );
}
