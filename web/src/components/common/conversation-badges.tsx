// The small labels a conversation carries everywhere: its status, its priority, its reference.
import { useTranslation } from "react-i18next";
import type { ConversationStatus, Priority } from "../../api/types.ts";

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--status-${status}`}>{t(`status.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span className={`priority priority--${priority}`}>
      <span className="visually-hidden">{t("conversation.priority")}: </span>
      {t(`priority.${priority}`)}
    </span>
  );
}

export function Reference({ reference }: { reference: string }) {
  return <span className="reference">#{reference}</span>;
}
