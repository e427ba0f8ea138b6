import { describe, expect, it } from "vitest";
import { decodeBase32, encodeBase32 } from "./base32.ts";
import type { Hmac } from "./reply-token.ts";
import { createReplyToken } from "./reply-token.ts";
import { isVerpAddress, readVerp, verpAddress } from "./verp.ts";

// A keyed stand-in for HMAC-SHA256, as in reply-token.test.ts; the real one is node:crypto's.
function fakeHmac(key: string): Hmac {
  return (data) => {
    const out = new Uint8Array(32);
    let state = 2166136261;
    for (const char of `${key}|${data}|${key}`) {
      state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
    }
    for (let i = 0; i < out.length; i++) {
      state = Math.imul(state ^ i, 16777619) >>> 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}

const hmac = fakeHmac("instance secret");
const workspaceId = "0b7e3c3a-6f1e-4c55-9d1b-7a0a1c2b3d4e";
const messageId = "5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
const context = { workspaceId, hmac };

describe("VERP return paths", () => {
  const address = verpAddress({ workspaceId, messageId, domain: "Brand.example" }, hmac);

  it("are bounce+m- and a 42-character token at the brand's domain", () => {
    expect(address).toMatch(/^bounce\+m-[a-z2-7]{42}@brand\.example$/);
  });

  it("keep the local part within the 64-octet limit", () => {
    expect(address.split("@")[0]?.length).toBeLessThanOrEqual(64);
  });

  it("lead back to the message", () => {
    expect(readVerp(address, context)).toEqual({ messageId });
  });

  it("survive angle brackets, spaces and a mail system that upper-cases them", () => {
    expect(readVerp(` <${address.toUpperCase()}> `, context)).toEqual({ messageId });
  });

  it("are ignored when signed for another workspace or with another secret", () => {
    const otherWorkspace = "11111111-2222-4333-8444-555555555555";
    expect(readVerp(address, { workspaceId: otherWorkspace, hmac })).toBeNull();
    expect(readVerp(address, { workspaceId, hmac: fakeHmac("other secret") })).toBeNull();
  });

  it("are ignored when the message id is swapped under the same signature", () => {
    const token = address.slice("bounce+m-".length, address.indexOf("@"));
    const bytes = decodeBase32(token) ?? new Uint8Array();
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(readVerp(`bounce+m-${encodeBase32(bytes)}@brand.example`, context)).toBeNull();
  });

  it("are ignored unsigned, truncated, or as a reply token moved into a return path", () => {
    expect(readVerp("bounce@brand.example", context)).toBeNull();
    expect(readVerp(`bounce+m-${"a".repeat(41)}@brand.example`, context)).toBeNull();
    const replyToken = createReplyToken({ workspaceId, conversationId: messageId }, hmac);
    expect(readVerp(`bounce+m-${replyToken}@brand.example`, context)).toBeNull();
  });

  it("are told apart from other addresses by their shape alone", () => {
    expect(isVerpAddress(address)).toBe(true);
    expect(isVerpAddress(`<${address.toUpperCase()}>`)).toBe(true);
    expect(isVerpAddress("support+r-abc@brand.example")).toBe(false);
    expect(isVerpAddress("bounce@brand.example")).toBe(false);
  });

  it("refuse a message id that is not a UUID", () => {
    expect(() =>
      verpAddress({ workspaceId, messageId: "42", domain: "brand.example" }, hmac),
    ).toThrow("not a UUID");
  });
});
