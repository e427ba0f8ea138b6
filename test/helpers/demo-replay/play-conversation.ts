// The demo story's reference telling: plays one conversation through the real paths — intake for
// customer messages, the commands for notes and status changes — each at the story's instant.

import type { Principal } from "../../../src/commands/access/principal.ts";
import { systemPrincipal } from "../../../src/commands/access/principal.ts";
import { postMessage } from "../../../src/commands/conversation/post-message.ts";
import { updateConversation } from "../../../src/commands/conversation/update-conversation.ts";
import { systemActor } from "../../../src/commands/events/record-event.ts";
import { castOf, type Stage } from "../../../src/demo/compose-story.ts";
import type { Step, StoryConversation } from "../../../src/demo/story-types.ts";
import type { Staff } from "../../../src/demo/write-setting.ts";
import type { ConversationStatus } from "../../../src/domain/conversation/status.ts";
import { autoCloseAt, onCustomerMessage } from "../../../src/domain/conversation/transitions.ts";
import { receiveMessage } from "../../../src/intake/receive.ts";
import type { Runtime } from "../../../src/runtime.ts";
import { writePastReply } from "./past-reply.ts";

function principalOf(workspaceId: string, staff: Staff | null): Principal {
  if (!staff) return systemPrincipal(workspaceId, systemActor);
  return {
    workspaceId,
    role: staff.role,
    userId: staff.id,
    via: "session",
    csrfToken: null,
    scope: `user:${staff.id}`,
    actor: { kind: "user", id: staff.id, name: staff.name },
  };
}

export async function playConversation(
  rt: Runtime,
  stage: Stage,
  story: StoryConversation,
): Promise<{ id: string; status: ConversationStatus }> {
  const { workspaceId, setting } = stage;
  const cast = castOf(stage, story);
  const brand = cast.brand;
  const then = (instant: Date): Runtime => ({ ...rt, now: () => instant });
  const as = (key: Step & { kind: "note" | "reply" }) =>
    principalOf(workspaceId, setting.staff[key.by]);
  let id: string | null = null;
  let status: ConversationStatus = "new";
  let resolvedAt: Date | null = null;
  for (const { step, at: instant } of cast.steps) {
    if (step.kind === "customer") {
      const who = cast.senderOf(step);
      const intake = await receiveMessage(then(instant), {
        workspaceId,
        channel: step.channel ?? story.channel,
        brandId: brand.id,
        from: { email: who.email, name: who.name },
        subject: id ? `Re: ${story.subject}` : story.subject,
        bodyText: step.body,
        thread: id ? { conversationId: id } : {},
        spam: cast.spam,
      });
      if (id && intake.conversationId !== id) {
        throw new Error(`a message of "${story.subject}" left its conversation`);
      }
      if (!id) {
        id = intake.conversationId;
        const routed = await updateConversation(
          then(instant),
          principalOf(workspaceId, null),
          id,
          cast.routing,
        );
        status = routed.status;
      } else {
        const outcome = onCustomerMessage(status);
        if (outcome.kind === "same") status = outcome.status;
      }
      continue;
    }
    if (!id) throw new Error(`"${story.subject}" must start with the customer's message`);
    if (step.kind === "reply") {
      status = await writePastReply(then(instant), as(step), {
        conversationId: id,
        body: step.body,
        brand,
        keepOpen: step.keepOpen ?? false,
      });
    } else if (step.kind === "note") {
      const noted = await postMessage(then(instant), as(step), {
        conversationId: id,
        kind: "note",
        body: step.body,
      });
      status = noted.conversation.status;
    } else {
      const by = step.by ? setting.staff[step.by] : null;
      const changed = await updateConversation(then(instant), principalOf(workspaceId, by), id, {
        status: step.status,
        ...(step.reason ? { closeReason: step.reason } : {}),
      });
      status = changed.status;
      resolvedAt = changed.resolvedAt;
    }
  }
  if (!id) throw new Error(`"${story.subject}" has no message`);
  // Resolved long enough ago: the auto-close sweep has closed it since.
  if (status === "resolved" && resolvedAt && autoCloseAt(resolvedAt) <= stage.now) {
    const closed = await updateConversation(
      then(autoCloseAt(resolvedAt)),
      principalOf(workspaceId, null),
      id,
      { status: "closed" },
    );
    status = closed.status;
  }
  return { id, status };
}
