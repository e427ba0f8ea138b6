import { describe, expect, it } from "vitest";
import {
  mayCancelTransfer,
  mayDecideTransfer,
  mayRequestTransfer,
  notifiesManager,
  type PendingTransfer,
} from "./transfer.ts";

const paul = "00000000-0000-7000-8000-000000000001";
const lea = "00000000-0000-7000-8000-000000000002";
const max = "00000000-0000-7000-8000-000000000003";

const held = { assigneeId: paul, status: "open" as const, spam: false };
const toLea = { id: lea, active: true };

describe("who may ask for a transfer", () => {
  it("lets the assignee hand their conversation on", () => {
    expect(
      mayRequestTransfer({ role: "advisor", userId: paul }, { conversation: held, to: toLea }),
    ).toEqual({ ok: true });
  });

  it("refuses an advisor who does not hold the conversation", () => {
    const verdict = mayRequestTransfer(
      { role: "advisor", userId: max },
      { conversation: held, to: toLea },
    );
    expect(verdict).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("lets a manager move someone else's conversation", () => {
    expect(
      mayRequestTransfer({ role: "manager", userId: max }, { conversation: held, to: toLea }).ok,
    ).toBe(true);
  });

  it("lets anyone hand on an unassigned conversation", () => {
    const conversation = { ...held, assigneeId: null };
    expect(
      mayRequestTransfer({ role: "advisor", userId: max }, { conversation, to: toLea }).ok,
    ).toBe(true);
  });

  it("refuses a finished or spam conversation as a conflict", () => {
    for (const conversation of [
      { ...held, status: "resolved" as const },
      { ...held, spam: true },
    ]) {
      expect(
        mayRequestTransfer({ role: "admin", userId: max }, { conversation, to: toLea }),
      ).toMatchObject({
        ok: false,
        code: "conflict",
      });
    }
  });

  it("refuses to hand it to its holder, to oneself or to someone inactive", () => {
    const acting = { role: "advisor" as const, userId: paul };
    expect(
      mayRequestTransfer(acting, { conversation: held, to: { id: paul, active: true } }),
    ).toMatchObject({ code: "conflict" });
    const unassigned = { ...held, assigneeId: null };
    expect(
      mayRequestTransfer(acting, { conversation: unassigned, to: { id: paul, active: true } }),
    ).toMatchObject({ code: "invalid_input" });
    expect(
      mayRequestTransfer(acting, { conversation: held, to: { id: lea, active: false } }),
    ).toMatchObject({ code: "invalid_input" });
  });

  it("refuses an advisor token bound to nobody", () => {
    const unassigned = { ...held, assigneeId: null };
    expect(
      mayRequestTransfer(
        { role: "advisor", userId: null },
        { conversation: unassigned, to: toLea },
      ),
    ).toMatchObject({ code: "forbidden" });
  });
});

describe("who answers a transfer", () => {
  const pending: PendingTransfer = {
    status: "pending",
    fromId: paul,
    toId: lea,
    requestedById: paul,
  };

  it("lets the receiver or a manager accept or decline", () => {
    expect(mayDecideTransfer({ role: "advisor", userId: lea }, pending).ok).toBe(true);
    expect(mayDecideTransfer({ role: "manager", userId: max }, pending).ok).toBe(true);
  });

  it("refuses the sender and third parties", () => {
    expect(mayDecideTransfer({ role: "advisor", userId: paul }, pending)).toMatchObject({
      code: "forbidden",
    });
    expect(mayDecideTransfer({ role: "advisor", userId: max }, pending)).toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses to answer a transfer already decided", () => {
    expect(
      mayDecideTransfer({ role: "advisor", userId: lea }, { ...pending, status: "accepted" }),
    ).toMatchObject({ code: "conflict" });
  });

  it("lets the sender cancel, not the receiver", () => {
    expect(mayCancelTransfer({ role: "advisor", userId: paul }, pending).ok).toBe(true);
    expect(mayCancelTransfer({ role: "advisor", userId: lea }, pending)).toMatchObject({
      code: "forbidden",
    });
    expect(
      mayCancelTransfer({ role: "advisor", userId: paul }, { ...pending, status: "declined" }),
    ).toMatchObject({ code: "conflict" });
  });
});

describe("when the manager hears of it", () => {
  it("tells the manager from the third transfer on", () => {
    expect([1, 2, 3, 4].map(notifiesManager)).toEqual([false, false, true, true]);
  });
});
