// The conversation's messages, oldest first: customer messages, replies and internal notes.
import { useTranslation } from "react-i18next";
import type { Message } from "../../api/types.ts";
import { MessageCard } from "./message-card.tsx";

type Props = { messages: Message[]; customerName: string; meId: string; now: Date };

export function MessageThread({ messages, customerName, meId, now }: Props) {
  const { t } = useTranslation();
  if (messages.length === 0) return <p className="empty-state">{t("conversation.noMessages")}</p>;
  const ordered = [...messages].sort((a, b) => a.created_at.localeCompare(b.created_at));
  return (
    <ol className="thread">
      {ordered.map((message) => (
        <li key={message.id}>
          <MessageCard message={message} customerName={customerName} meId={meId} now={now} />
        </li>
      ))}
    </ol>
  );
}
