// The status rules of a conversation: allowed changes, no silent close, reopening, auto-close.
import { describe, expect, it } from "vitest";
import { conversationStatuses } from "./status.ts";
import {
  autoCloseAt,
  decideStatusChange,
  onCustomerMessage,
  onHumanReply,
  onNote,
} from "./transitions.ts";

function change(
  from: (typeof conversationStatuses)[number],
  to: (typeof conversationStatuses)[number],
  answered = true,
) {
  return decideStatusChange({ from, to, answered, closeReason: null });
}

describe("decideStatusChange", () => {
  it.each([
    ["new", "open"],
    ["new", "waiting_third_party"],
    ["open", "waiting_customer"],
    ["open", "waiting_third_party"],
    ["waiting_customer", "open"],
    ["waiting_third_party", "resolved"],
    ["open", "resolved"],
    ["open", "closed"],
    ["resolved", "open"],
    ["resolved", "closed"],
  ] as const)("allows %s → %s on an answered conversation", (from, to) => {
    expect(change(from, to)).toEqual({ ok: true });
  });

  it.each(["new", "open", "waiting_customer", "waiting_third_party", "resolved"] as const)(
    "refuses leaving closed for %s: closed is final",
    (to) => {
      expect(change("closed", to)).toMatchObject({ ok: false, code: "invalid_transition" });
    },
  );

  it.each(["open", "waiting_customer", "waiting_third_party", "resolved"] as const)(
    "refuses going back to new from %s",
    (from) => {
      expect(change(from, "new")).toMatchObject({ ok: false, code: "invalid_transition" });
    },
  );

  it.each(["resolved", "closed"] as const)(
    "refuses a silent close: %s without an answer or a reason",
    (to) => {
      expect(change("open", to, false)).toMatchObject({ ok: false, code: "close_without_answer" });
    },
  );

  it("allows closing an unanswered conversation with a reason", () => {
    const decision = decideStatusChange({
      from: "new",
      to: "closed",
      answered: false,
      closeReason: "spam",
    });
    expect(decision).toEqual({ ok: true });
  });

  it("allows closing a conversation resolved with a reason without an answer", () => {
    const decision = decideStatusChange({
      from: "resolved",
      to: "closed",
      answered: false,
      closeReason: "duplicate",
    });
    expect(decision).toEqual({ ok: true });
  });

  it("refuses a close reason with a status that does not finish the conversation", () => {
    const decision = decideStatusChange({
      from: "open",
      to: "waiting_customer",
      answered: true,
      closeReason: "duplicate",
    });
    expect(decision).toMatchObject({ ok: false, code: "close_reason_not_applicable" });
  });

  it("accepts a change to the same status as nothing to do", () => {
    for (const status of conversationStatuses) expect(change(status, status, false).ok).toBe(true);
  });

  it("explains each refusal in a message", () => {
    const decision = change("open", "resolved", false);
    expect(decision.ok === false && decision.message).toMatch(/close reason/);
  });
});

describe("onCustomerMessage", () => {
  it.each([
    ["new", "new"],
    ["open", "open"],
    ["waiting_customer", "open"],
    ["waiting_third_party", "open"],
    ["resolved", "open"],
  ] as const)("moves %s to %s", (from, to) => {
    expect(onCustomerMessage(from)).toEqual({ kind: "same", status: to });
  });

  it("opens a new linked conversation instead of reopening a closed one", () => {
    expect(onCustomerMessage("closed")).toEqual({ kind: "new_linked" });
  });
});

describe("onHumanReply", () => {
  it.each(["new", "open", "waiting_customer", "waiting_third_party", "resolved"] as const)(
    "waits on the customer after a reply to a %s conversation",
    (status) => {
      expect(onHumanReply(status, { keepOpen: false })).toEqual({
        ok: true,
        status: "waiting_customer",
      });
    },
  );

  it("stays open when the advisor keeps it open", () => {
    expect(onHumanReply("new", { keepOpen: true })).toEqual({ ok: true, status: "open" });
  });

  it("refuses a reply to a closed conversation", () => {
    expect(onHumanReply("closed", { keepOpen: false })).toMatchObject({
      ok: false,
      code: "invalid_transition",
    });
  });
});

describe("autoCloseAt", () => {
  const resolvedAt = new Date("2026-06-01T10:00:00Z");

  it("closes seven days after resolution by default", () => {
    expect(autoCloseAt(resolvedAt)).toEqual(new Date("2026-06-08T10:00:00Z"));
  });

  it("follows a configured number of days", () => {
    expect(autoCloseAt(resolvedAt, 2)).toEqual(new Date("2026-06-03T10:00:00Z"));
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => autoCloseAt(resolvedAt, -1)).toThrow(RangeError);
    expect(() => autoCloseAt(resolvedAt, 1.5)).toThrow(RangeError);
  });
});

describe("onNote", () => {
  it("takes a new conversation in hand: it becomes open", () => {
    expect(onNote("new")).toBe("open");
  });

  it.each(["open", "waiting_customer", "waiting_third_party", "resolved", "closed"] as const)(
    "leaves %s as it is",
    (status) => {
      expect(onNote(status)).toBe(status);
    },
  );
});
