// A magic link signs in once, within 15 minutes; a token is looked up only in its own shape.
import { describe, expect, it } from "vitest";
import { linkExpiry, linkLifetimeMs, linkState, tokenShape } from "./magic-link.ts";

const made = new Date("2026-12-01T10:00:00Z");

describe("a magic link", () => {
  it("lasts 15 minutes", () => {
    expect(linkLifetimeMs).toBe(15 * 60_000);
    expect(linkExpiry(made).toISOString()).toBe("2026-12-01T10:15:00.000Z");
  });

  it("signs in until its expiry, not at it or after", () => {
    const link = { expiresAt: linkExpiry(made), usedAt: null };
    expect(linkState(link, new Date("2026-12-01T10:14:59.999Z"))).toBe("usable");
    expect(linkState(link, new Date("2026-12-01T10:15:00.000Z"))).toBe("expired");
    expect(linkState(link, new Date("2026-12-02T10:00:00Z"))).toBe("expired");
  });

  it("signs in once: a used link is used even before its expiry", () => {
    const link = { expiresAt: linkExpiry(made), usedAt: new Date("2026-12-01T10:01:00Z") };
    expect(linkState(link, new Date("2026-12-01T10:02:00Z"))).toBe("used");
  });

  it("is looked up only when it has the shape of 32 bytes in base64url", () => {
    expect(tokenShape.test(Buffer.alloc(32, 7).toString("base64url"))).toBe(true);
    expect(tokenShape.test(Buffer.alloc(31, 7).toString("base64url"))).toBe(false);
    expect(tokenShape.test(`${"a".repeat(42)}=`)).toBe(false);
  });
});
