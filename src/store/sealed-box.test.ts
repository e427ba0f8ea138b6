import { describe, expect, it } from "vitest";
import { open, seal } from "./sealed-box.ts";

const secret = "s".repeat(40);
const row = "0190f2a0-0000-7000-8000-000000000001";

describe("sealed box", () => {
  it("opens what it sealed, and two seals of one value differ", () => {
    const a = seal(secret, "mailbox-password", row, "hunter2 — été");
    const b = seal(secret, "mailbox-password", row, "hunter2 — été");
    expect(a).not.toBe(b);
    expect(a).not.toContain("hunter2");
    expect(open(secret, "mailbox-password", row, a)).toBe("hunter2 — été");
  });

  it("refuses another secret, another purpose, another row, or an altered value", () => {
    const sealed = seal(secret, "webhook-secret", row, "whsec_abc");
    expect(() => open("t".repeat(40), "webhook-secret", row, sealed)).toThrow();
    expect(() => open(secret, "mailbox-password", row, sealed)).toThrow();
    expect(() => open(secret, "webhook-secret", `${row.slice(0, -1)}2`, sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split(".") as [string, string, string, string];
    const flipped = `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(() => open(secret, "webhook-secret", row, [v, iv, tag, flipped].join("."))).toThrow();
    expect(() => open(secret, "webhook-secret", row, "plain text")).toThrow("not a sealed value");
  });
});
