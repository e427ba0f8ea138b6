import { describe, expect, it } from "vitest";
import type { Message } from "../api/types.ts";
import { replyAddress } from "./reply-address.ts";
import { spamEvidence } from "./spam-evidence.ts";

function message(extra: Partial<Message>): Message {
  return {
    id: "m1",
    conversation_id: "c1",
    direction: "inbound",
    channel: "email",
    author: { kind: "customer", id: "k1", name: "Jeanne", email: "jeanne@example.com" },
    cc: [],
    automated: false,
    subject: "Hello",
    body_text: "Hello",
    body_html: null,
    truncated: false,
    raw_url: null,
    external_id: null,
    delivery: null,
    delivery_error: null,
    spam: false,
    spam_score: null,
    spam_reasons: [],
    flags: [],
    attachments: [],
    mood: null,
    created_at: "2025-03-10T10:00:00Z",
    ...extra,
  };
}

describe("spamEvidence", () => {
  it("gathers the reasons of inbound messages, strongest first, oldest message first", () => {
    const evidence = spamEvidence([
      message({
        id: "m2",
        created_at: "2025-03-10T11:00:00Z",
        spam: true,
        spam_score: 4,
        spam_reasons: [
          { rule: "spam_phrase", points: 1, detail: "Says “act now”." },
          { rule: "dmarc_fail", points: 3, detail: "DMARC fails." },
        ],
      }),
      message({
        id: "m1",
        spam_score: 1,
        spam_reasons: [{ rule: "missing_date", points: 1, detail: "No Date." }],
      }),
      message({
        id: "m3",
        direction: "outbound",
        spam_reasons: [{ rule: "x", points: 9, detail: "never ours" }],
      }),
    ]);
    expect(evidence.map((item) => item.messageId)).toEqual(["m1", "m2"]);
    expect(evidence[1]?.reasons.map((reason) => reason.rule)).toEqual([
      "dmarc_fail",
      "spam_phrase",
    ]);
    expect(evidence[1]?.score).toBe(4);
  });

  it("finds nothing when no rule fired (marked by hand)", () => {
    expect(spamEvidence([message({ spam: true })])).toEqual([]);
  });
});

describe("replyAddress", () => {
  it("is the address the customer last wrote from", () => {
    expect(
      replyAddress([
        message({ id: "a", author: { kind: "customer", id: "k", name: "J", email: "old@x.test" } }),
        message({
          id: "b",
          created_at: "2025-03-11T10:00:00Z",
          author: { kind: "customer", id: "k", name: "J", email: "new@x.test" },
        }),
        message({ id: "c", direction: "outbound", created_at: "2025-03-12T10:00:00Z" }),
      ]),
    ).toBe("new@x.test");
  });

  it("is unknown when the customer wrote without an address (a form, a call)", () => {
    expect(
      replyAddress([message({ author: { kind: "customer", id: "k", name: "J", email: null } })]),
    ).toBeNull();
  });
});
