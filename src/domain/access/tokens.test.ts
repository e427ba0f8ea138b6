import { describe, expect, it } from "vitest";
import {
  lastUseWorthWriting,
  lowerRole,
  mayGrantRole,
  mayManageToken,
  type TokenState,
  tokenRoleAt,
  tokenStatusAt,
} from "./tokens.ts";

const now = new Date("2026-03-02T10:00:00Z");
const adaId = "00000000-0000-7000-8000-000000000001";
const maxId = "00000000-0000-7000-8000-000000000002";
const token = (change: Partial<TokenState> = {}): TokenState => ({
  role: "admin",
  userId: null,
  revokedAt: null,
  expiresAt: null,
  ...change,
});

describe("the role a token acts with", () => {
  it("is the token's own role when it is bound to nobody", () => {
    expect(tokenRoleAt(token(), null, now)).toBe("admin");
  });

  it("never exceeds the role of the user it is bound to, even after a demotion", () => {
    const bound = token({ role: "admin", userId: adaId });
    expect(tokenRoleAt(bound, { role: "admin", active: true }, now)).toBe("admin");
    expect(tokenRoleAt(bound, { role: "advisor", active: true }, now)).toBe("advisor");
    expect(
      tokenRoleAt(token({ role: "advisor", userId: adaId }), { role: "admin", active: true }, now),
    ).toBe("advisor");
  });

  it("is none once the bound user is disabled or gone", () => {
    const bound = token({ userId: adaId });
    expect(tokenRoleAt(bound, { role: "admin", active: false }, now)).toBeNull();
    expect(tokenRoleAt(bound, null, now)).toBeNull();
  });

  it("is none once revoked", () => {
    expect(
      tokenRoleAt(token({ revokedAt: new Date("2026-03-01T00:00:00Z") }), null, now),
    ).toBeNull();
  });

  it("is none from the instant it expires", () => {
    expect(tokenRoleAt(token({ expiresAt: new Date(now.getTime() + 1) }), null, now)).toBe("admin");
    expect(tokenRoleAt(token({ expiresAt: now }), null, now)).toBeNull();
  });
});

describe("making and managing tokens", () => {
  it("grants a bound token at most its user's role", () => {
    expect(mayGrantRole("manager", { role: "manager", active: true })).toBe(true);
    expect(mayGrantRole("advisor", { role: "manager", active: true })).toBe(true);
    expect(mayGrantRole("admin", { role: "manager", active: true })).toBe(false);
    expect(mayGrantRole("admin", null)).toBe(true);
  });

  it("lets admins manage every token and others only their own", () => {
    expect(mayManageToken({ role: "admin", userId: null }, { userId: maxId })).toBe(true);
    expect(mayManageToken({ role: "advisor", userId: adaId }, { userId: adaId })).toBe(true);
    expect(mayManageToken({ role: "manager", userId: adaId }, { userId: maxId })).toBe(false);
    expect(mayManageToken({ role: "manager", userId: null }, { userId: null })).toBe(false);
  });

  it("orders roles", () => {
    expect(lowerRole("admin", "manager")).toBe("manager");
    expect(lowerRole("advisor", "admin")).toBe("advisor");
  });
});

describe("writing down a token's last use", () => {
  it("writes the first use, then at most once a minute", () => {
    expect(lastUseWorthWriting(null, now)).toBe(true);
    expect(lastUseWorthWriting(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(lastUseWorthWriting(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});

describe("a token's status", () => {
  it("is revoked, else expired from its expiry on, else active", () => {
    const later = new Date(now.getTime() + 60_000);
    expect(tokenStatusAt({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenStatusAt({ revokedAt: null, expiresAt: later }, now)).toBe("active");
    expect(tokenStatusAt({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenStatusAt({ revokedAt: now, expiresAt: now }, now)).toBe("revoked");
  });
});
