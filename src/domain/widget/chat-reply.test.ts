import { describe, expect, it } from "vitest";
import { type AnswerFacts, isHumanAnswer } from "../conversation/answer.ts";
import { chatReplyPlan, visitorConnected, visitorGoneAfterMs } from "./chat-reply.ts";

const now = new Date("2026-12-01T10:00:00Z");

describe("a connected visitor", () => {
  it("was heard of within the last minute", () => {
    expect(visitorConnected(new Date(now.getTime() - 1_000), now)).toBe(true);
    expect(visitorConnected(new Date(now.getTime() - visitorGoneAfterMs), now)).toBe(false);
    expect(visitorConnected(null, now)).toBe(false);
  });
});

describe("how a reply on a widget conversation reaches the visitor", () => {
  it("shown at once in a connected widget, sent at its commit", () => {
    expect(chatReplyPlan({ connected: true, email: "marie@example.com" })).toEqual({
      channel: "chat",
      delivery: "sent",
      mail: false,
    });
  });

  it("by mail as well when the visitor left and gave an email", () => {
    expect(chatReplyPlan({ connected: false, email: "marie@example.com" })).toEqual({
      channel: "email",
      delivery: "queued",
      mail: true,
    });
  });

  it("waits in the widget when the visitor left without an email", () => {
    expect(chatReplyPlan({ connected: false, email: null })).toEqual({
      channel: "chat",
      delivery: "queued",
      mail: false,
    });
  });
});

describe("a chat reply as a human answer", () => {
  const reply = (more: Partial<AnswerFacts>): AnswerFacts => ({
    direction: "outbound",
    channel: "chat",
    authorKind: "user",
    automated: false,
    delivery: "sent",
    spam: false,
    answering: false,
    createdAt: now,
    ...more,
  });

  it("counts once shown to the visitor", () => {
    expect(isHumanAnswer(reply({}))).toBe(true);
  });

  it("does not count while it waits for the visitor to come back", () => {
    expect(isHumanAnswer(reply({ delivery: "queued" }))).toBe(false);
  });

  it("does not count when a token bound to nobody wrote it, nor as a note", () => {
    expect(isHumanAnswer(reply({ authorKind: "system" }))).toBe(false);
    expect(isHumanAnswer(reply({ direction: "note" }))).toBe(false);
  });
});
