// Tells the story's conversations in memory, step by step, each at the story's instant, through the
// desk's rules (story-steps.ts): arrival and routing, replies, notes, status changes, auto-close.
import { type Actor, systemActor } from "../commands/events/record-event.ts";
import type { ConversationPatch } from "../domain/conversation/change.ts";
import type { ConversationStatus } from "../domain/conversation/status.ts";
import { autoCloseAt } from "../domain/conversation/transitions.ts";
import { normalizeEmail, suggestionKey } from "../domain/identity/normalize.ts";
import type { BusinessCalendar } from "../domain/sla/calendar.ts";
import type { customerIdentities, customers } from "../store/schema/index.ts";
import { addNote, change, pastReply } from "./story-changes.ts";
import { instantOf } from "./story-clock.ts";
import type { Draft, Spam, StoryDesk } from "./story-desk.ts";
import { type CustomerMessage, customerWrites, openWith } from "./story-intake.ts";
import { routeOnArrival } from "./story-routing.ts";
import type { BrandKey, Step, StoryConversation } from "./story-types.ts";
import type { StoredCustomer } from "./write-customers.ts";
import type { Setting } from "./write-setting.ts";

export type Stage = {
  workspaceId: string;
  setting: Setting;
  customers: Map<string, StoredCustomer>;
  calendars: Record<BrandKey, BusinessCalendar>;
  /** The moment the story is loaded: every step lies before it. */
  now: Date;
};

/** Senders the desk did not know: created on their first message, as the intake would. */
export type Strangers = {
  byEmail: Map<string, StoredCustomer>;
  customers: Array<typeof customers.$inferInsert>;
  identities: Array<typeof customerIdentities.$inferInsert>;
};

export const noStrangers = (): Strangers => ({ byEmail: new Map(), customers: [], identities: [] });

/** What the spam rules said of the story's spam (spam: true): likely spam, never awaited. */
export const likelySpam: Spam = {
  score: 7.5,
  reasons: [
    {
      rule: "spam_phrase",
      points: 3,
      detail: "spam phrases: “you have won”, “act now”, “click here to claim”",
    },
    {
      rule: "deceptive_link",
      points: 2.5,
      detail: "a link shows paypal.com but leads to paypa1-secure.example",
    },
    {
      rule: "url_shortener",
      points: 1.5,
      detail: "a link goes through the shortener bit.ly",
    },
  ],
  likely: true,
};

/** The intake's customer resolution for the story: a known customer by email, else a new one. */
function senderOf(
  desk: StoryDesk,
  stage: Stage,
  strangers: Strangers,
  who: { email: string; name: string },
): CustomerMessage["customer"] & { organisationId: string | null } {
  const email = normalizeEmail(who.email);
  const known =
    [...stage.customers.values()].find((c) => normalizeEmail(c.email) === email) ??
    strangers.byEmail.get(email);
  if (known) return { ...known, created: false };
  const id = desk.newId();
  const name = who.name.trim();
  strangers.customers.push({ workspaceId: desk.workspaceId, id, name });
  const emailIdentityId = desk.newId();
  strangers.identities.push({
    workspaceId: desk.workspaceId,
    id: emailIdentityId,
    customerId: id,
    kind: "email",
    value: email,
    displayValue: who.email.trim(),
    matchKey: suggestionKey("email", email),
  });
  const stored: StoredCustomer = {
    id,
    name,
    email: who.email,
    emailIdentityId,
    since: stage.now,
    advisor: undefined,
    backup: undefined,
    organisationId: null,
  };
  strangers.byEmail.set(email, stored);
  return { ...stored, created: true };
}

/**
 * One conversation's cast: its brand, its owner, how it is routed on arrival, who writes each
 * customer message, and its steps at their instants (checked in order, all before the story's now).
 */
