// The change a selection of rows takes together: assign, close with a reason, or add a tag. Each
// conversation is changed as one would be; the ones the server refused are named with its reason
// and stay selected.
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CLOSE_REASONS, type CloseReason, type SelectionChange } from "../../api/types.ts";
import type { Users } from "../../hooks/use-users.ts";

type Props = {
  count: number;
  users: Users;
  busy: boolean;
  onApply: (change: SelectionChange) => void;
  onClear: () => void;
};

export function SelectionBar({ count, users, busy, onApply, onClear }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [assignee, setAssignee] = useState("");
  const [reason, setReason] = useState<CloseReason | "">("");
  const [tag, setTag] = useState("");

  const submit = (change: SelectionChange) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(change);
  };

  return (
    <section className="selection-bar" aria-label={t("inbox.selection.label")}>
      <p className="selection-bar__count" role="status">
        {t("inbox.selection.count", { count })}
      </p>
      <form onSubmit={submit({ assignee_id: assignee || null })} className="selection-bar__form">
        <label htmlFor={`${id}-assignee`}>{t("inbox.selection.assign")}</label>
        <select
          id={`${id}-assignee`}
          value={assignee}
          onChange={(event) => setAssignee(event.target.value)}
        >
          <option value="">{t("conversation.unassigned")}</option>
          {users.list
            .filter((user) => user.active)
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
        </select>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("inbox.selection.assignApply")}
        </button>
      </form>
      <form
        onSubmit={submit(
          reason ? { status: "closed", close_reason: reason } : { status: "closed" },
        )}
        className="selection-bar__form"
      >
        <label htmlFor={`${id}-reason`}>{t("inbox.selection.close")}</label>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(event) =>
            setReason(CLOSE_REASONS.find((value) => value === event.target.value) ?? "")
          }
        >
          <option value="">{t("inbox.selection.noReason")}</option>
          {CLOSE_REASONS.map((value) => (
            <option key={value} value={value}>
              {t(`closeReason.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("inbox.selection.closeApply")}
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (tag.trim() !== "") onApply({ add_tags: [tag.trim()] });
        }}
        className="selection-bar__form"
      >
        <label htmlFor={`${id}-tag`}>{t("inbox.selection.tag")}</label>
        <input
          id={`${id}-tag`}
          type="text"
          value={tag}
          maxLength={32}
          onChange={(event) => setTag(event.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("inbox.selection.tagApply")}
        </button>
      </form>
      <button type="button" className="link-button" onClick={onClear}>
        {t("inbox.selection.clear")}
      </button>
    </section>
  );
}
