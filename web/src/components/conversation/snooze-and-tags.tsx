// A conversation's snooze (until a date, or woken now) and its tags, beside its other settings.
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Conversation } from "../../api/types.ts";
import { formatDateTime } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";

/** "YYYY-MM-DDTHH:mm" in the browser's zone, as a datetime-local field holds it. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Tomorrow at nine in the browser's zone: the usual "later". */
function tomorrowMorning(now: Date): Date {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return next;
}

type SnoozeProps = {
  conversation: Pick<Conversation, "snoozed_until" | "status">;
  now: Date;
  saving: boolean;
  onSnooze: (until: string | null) => Promise<void>;
};

export function SnoozeControl({ conversation, now, saving, onSnooze }: SnoozeProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [until, setUntil] = useState(() => localInput(tomorrowMorning(now)));
  if (conversation.status === "resolved" || conversation.status === "closed") return null;
  const snoozed =
    conversation.snoozed_until && new Date(conversation.snoozed_until) > now
      ? conversation.snoozed_until
      : null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = new Date(until);
    if (!Number.isNaN(at.getTime())) void onSnooze(at.toISOString());
  };
  return (
    <form className="field field--snooze" onSubmit={submit}>
      {snoozed ? (
        <p className="snoozed">
          {t("conversation.snoozedUntil", { when: formatDateTime(snoozed, locale) })}{" "}
          <button
            type="button"
            className="link-button"
            disabled={saving}
            onClick={() => void onSnooze(null)}
          >
            {t("conversation.wake")}
          </button>
        </p>
      ) : null}
      <label htmlFor={`${id}-until`}>{t("conversation.snooze")}</label>
      <input
        id={`${id}-until`}
        type="datetime-local"
        value={until}
        min={localInput(now)}
        onChange={(event) => setUntil(event.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={saving}>
        {t("conversation.snoozeApply")}
      </button>
      <p className="field__hint">{t("conversation.snoozeHint")}</p>
    </form>
  );
}

type TagsProps = {
  tags: readonly string[];
  saving: boolean;
  onSave: (tags: string[]) => Promise<void>;
};

export function TagsControl({ tags, saving, onSave }: TagsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(tags.join(", "));
  // The server normalises what it keeps: show that once saved.
  useEffect(() => setDraft(tags.join(", ")), [tags]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSave(
      draft
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    );
  };
  return (
    <form className="field field--tags" onSubmit={submit}>
      <label htmlFor={`${id}-tags`}>{t("conversation.tags")}</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={draft}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={saving}>
        {t("conversation.tagsSave")}
      </button>
      <p id={`${id}-hint`} className="field__hint">
        {t("conversation.tagsHint")}
      </p>
    </form>
  );
}
