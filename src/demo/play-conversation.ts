// Plays one conversation of the story through the real paths — intake for customer messages, the
// commands for notes and status changes — each with a clock stopped at the story's instant.
import type { Principal } from "../commands/access/principal.ts";
import { postMessage } from "../commands/conversation/post-message.ts";
import { updateConversation } from "../commands/conversation/update-conversation.ts";
import { systemActor } from "../commands/events/record-event.ts";
import type { ConversationStatus } from "../domain/conversation/status.ts";
import { autoCloseAt, onCustomerMessage } from "../domain/conversation/transitions.ts";
import type { BusinessCalendar } from "../domain/sla/calendar.ts";
import { receiveMessage } from "../intake/receive.ts";
import type { Runtime } from "../runtime.ts";
import { writePastReply } from "./past-reply.ts";
import { instantOf } from "./story-clock.ts";
import type { BrandKey, Step, StoryConversation } from "./story-types.ts";
import type { StoredCustomer } from "./write-customers.ts";
import type { Setting, Staff } from "./write-setting.ts";

export type Stage = {
  workspaceId: string;
  setting: Setting;
  customers: Map<string, StoredCustomer>;
  calendars: Record<BrandKey, BusinessCalendar>;
  /** The moment the story is loaded: every step lies before it. */
  now: Date;
};

function principalOf(workspaceId: string, staff: Staff | null): Principal {
  if (!staff) {
    return {
      workspaceId,
      role: "admin",
      userId: null,
      via: "token",
      csrfToken: null,
      scope: "demo",
      actor: systemActor,
    };
  }
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

const likelySpam = {
  score: 7.5,
  reasons: [
    {
      rule: "spam_phrase" as const,
      points: 3,
      detail: "spam phrases: “you have won”, “act now”, “click here to claim”",
    },
    {
      rule: "deceptive_link" as const,
      points: 2.5,
      detail: "a link shows paypal.com but leads to paypa1-secure.example",
    },
    {
      rule: "url_shortener" as const,
      points: 1.5,
      detail: "a link goes through the shortener bit.ly",
    },
  ],
  likely: true,
};

export async function playConversation(
  rt: Runtime,
  stage: Stage,
  story: StoryConversation,
): Promise<{ id: string; status: ConversationStatus }> {
  const { workspaceId, setting } = stage;
  const brand = setting.brands[story.brand];
  const at = (step: Step) => instantOf(step.at, stage.now, stage.calendars[story.brand]);
  const then = (instant: Date): Runtime => ({ ...rt, now: () => instant });
  const as = (key: Step & { kind: "note" | "reply" }) =>
    principalOf(workspaceId, setting.staff[key.by]);
  const customerOf = (key: string) => {
    const found = stage.customers.get(key);
    if (!found) throw new Error(`the demo story has no customer "${key}"`);
    return found;
  };
  const owner =
    typeof story.customer === "string"
      ? customerOf(story.customer)
      : { ...story.customer, advisor: undefined };
  const firstReply = story.steps.find((s) => s.kind === "reply");
  // Routing on arrival: the story's owner, else the personal advisor, else whoever answers.
  const assignee = story.assignee ?? owner.advisor ?? firstReply?.by;
  let id: string | null = null;
  let status: ConversationStatus = "new";
  let resolvedAt: Date | null = null;
  let previous = 0;
  for (const step of story.steps) {
    const instant = at(step);
    if (instant.getTime() <= previous || instant > stage.now) {
      throw new Error(`the demo story is out of order in "${story.subject}"`);
    }
    previous = instant.getTime();
    if (step.kind === "customer") {
      const who = step.from ? customerOf(step.from) : owner;
      const intake = await receiveMessage(then(instant), {
        workspaceId,
        channel: step.channel ?? story.channel,
        brandId: brand.id,
        from: { email: who.email, name: who.name },
        subject: id ? `Re: ${story.subject}` : story.subject,
        bodyText: step.body,
        thread: id ? { conversationId: id } : {},
        spam: story.spam ? likelySpam : null,
      });
      if (id && intake.conversationId !== id) {
        throw new Error(`a message of "${story.subject}" left its conversation`);
      }
      if (!id) {
        id = intake.conversationId;
        const team = story.brand === "support" ? null : setting.teams[story.brand];
        const routed = await updateConversation(then(instant), principalOf(workspaceId, null), id, {
          ...(assignee ? { assigneeId: setting.staff[assignee].id } : {}),
          ...(team ? { teamId: team } : {}),
          ...(story.priority ? { priority: story.priority } : {}),
        });
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
