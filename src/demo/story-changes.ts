// What the demo story's advisors do, as the commands do it: a change of status or routing
// (update-conversation), a past reply stored as delivered (as the reply command, never queued), a note.
import type { Actor } from "../commands/events/record-event.ts";
import { conversationMessageId } from "../commands/mail/reply-message-id.ts";
import {
  type ConversationPatch,
  changedFields,
  decideConversationChange,
} from "../domain/conversation/change.ts";
import type { ConversationStatus } from "../domain/conversation/status.ts";
import { onHumanReply, onNote } from "../domain/conversation/transitions.ts";
import { replySubject } from "../domain/mail/acknowledgement.ts";
import {
  type Draft,
  event,
  type MessageRow,
  messageRow,
  refreshed,
  type StoryDesk,
  store,
} from "./story-desk.ts";
import type { Brand } from "./write-setting.ts";

/** As the update-conversation command: the change's rules, then answer state and clocks. */
export function change(
  desk: StoryDesk,
  draft: Draft,
  actor: Actor,
  patch: ConversationPatch,
  at: Date,
): void {
  const before = draft.row;
  const decision = decideConversationChange(before, patch, at);
  if (!decision.ok) throw new Error(`the demo story breaks a rule: ${decision.message}`);
  const changed = { ...before, ...decision.changes, lastActivityAt: at, updatedAt: at };
  const after = refreshed(desk, draft, changed, at);
  draft.row = after;
  if (after.closeReason === "spam" && before.closeReason !== "spam") {
    desk.rows.spamLessons.push(after.id);
  }
  const diff = changedFields(before, after);
  if (diff) event(desk, after, at, actor, "conversation.updated", diff);
}

export type Writer = { id: string; name: string };

const userActor = (by: Writer): Actor => ({ kind: "user", id: by.id, name: by.name });

/** An advisor's message stored: counted, the answer state refreshed, its event on the timeline. */
function advisorWrote(
  desk: StoryDesk,
  draft: Draft,
  by: Writer,
  message: MessageRow,
  status: ConversationStatus,
  written: { type: "reply.written" | "note.added"; data: Record<string, unknown> },
) {
  const before = draft.row;
  store(desk, draft, message);
  const at = message.createdAt;
  const counted = { ...before, messageCount: before.messageCount + 1, lastActivityAt: at };
  draft.row = refreshed(desk, draft, counted, at, status);
  event(desk, draft.row, at, userActor(by), written.type, {
    data: written.data,
    ...(status !== before.status ? { before: { status: before.status }, after: { status } } : {}),
  });
}

/** A reply an advisor sent in the story's past, stored as delivered (past-reply semantics). */
export function pastReply(
  desk: StoryDesk,
  draft: Draft,
  by: Writer,
  reply: { body: string; keepOpen: boolean; brand: Brand },
  at: Date,
): void {
  const before = draft.row;
  const decision = onHumanReply(before.status, { keepOpen: reply.keepOpen });
  if (!decision.ok) throw new Error(`the demo story breaks a rule: ${decision.message}`);
  const from = reply.brand.addresses[0] ?? desk.supportAddress;
  const externalId = conversationMessageId(
    desk.secret,
    desk.randomBytes,
    { workspaceId: desk.workspaceId, conversationId: before.id },
    from,
  );
  const id = desk.newId();
  const message = messageRow(desk, {
    id,
    conversationId: before.id,
    direction: "outbound",
    channel: "email",
    authorKind: "user",
    authorUserId: by.id,
    authorName: by.name,
    authorEmail: from,
    subject: replySubject(before.subject, before.reference),
    bodyText: reply.body,
    externalId,
    delivery: "sent",
    deliveredAt: at,
    createdAt: at,
  });
  advisorWrote(desk, draft, by, message, decision.status, {
    type: "reply.written",
    data: { message_id: id, demo: true },
  });
}

/** An internal note (the post-message command's note): a new conversation becomes open. */
export function addNote(desk: StoryDesk, draft: Draft, by: Writer, body: string, at: Date): void {
  const before = draft.row;
  const id = desk.newId();
  const message = messageRow(desk, {
    id,
    conversationId: before.id,
    direction: "note",
    channel: before.channel,
    authorKind: "user",
    authorUserId: by.id,
    authorName: by.name,
    bodyText: body,
    createdAt: at,
  });
  advisorWrote(desk, draft, by, message, onNote(before.status), {
    type: "note.added",
    data: { message_id: id },
  });
}
