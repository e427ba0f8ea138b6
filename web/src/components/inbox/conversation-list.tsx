// The conversations of the current view, in the order the API gave. The keyboard moves through them
// (j/k or ↑/↓), opens one (Enter), selects (x) and assigns to oneself (a); selected rows take one
// change together through the selection bar.
import { type KeyboardEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Brands } from "../../hooks/use-brands.ts";
import type { InboxRow } from "../../hooks/use-inbox-list.ts";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { ConversationRow } from "./conversation-row.tsx";

type Props = {
  conversations: InboxRow[];
  brands: Brands;
  now: Date;
  /** The inbox address with its filters, for the conversation page's "back" link. */
  inboxPath: string;
  activeId: string | null;
  onActivate: (id: string) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onAssignToMe: () => void;
};

function rowLink(list: HTMLElement | null, id: string): HTMLAnchorElement | null {
  return (
    list?.querySelector<HTMLAnchorElement>(`a[data-conversation-id="${CSS.escape(id)}"]`) ?? null
  );
}

export function ConversationList(props: Props) {
  const { conversations, brands, now, inboxPath, activeId, onActivate, selected, onToggle } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listRef = useRef<HTMLUListElement>(null);
  const severalBrands = brands.list.length > 1;
  const index = conversations.findIndex((c) => c.id === activeId);

  const moveTo = (next: number) => {
    const target = conversations[Math.max(0, Math.min(conversations.length - 1, next))];
    if (!target) return;
    onActivate(target.id);
    rowLink(listRef.current, target.id)?.focus();
  };
  useShortcut("j", "shortcuts.next", () => moveTo(index + 1));
  useShortcut("k", "shortcuts.previous", () => moveTo(index === -1 ? 0 : index - 1));
  useShortcut(
    "enter",
    "shortcuts.open",
    () => {
      if (activeId) {
        navigate(`/conversations/${encodeURIComponent(activeId)}`, { state: { inbox: inboxPath } });
      }
    },
    { enabled: activeId !== null },
  );
  useShortcut("x", "shortcuts.select", () => {
    if (activeId) onToggle(activeId);
  });
  useShortcut("a", "shortcuts.assignToMe", props.onAssignToMe);

  // A refresh may put new rows on top: the keyboard stays on the same conversation.
  useEffect(() => {
    if (activeId === null) return;
    rowLink(listRef.current, activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const onArrow = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (index === -1) return;
    event.preventDefault();
    moveTo(event.key === "ArrowDown" ? index + 1 : index - 1);
  };

  return (
    <ul
      ref={listRef}
      className="conversation-list"
      aria-label={t("inbox.listLabel")}
      onKeyDown={onArrow}
    >
      {conversations.map((conversation) => (
        <li
          key={conversation.id}
          className={`conversation-list__item${selected.has(conversation.id) ? " conversation-list__item--selected" : ""}`}
          onFocus={() => onActivate(conversation.id)}
        >
          <input
            type="checkbox"
            className="conversation-list__select"
            checked={selected.has(conversation.id)}
            onChange={() => onToggle(conversation.id)}
            aria-label={t("inbox.select", {
              subject: conversation.subject || t("inbox.noSubject"),
            })}
          />
          <ConversationRow
            conversation={conversation}
            brandName={
              severalBrands ? (brands.byId.get(conversation.brand_id)?.name ?? null) : null
            }
            now={now}
            inboxPath={inboxPath}
            active={conversation.id === activeId}
          />
        </li>
      ))}
    </ul>
  );
}
