import { describe, expect, it } from "vitest";
import type { Hmac } from "./reply-token.ts";
import { createReplyToken, readReplyToken, replyMessageId, replyToAddress } from "./reply-token.ts";

// A keyed stand-in for HMAC-SHA256 (the domain takes the function; the real one is tested
// in commands/mail/reply-message-id.test.ts). Every input byte reaches every output byte.
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
const conversationId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const random = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);

describe("reply tokens", () => {
  const token = createReplyToken({ workspaceId, conversationId }, hmac);

  it("are 42 lower-case base32 characters", () => {
    expect(token).toMatch(/^[a-z2-7]{42}$/);
  });

  it("fit a Reply-To local part within the 64-octet limit", () => {
    const address = replyToAddress({ brandAddress: "Support@Brand.example", token });
    expect(address).toBe(`support+r-${token}@brand.example`);
    expect(address.split("@")[0]?.length).toBeLessThanOrEqual(64);
  });

  it("are read back from a Reply-To address", () => {
    const address = replyToAddress({ brandAddress: "support@brand.example", token });
    expect(readReplyToken([address], { workspaceId, hmac })).toEqual({
      workspaceId,
      conversationId,
    });
  });

  it("are read back from our Message-ID, with or without brackets", () => {
    const messageId = replyMessageId({ token, random, domain: "Brand.example" });
    expect(messageId).toMatch(new RegExp(`^<r-${token}\\.[a-z2-7]+@brand\\.example>$`));
    expect(readReplyToken([messageId], { workspaceId, hmac })?.conversationId).toBe(conversationId);
    expect(readReplyToken([messageId.slice(1, -1)], { workspaceId, hmac })?.conversationId).toBe(
      conversationId,
    );
  });

  it("survive a mail system that upper-cases the local part", () => {
    const address = replyToAddress({ brandAddress: "support@brand.example", token }).toUpperCase();
    expect(readReplyToken([address], { workspaceId, hmac })?.conversationId).toBe(conversationId);
  });

  it("are found among other references", () => {
    const references = `<abc@mail.example> <r-${token}.aaaaaaaaaaaaa@brand.example> <x@y>`;
    expect(readReplyToken(["marie@example.com", references], { workspaceId, hmac })).toEqual({
      workspaceId,
      conversationId,
    });
  });

  it("ignore a token with one character changed", () => {
    const forged = `${token.slice(0, 41)}${token.endsWith("a") ? "b" : "a"}`;
    expect(readReplyToken([`support+r-${forged}@brand.example`], { workspaceId, hmac })).toBeNull();
  });

  it("ignore a token that names another conversation without its signature", () => {
    const other = createReplyToken(
      { workspaceId, conversationId: "11111111-2222-4333-8444-555555555555" },
      hmac,
    );
    const spliced = other.slice(0, 26) + token.slice(26);
    expect(readReplyToken([`support+r-${spliced}@b.example`], { workspaceId, hmac })).toBeNull();
  });

  it("ignore a token signed with another secret", () => {
    const stranger = createReplyToken({ workspaceId, conversationId }, fakeHmac("other secret"));
    expect(readReplyToken([`support+r-${stranger}@b.example`], { workspaceId, hmac })).toBeNull();
  });

  it("ignore a token signed for another workspace", () => {
    const otherWorkspace = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const address = replyToAddress({ brandAddress: "support@brand.example", token });
    expect(readReplyToken([address], { workspaceId: otherWorkspace, hmac })).toBeNull();
  });

  it("ignore unsigned look-alikes and return null when there is nothing", () => {
    expect(
      readReplyToken(["support+r-abc@brand.example", "<r-.x@y>", ""], { workspaceId, hmac }),
    ).toBeNull();
    expect(readReplyToken([], { workspaceId, hmac })).toBeNull();
  });

  it("do not depend on the case of the ids", () => {
    const upper = createReplyToken(
      { workspaceId: workspaceId.toUpperCase(), conversationId: conversationId.toUpperCase() },
      hmac,
    );
    expect(upper).toBe(token);
  });

  it("refuse to sign something that is not a UUID", () => {
    expect(() => createReplyToken({ workspaceId, conversationId: "42" }, hmac)).toThrow(/UUID/);
  });

  it("give each Message-ID its own random part", () => {
    const other = replyMessageId({
      token,
      random: Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9]),
      domain: "b.example",
    });
    expect(other).not.toBe(replyMessageId({ token, random, domain: "b.example" }));
    expect(() =>
      replyMessageId({ token, random: new Uint8Array(4), domain: "b.example" }),
    ).toThrow();
  });
});
