import { describe, expect, it } from "vitest";
import { bounceNote, bounceReason, refusedAddress, statusAfterBounce } from "./bounce-outcome.ts";

describe("what a bounce changes", () => {
  it("reads the status code and the server's words, bounded, or says delivery failed", () => {
    expect(bounceReason({ status: "5.1.1", diagnostic: "user unknown" })).toBe(
      "5.1.1 user unknown",
    );
    expect(bounceReason({ status: null, diagnostic: "x".repeat(900) })).toHaveLength(500);
    expect(bounceReason({ status: null, diagnostic: null })).toBe("delivery failed");
  });

  it("opens again a conversation waiting on a customer who never got the reply", () => {
    expect(statusAfterBounce("waiting_customer", { automated: false })).toBe("open");
  });

  it("leaves the status alone for a bounced acknowledgement, or a conversation not waiting on the customer", () => {
    expect(statusAfterBounce("waiting_customer", { automated: true })).toBe("waiting_customer");
    expect(statusAfterBounce("resolved", { automated: false })).toBe("resolved");
    expect(statusAfterBounce("open", { automated: false })).toBe("open");
  });

  it("flags the address of a hard bounce only", () => {
    expect(refusedAddress({ kind: "hard", recipient: "ada@example.com" })).toBe("ada@example.com");
    expect(refusedAddress({ kind: "soft", recipient: "ada@example.com" })).toBeNull();
    expect(refusedAddress({ kind: "hard", recipient: null })).toBeNull();
  });

  it("tells the advisor when the reply was sent and what to do", () => {
    const sent = new Date("2026-03-04T09:15:30Z");
    expect(bounceNote("hard", "5.1.1 user unknown", sent)).toBe(
      "The reply of 2026-03-04 09:15 UTC did not reach the customer (hard bounce: 5.1.1 user unknown). " +
        "They have not been answered: their address is refused — find another way to reach them.",
    );
    expect(bounceNote("soft", "4.2.2 mailbox full", sent)).toContain("try again");
  });
});
