// The bell in the header: how many unread notifications (SLA warnings and escalations) await the
// advisor, and a list of them; opening one goes to its conversation and marks it read.
import type { TFunction } from "i18next";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Notification } from "../../api/types.ts";
import { formatDateTime, formatRelative } from "../../display/date-time.ts";
import { type NotificationKind, notificationFacts } from "../../display/notification.ts";
import { readable } from "../../display/one-of.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useNotifications } from "../../hooks/use-notifications.ts";
import { useNow } from "../../hooks/use-now.ts";
import { ProblemMessage } from "../common/problem-message.tsx";

const KIND_WORDS = {
  "sla.warn_assignee": "notifications.kind.warnAssignee",
  "sla.warn_manager": "notifications.kind.warnManager",
  "sla.breach": "notifications.kind.breach",
  "transfer.repeated": "notifications.kind.transferRepeated",
} as const satisfies Record<NotificationKind, string>;

function kindText(t: TFunction, notification: Notification, kind: NotificationKind | null) {
  return kind ? t(KIND_WORDS[kind]) : readable(notification.kind);
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="bell__icon">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const now = useNow();
  const id = useId();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const count = notifications.unread.length;
  const countText = notifications.more ? `${count}+` : String(count);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const openNotification = (notification: Notification) => {
    setOpen(false);
    notifications.markRead(notification.id);
    if (notification.conversation_id) {
      navigate(`/conversations/${encodeURIComponent(notification.conversation_id)}`);
    }
  };

  return (
    <div className="bell" ref={container}>
      <button
        ref={button}
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={
          count > 0
            ? t("notifications.buttonUnread", { count, shown: countText })
            : t("notifications.button")
        }
        onClick={() => {
          setOpen((value) => !value);
          if (!open) notifications.reload();
        }}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {countText}
          </span>
        ) : null}
      </button>
      <section
        id={`${id}-panel`}
        className="bell__panel"
        hidden={!open}
        aria-labelledby={`${id}-title`}
      >
        <h2 id={`${id}-title`} className="bell__title">
          {t("notifications.title")}
        </h2>
        {notifications.status === "error" ? (
          <ProblemMessage
            error={notifications.error}
            what={t("notifications.unavailable")}
            onRetry={notifications.reload}
          />
        ) : null}
        {notifications.markError ? (
          <ProblemMessage error={notifications.markError} what={t("notifications.markFailed")} />
        ) : null}
        {notifications.status === "ready" && count === 0 ? (
          <p className="bell__empty">{t("notifications.empty")}</p>
        ) : null}
        {count > 0 ? (
          <ul className="bell__list">
            {notifications.unread.map((notification) => {
              const facts = notificationFacts(notification);
              return (
                <li key={notification.id}>
                  <button
                    type="button"
                    className={`bell__item bell__item--${facts.kind === "sla.breach" ? "breach" : "warning"}`}
                    onClick={() => openNotification(notification)}
                  >
                    <span className="bell__kind">{kindText(t, notification, facts.kind)}</span>
                    <span className="bell__conversation">
                      {facts.reference ? (
                        <span className="reference">#{facts.reference}</span>
                      ) : null}{" "}
                      {facts.subject ?? t("inbox.noSubject")}
                    </span>
                    <span className="bell__times">
                      {facts.dueAt ? (
                        <span>{t("due.at", { when: formatDateTime(facts.dueAt, locale) })}</span>
                      ) : null}
                      <time
                        dateTime={notification.created_at}
                        title={formatDateTime(notification.created_at, locale)}
                      >
                        {formatRelative(notification.created_at, now, locale)}
                      </time>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        {notifications.more ? <p className="bell__more">{t("notifications.more")}</p> : null}
      </section>
    </div>
  );
}
