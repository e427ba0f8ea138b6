// The conversations of the current view, in the order the API gave; ↑ and ↓ move between rows.
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Brands } from "../../hooks/use-brands.ts";
import type { InboxRow } from "../../hooks/use-inbox-list.ts";
import { ConversationRow } from "./conversation-row.tsx";

type Props = {
  conversations: InboxRow[];
  brands: Brands;
  now: Date;
  /** The inbox address with its filters, for the conversation page's "back" link. */
  inboxPath: string;
};

function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const rows = Array.from(
    event.currentTarget.querySelectorAll<HTMLAnchorElement>("a.conversation-row"),
  );
  const index = rows.indexOf(document.activeElement as HTMLAnchorElement);
  if (index === -1) return;
  const next = rows[event.key === "ArrowDown" ? index + 1 : index - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

export function ConversationList({ conversations, brands, now, inboxPath }: Props) {
  const { t } = useTranslation();
  const severalBrands = brands.list.length > 1;
  return (
    <ul className="conversation-list" aria-label={t("inbox.listLabel")} onKeyDown={moveFocus}>
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <ConversationRow
            conversation={conversation}
            brandName={
              severalBrands ? (brands.byId.get(conversation.brand_id)?.name ?? null) : null
            }
            now={now}
            inboxPath={inboxPath}
          />
        </li>
      ))}
    </ul>
  );
}
