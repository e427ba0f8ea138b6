// What a change of status, priority, assignee or team makes of a conversation (docs/CONTRACT.md §6):
// the transition rules, the close reason kept or dropped, and when it was resolved and closed.
import type { CloseReason, ConversationStatus, Priority } from "./status.ts";
import { decideStatusChange, type StatusRefusal } from "./transitions.ts";

export type ConversationPatch = {
  status?: ConversationStatus;
  priority?: Priority;
  assigneeId?: string | null;
  teamId?: string | null;
  closeReason?: CloseReason | null;
  /** The whole list of tags (tags.ts normalises it); the status rules do not read it. */
  tags?: string[];
};

/** The fields a change may set, as they stand. */
export type ChangeableFields = {
  status: ConversationStatus;
  priority: Priority;
  assigneeId: string | null;
  teamId: string | null;
  closeReason: CloseReason | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
};

/** The conversation before the change: its fields and whether a human answer stands. */
export type BeforeChange = ChangeableFields & { answered: boolean };

export function decideConversationChange(
  before: BeforeChange,
  patch: ConversationPatch,
  now: Date,
): { ok: true; changes: ChangeableFields } | StatusRefusal {
  const to = patch.status ?? before.status;
  const finishing = to === "resolved" || to === "closed";
  const closeReason =
    patch.closeReason !== undefined ? patch.closeReason : finishing ? before.closeReason : null;
  if (patch.status !== undefined || patch.closeReason !== undefined) {
    const decision = decideStatusChange({
      from: before.status,
      to,
      answered: before.answered,
      closeReason,
    });
    if (!decision.ok) return decision;
  }
  const resolvedAt =
    to === "resolved"
      ? before.status === "resolved"
        ? before.resolvedAt
        : now
      : before.resolvedAt;
  return {
    ok: true,
    changes: {
      status: to,
      priority: patch.priority ?? before.priority,
      assigneeId: patch.assigneeId !== undefined ? patch.assigneeId : before.assigneeId,
      teamId: patch.teamId !== undefined ? patch.teamId : before.teamId,
      closeReason: finishing ? closeReason : null,
      resolvedAt: finishing ? resolvedAt : null,
      closedAt: to === "closed" ? (before.closedAt ?? now) : null,
    },
  };
}

const recorded = ["status", "priority", "assigneeId", "teamId", "closeReason"] as const;

/** What the change's event shows: the recorded fields that differ, before and after; null if none. */
export function changedFields(
  before: Pick<ChangeableFields, (typeof recorded)[number]>,
  after: Pick<ChangeableFields, (typeof recorded)[number]>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const diff = recorded.filter((f) => before[f] !== after[f]);
  if (diff.length === 0) return null;
  return {
    before: Object.fromEntries(diff.map((f) => [f, before[f]])),
    after: Object.fromEntries(diff.map((f) => [f, after[f]])),
  };
}