export function castOf(stage: Stage, story: StoryConversation) {
  const { setting } = stage;
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
  const team = story.brand === "support" ? null : setting.teams[story.brand];
  const routing: ConversationPatch = {
    ...(assignee ? { assigneeId: setting.staff[assignee].id } : {}),
    ...(team ? { teamId: team } : {}),
    ...(story.priority ? { priority: story.priority } : {}),
  };
  let previous = 0;
  const steps = story.steps.map((step) => {
    const at = instantOf(step.at, stage.now, stage.calendars[story.brand]);
    if (at.getTime() <= previous || at > stage.now) {
      throw new Error(`the demo story is out of order in "${story.subject}"`);
    }
    previous = at.getTime();
    return { step, at };
  });
  return {
    brand: setting.brands[story.brand],
    routing,
    steps,
    senderOf: (step: Step & { kind: "customer" }) => (step.from ? customerOf(step.from) : owner),
    spam: story.spam ? likelySpam : null,
  };
}

/** Tells one conversation; answers it as it stands at the end of its story. */
export function tellConversation(
  desk: StoryDesk,
  stage: Stage,
  strangers: Strangers,
  story: StoryConversation,
): Draft {
  const { setting } = stage;
  const cast = castOf(stage, story);
  const writer = (key: keyof Setting["staff"]) => setting.staff[key];
  let draft: Draft | null = null;
  for (const { step, at } of cast.steps) {
    if (step.kind === "customer") {
      const who = cast.senderOf(step);
      const sender = senderOf(desk, stage, strangers, { email: who.email, name: who.name });
      const message: CustomerMessage = {
        customer: sender,
        channel: step.channel ?? story.channel,
        subject: draft ? `Re: ${story.subject}` : story.subject,
        body: step.body,
        spam: cast.spam,
        at,
      };
      if (!draft) {
        draft = openWith(desk, cast.brand, message);
        routeOnArrival(stage, desk, draft, at);
        change(desk, draft, systemActor, cast.routing, at);
        continue;
      }
      // The thread rule: a conversation takes the messages of its customer or of their organisation.
      const ownerOfThread = draft.row.customerId;
      const sameOrganisation =
        sender.organisationId !== null &&
        [...stage.customers.values()].some(
          (c) => c.id === ownerOfThread && c.organisationId === sender.organisationId,
        );
      if (sender.id !== ownerOfThread && !sameOrganisation) {
        throw new Error(`a message of "${story.subject}" left its conversation`);
      }
      customerWrites(desk, draft, message);
      continue;
    }
    if (!draft) throw new Error(`"${story.subject}" must start with the customer's message`);
    if (step.kind === "reply") {
      pastReply(
        desk,
        draft,
        writer(step.by),
        { body: step.body, keepOpen: step.keepOpen ?? false, brand: cast.brand },
        at,
      );
    } else if (step.kind === "note") {
      addNote(desk, draft, writer(step.by), step.body, at);
    } else {
      const by = step.by ? writer(step.by) : null;
      const actor: Actor = by ? { kind: "user", id: by.id, name: by.name } : systemActor;
      change(
        desk,
        draft,
        actor,
        { status: step.status, ...(step.reason ? { closeReason: step.reason } : {}) },
        at,
      );
    }
  }
  if (!draft) throw new Error(`"${story.subject}" has no message`);
  // Resolved long enough ago: the auto-close sweep has closed it since.
  const { status, resolvedAt } = draft.row;
  if (status === "resolved" && resolvedAt && autoCloseAt(resolvedAt) <= stage.now) {
    change(desk, draft, systemActor, { status: "closed" }, autoCloseAt(resolvedAt));
  }
  return draft;
}

/** Tells every conversation of the story; answers them with how many ended in each status. */
export function tellStory(
  desk: StoryDesk,
  stage: Stage,
  strangers: Strangers,
  stories: StoryConversation[],
) {
  const drafts = stories.map((story) => tellConversation(desk, stage, strangers, story));
  const statuses: Partial<Record<ConversationStatus, number>> = {};
  for (const { row } of drafts) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
  return { drafts, statuses };
}
