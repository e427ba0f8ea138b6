import { describe, expect, it } from "vitest";
import { dueState, pendingDueAt } from "./due-time.ts";

const now = new Date("2025-03-10T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("dueState", () => {
  it("counts minutes under an hour and flags the last hour as soon", () => {
    expect(dueState(at("2025-03-10T10:35:00Z"), now)).toEqual({
      overdue: false,
      soon: true,
      amount: 35,
      unit: "minute",
    });
  });

  it("counts hours past the due time as overdue", () => {
    expect(dueState(at("2025-03-10T08:00:00Z"), now)).toEqual({
      overdue: true,
      soon: false,
      amount: 2,
      unit: "hour",
    });
  });

  it("counts days beyond two days", () => {
    expect(dueState(at("2025-03-13T10:00:00Z"), now)).toMatchObject({ amount: 3, unit: "day" });
  });

  it("never says zero minutes", () => {
    expect(dueState(at("2025-03-10T10:00:10Z"), now)).toMatchObject({ amount: 1, unit: "minute" });
  });
});

describe("pendingDueAt", () => {
  const times = { status: "open", first_response_due_at: "A", next_response_due_at: "B" } as const;

  it("races the first response until the conversation is answered", () => {
    expect(pendingDueAt({ ...times, answered: false })).toBe("A");
  });

  it("races the next response once answered", () => {
    expect(pendingDueAt({ ...times, answered: true })).toBe("B");
  });

  it("shows nothing due on a resolved conversation", () => {
    expect(pendingDueAt({ ...times, status: "resolved", answered: false })).toBeNull();
  });
});
