import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readReplyToken } from "../../domain/mail/reply-token.ts";
import { newReplyMessageId, replyTokenHmac } from "./reply-message-id.ts";

const target = {
  workspaceId: "0b7e3c3a-6f1e-4c55-9d1b-7a0a1c2b3d4e",
  conversationId: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
};

describe("reply tokens with HMAC-SHA256", () => {
  const hmac = replyTokenHmac("a secret of at least sixteen bytes");

  it("sign with HMAC-SHA256 (RFC 4231 test case 6)", () => {
    const key = new Uint8Array(131).fill(0xaa);
    const mac = replyTokenHmac(key)("Test Using Larger Than Block-Size Key - Hash Key First");
    expect(Buffer.from(mac).toString("hex")).toBe(
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    );
  });

  it("give unique Message-IDs that lead back to the conversation", () => {
    const first = newReplyMessageId(target, "brand.example", hmac, randomBytes);
    const second = newReplyMessageId(target, "brand.example", hmac, randomBytes);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^<r-[a-z2-7]{42}\.[a-z2-7]{13}@brand\.example>$/);
    expect(readReplyToken([second], { workspaceId: target.workspaceId, hmac })).toEqual(target);
  });

  it("are not accepted under another secret", () => {
    const messageId = newReplyMessageId(target, "brand.example", hmac, randomBytes);
    const other = replyTokenHmac("another secret, also long enough");
    expect(
      readReplyToken([messageId], { workspaceId: target.workspaceId, hmac: other }),
    ).toBeNull();
  });

  it("refuse a short secret", () => {
    expect(() => replyTokenHmac("short")).toThrow(/16 bytes/);
  });
});
