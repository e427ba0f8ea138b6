// One conversation: the thread and the composer (and why it is in Spam, when it is), its
// settings, and the customer beside it.
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { NewMessage } from "../../api/conversations.ts";
import { conversationOf } from "../../api/stream.ts";
import { formatDateTime } from "../../display/date-time.ts";
import {
  inboxFilterOf,
  needsNextPage,
  nextConversationId,
} from "../../display/next-conversation.ts";
import { replyAddress } from "../../display/reply-address.ts";
import { useBrands } from "../../hooks/use-brands.ts";
import { useConversation } from "../../hooks/use-conversation.ts";
import { announceCustomerChange } from "../../hooks/use-customer.ts";
import { fetchInboxPage } from "../../hooks/use-inbox-list.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useNow } from "../../hooks/use-now.ts";
import { useRefresh } from "../../hooks/use-refresh.ts";
import { useMe } from "../../hooks/use-session.tsx";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { useTeams } from "../../hooks/use-teams.ts";
import { useUsers } from "../../hooks/use-users.ts";
import { channelLabel } from "../common/channel-label.ts";
import {
  AnswerBadge,
  PriorityBadge,
  Reference,
  StatusBadge,
  Tags,
} from "../common/conversation-badges.tsx";
import { DueLabel } from "../common/due-label.tsx";
import { LoadingState } from "../common/loading-state.tsx";
import { PageHeading } from "../common/page-heading.tsx";
import { ProblemMessage } from "../common/problem-message.tsx";
import { Composer } from "./composer.tsx";
import { ConversationControls } from "./conversation-controls.tsx";
import { CustomerPanel } from "./customer-panel.tsx";
import { MessageThread } from "./message-thread.tsx";
import { RoutingStory } from "./routing-story.tsx";
import { SpamExplanation } from "./spam-explanation.tsx";
import { TransferPanel } from "./transfer-panel.tsx";

function inboxPathFrom(state: unknown): string {
  if (state && typeof state === "object" && "inbox" in state && typeof state.inbox === "string") {
    return state.inbox;
  }
  return "/";
}

/** The conversation after this one in the view at `inboxPath`, reading on past a page's end. */
async function nextOf(inboxPath: string, id: string): Promise<string | null> {
  const filter = inboxFilterOf(inboxPath);
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchInboxPage(filter, cursor);
    ids.push(...page.items.map((c) => c.id));
    cursor = page.next_cursor;
  } while (cursor !== null && needsNextPage(ids, id));
  return nextConversationId(ids, id);
}

export function ConversationPage() {
  const { id = "" } = useParams();
  // One screen per conversation: moving to another one starts afresh (status messages, drafts).
  return <ConversationScreen key={id} id={id} />;
}

function ConversationScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const screen = useConversation(id);
  const users = useUsers();
  const me = useMe();
  const now = useNow();
  const brands = useBrands();
  const teams = useTeams();
  const navigate = useNavigate();
  const inboxPath = inboxPathFrom(location.state);
  useRefresh(
    screen.reload,
    60_000,
    (e) => conversationOf(e) === id && e.type !== "presence.changed",
  );
  // The customer panel beside the thread counts their conversations and last contact: whatever
  // an advisor does here, it reads them again.
  const customerId = screen.state.status === "ready" ? screen.state.data.customer_id : null;
  const thenTellCustomer =
    <A extends unknown[]>(act: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      await act(...args);
      if (customerId) announceCustomerChange(customerId);
    };

  // "e" resolves; without a human answer the server refuses and the close-reason form asks why.
  useShortcut(
    "e",
    "shortcuts.resolve",
    () => void thenTellCustomer(screen.change)({ status: "resolved" }),
    {
      enabled: screen.state.status === "ready",
    },
  );

  /** Sends, then, for "send and next", opens the next conversation of the view left (or the view). */
  const send = async (message: NewMessage, idempotencyKey: string, next: boolean) => {
    await screen.send(message, idempotencyKey);
    if (customerId) announceCustomerChange(customerId);
    if (!next) return;
    const following = await nextOf(inboxPath, id).catch(() => null);
    // Sent either way: without a next one (or the view unreadable now), back to the view.
    if (following) navigate(`/conversations/${following}`, { state: { inbox: inboxPath } });
    else navigate(inboxPath);
  };
  const back = (
    <Link to={inboxPath} className="back-link">
      <span aria-hidden="true">← </span>
      {t("conversation.back")}
    </Link>
  );

  if (screen.state.status === "loading") {
    return (
      <div className="page">
        {back}
        <LoadingState />
      </div>
    );
  }
  if (screen.state.status === "error") {
    return (
      <div className="page">
        {back}
        <ProblemMessage error={screen.state.error} onRetry={screen.reload} />
      </div>
    );
  }

  const conversation = screen.state.data;
  const subject = conversation.subject || t("inbox.noSubject");
  const customerName = conversation.customer.name || t("inbox.unknownCustomer");

  return (
    <div className="page page--conversation">
      {back}
      <header className="conversation-header">
        <PageHeading title={subject}>
          <Reference reference={conversation.reference} /> {subject}
        </PageHeading>
        <p className="conversation-header__meta">
          {conversation.spam ? (
            <span className="tag tag--spam">{t("conversation.spam")}</span>
          ) : null}
          {conversation.bulk ? (
            <span className="tag tag--bulk">{t("conversation.bulk")}</span>
          ) : null}
          {conversation.flags.includes("sender_disowned") ? (
            <span className="tag tag--spam" title={t("conversation.senderDisownedHint")}>
              {t("conversation.senderDisowned")}
            </span>
          ) : null}
          <StatusBadge status={conversation.status} />
          <PriorityBadge priority={conversation.priority} />
          <AnswerBadge conversation={conversation} />
          <Tags tags={conversation.tags} linked />
          <DueLabel conversation={conversation} now={now} />
          <span className="conversation-header__detail">
            {[
              customerName,
              t("conversation.via", { channel: channelLabel(t, conversation.channel) }),
              t("conversation.opened", {
                when: formatDateTime(conversation.created_at, locale),
              }),
            ].join(" · ")}
          </span>
          {conversation.close_reason &&
          (conversation.status === "resolved" || conversation.status === "closed") ? (
            <span className="conversation-header__detail">
              {t("conversation.closeReasonShown", {
                reason: t(`closeReason.${conversation.close_reason}`),
              })}
            </span>
          ) : null}
        </p>
        <RoutingStory conversation={conversation} />
      </header>
      <div className="conversation-layout">
        <section className="conversation-main" aria-label={t("conversation.thread")}>
          {conversation.spam ? <SpamExplanation messages={conversation.messages} /> : null}
          <MessageThread
            messages={conversation.messages}
            customerName={customerName}
            meId={me.user.id}
            now={now}
          />
          <Composer
            key={conversation.id}
            conversation={conversation}
            recipient={replyAddress(conversation.messages)}
            advisorName={
              (conversation.assignee_id && users.byId.get(conversation.assignee_id)?.name) ||
              me.user.name
            }
            brand={brands.byId.get(conversation.brand_id)}
            onSend={send}
          />
        </section>
        <aside className="conversation-side">
          <TransferPanel
            conversation={conversation}
            users={users}
            meId={me.user.id}
            onChanged={() => {
              screen.reload();
              announceCustomerChange(conversation.customer_id);
            }}
          />
          <ConversationControls
            conversation={conversation}
            users={users}
            meId={me.user.id}
            save={screen.save}
            saveError={screen.saveError}
            closeRefusal={screen.closeRefusal}
            onChange={thenTellCustomer(screen.change)}
            onCloseWithReason={screen.closeWithReason}
            onDismissCloseRefusal={screen.dismissCloseRefusal}
            onSetSpam={thenTellCustomer(screen.setSpam)}
            onSetBulk={thenTellCustomer(screen.setBulk)}
            onSnooze={thenTellCustomer(screen.snooze)}
            onEscalate={thenTellCustomer(screen.escalateToManager)}
            team={
              teams.byId.get(
                conversation.team_id ?? brands.byId.get(conversation.brand_id)?.team_id ?? "",
              ) ?? null
            }
            now={now}
          />
          <CustomerPanel customerId={conversation.customer_id} users={users} />
        </aside>
      </div>
    </div>
  );
}
