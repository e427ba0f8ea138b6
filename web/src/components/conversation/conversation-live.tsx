// What happens live on an open conversation: who else views it or is typing a reply (the collision
// warning), and a polite announcement of a new message for screen readers.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Viewer } from "../../api/presence.ts";
import { conversationOf } from "../../api/stream.ts";
import { useLiveEvents } from "../../hooks/use-live.ts";

export function CollisionWarning({ others }: { others: Viewer[] }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  return (
    <ul className="collision-warning" aria-label={t("presence.label")}>
      {others.map((v) => (
        <li key={v.user_id} className="collision-warning__viewer">
          {t(v.state === "typing" ? "presence.typing" : "presence.viewing", { name: v.name })}
        </li>
      ))}
    </ul>
  );
}

export function NewMessageAnnouncement({
  conversationId,
  meId,
}: {
  conversationId: string;
  meId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  useLiveEvents((event) => {
    if (event.type !== "message.created" || conversationOf(event) !== conversationId) return;
    const author = event.data.author as { id?: string | null; name?: string | null } | undefined;
    if (author?.id === meId) return;
    setText(t("presence.newMessage", { name: author?.name || t("inbox.unknownCustomer") }));
  });
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
