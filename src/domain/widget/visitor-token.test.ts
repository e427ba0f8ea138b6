import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Hmac } from "../mail/reply-token.ts";
import { createVisitorToken, readVisitorToken } from "./visitor-token.ts";

const keyed =
  (secret: string): Hmac =>
  (data) =>
    new Uint8Array(createHmac("sha256", secret).update(data).digest());

const hmac = keyed("an instance secret of enough bytes");
const scope = {
  workspaceId: "0b7e3c3a-6f1e-4c55-9d1b-7a0a1c2b3d4e",
  brandId: "1c8f4d4b-7a2f-4d66-8e2c-8b1b2d3c4e5f",
};
const visitorId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

describe("visitor tokens", () => {
  it("reads back the visitor id it was signed with", () => {
    const token = createVisitorToken(scope, visitorId, hmac);
    expect(token).toMatch(/^v1\.[a-z2-7]{52}$/);
    expect(readVisitorToken(token, scope, hmac)).toBe(visitorId);
  });

  it("refuses a token whose visitor id was changed", () => {
    const token = createVisitorToken(scope, visitorId, hmac);
    const other = createVisitorToken(scope, "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1b", hmac);
    // The other visitor's id with this visitor's signature.
    const forged = other.slice(0, 3 + 26) + token.slice(3 + 26);
    expect(readVisitorToken(forged, scope, hmac)).toBeNull();
  });

  it("refuses a token signed for another brand or another workspace", () => {
    const token = createVisitorToken(scope, visitorId, hmac);
    expect(
      readVisitorToken(token, { ...scope, brandId: "2d9f5e5c-8b3f-4e77-9f3d-9c2c3e4d5f60" }, hmac),
    ).toBeNull();
    expect(
      readVisitorToken(
        token,
        { ...scope, workspaceId: "3e0a6f6d-9c4f-4f88-8a4e-ad3d4f5e6071" },
        hmac,
      ),
    ).toBeNull();
  });

  it("refuses a token signed with another secret", () => {
    const token = createVisitorToken(scope, visitorId, keyed("another secret of enough bytes"));
    expect(readVisitorToken(token, scope, hmac)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["no version", createVisitorToken(scope, visitorId, hmac).slice(3)],
    ["cut short", createVisitorToken(scope, visitorId, hmac).slice(0, -2)],
    ["a foreign character", `v1.${"!".repeat(52)}`],
    ["a bare visitor id", visitorId],
  ])("refuses %s", (_name, token) => {
    expect(readVisitorToken(token, scope, hmac)).toBeNull();
  });
});
