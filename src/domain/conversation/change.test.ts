// What a change makes of a conversation: resolved and closed instants, close reasons, refusals, and
// the fields its event shows.
import { describe, expect, it } from "vitest";
import { type BeforeChange, changedFields, decideConversationChange } from "./change.ts";

const now = new Date("2026-03-02T10:00:00Z");
const earlier = new Date("2026-02-20T09:00:00Z");

const open: BeforeChange = {
  status: "open",
  priority: "normal",
  assigneeId: null,
  teamId: null,
  closeReason: null,
  resolvedAt: null,
  closedAt: null,
  answered: true,
};
const { answered: _answered, ...fields } = open;

describe("decideConversationChange", () => {
  it("resolving stamps the instant; resolving again keeps the first one", () => {
    const first = decideConversationChange(open, { status: "resolved" }, now);
    expect(first).toMatchObject({ ok: true, changes: { status: "resolved", resolvedAt: now } });
    const again = decideConversationChange(
      { ...open, status: "resolved", resolvedAt: earlier },
      { status: "resolved" },
      now,
    );
    expect(again).toMatchObject({ ok: true, changes: { resolvedAt: earlier } });
  });

  it("closing a resolved conversation keeps when and why it was resolved", () => {
    const resolved = { ...open, status: "resolved" as const, resolvedAt: earlier };
    const closed = decideConversationChange(
      { ...resolved, closeReason: "duplicate" },
      { status: "closed" },
      now,
    );
    expect(closed).toEqual({
      ok: true,
      changes: {
        ...fields,
        status: "closed",
        closeReason: "duplicate",
        resolvedAt: earlier,
        closedAt: now,
      },
    });
  });

  it("reopening forgets the resolution, its reason and any close", () => {
    const resolved = { ...open, status: "resolved" as const, resolvedAt: earlier };
    const reopened = decideConversationChange(
      { ...resolved, closeReason: "nothing_to_answer" },
      { status: "open" },
      now,
    );
    expect(reopened).toMatchObject({
      ok: true,
      changes: { status: "open", closeReason: null, resolvedAt: null, closedAt: null },
    });
  });

  it("routing changes only what it names", () => {
    const routed = decideConversationChange(
      { ...open, status: "new", answered: false },
      { assigneeId: "a", teamId: "t", priority: "urgent" },
      now,
    );
    expect(routed).toEqual({
      ok: true,
      changes: {
        ...fields,
        status: "new",
        assigneeId: "a",
        teamId: "t",
        priority: "urgent",
      },
    });
  });

  it("refuses a silent close and a close reason without a close", () => {
    const unanswered = { ...open, answered: false };
    expect(decideConversationChange(unanswered, { status: "closed" }, now)).toMatchObject({
      ok: false,
      code: "close_without_answer",
    });
    expect(decideConversationChange(open, { closeReason: "spam" }, now)).toMatchObject({
      ok: false,
      code: "close_reason_not_applicable",
    });
  });
});

describe("changedFields", () => {
  it("shows the recorded fields that differ, and nothing when none does", () => {
    expect(changedFields(open, { ...open, status: "closed", closeReason: "spam" })).toEqual({
      before: { status: "open", closeReason: null },
      after: { status: "closed", closeReason: "spam" },
    });
    expect(changedFields(open, { ...open })).toBeNull();
  });
});
