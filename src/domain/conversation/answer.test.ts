// What counts as a human answer, and the answered / awaiting state of a conversation.
import { describe, expect, it } from "vitest";
import { type AnswerFacts, answerState, isHumanAnswer } from "./answer.ts";

const t = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00Z`);

function customerMail(at: string, overrides: Partial<AnswerFacts> = {}): AnswerFacts {
  return {
    direction: "inbound",
    channel: "email",
    authorKind: "customer",
    automated: false,
    delivery: null,
    spam: false,
    answering: false,
    createdAt: t(at),
    ...overrides,
  };
}

function reply(at: string, overrides: Partial<AnswerFacts> = {}): AnswerFacts {
  return {
    direction: "outbound",
    channel: "email",
    authorKind: "user",
    automated: false,
    delivery: "sent",
    spam: false,
    answering: false,
    createdAt: t(at),
    ...overrides,
  };
}

describe("isHumanAnswer", () => {
  it("counts a sent reply written by a user", () => {
    expect(isHumanAnswer(reply("10:00"))).toBe(true);
  });

  it("does not count a reply still queued", () => {
    expect(isHumanAnswer(reply("10:00", { delivery: "queued" }))).toBe(false);
  });

  it.each(["failed", "bounced"] as const)("never counts a %s reply", (delivery) => {
    expect(isHumanAnswer(reply("10:00", { delivery }))).toBe(false);
  });

  it("does not count an acknowledgement or notice", () => {
    expect(isHumanAnswer(reply("10:00", { automated: true }))).toBe(false);
  });

  it("does not count a reply through a token not bound to a user", () => {
    expect(isHumanAnswer(reply("10:00", { authorKind: "system" }))).toBe(false);
  });

  it("does not count an internal note", () => {
    expect(isHumanAnswer(reply("10:00", { direction: "note", delivery: null }))).toBe(false);
  });

  it("does not count the customer's own message", () => {
    expect(isHumanAnswer(customerMail("10:00"))).toBe(false);
  });

  it.each(["phone", "visit"] as const)("counts a logged %s marked as answering", (channel) => {
    const logged = reply("10:00", {
      channel,
      direction: "inbound",
      delivery: null,
      answering: true,
    });
    expect(isHumanAnswer(logged)).toBe(true);
  });

  it("does not count a logged call that did not answer", () => {
    const call = reply("10:00", { channel: "phone", delivery: null, answering: false });
    expect(isHumanAnswer(call)).toBe(false);
  });

  it("does not count an answering flag on a mail", () => {
    expect(isHumanAnswer(reply("10:00", { delivery: "queued", answering: true }))).toBe(false);
  });
});

describe("answerState", () => {
  it("waits since the customer's first message when nobody answered", () => {
    expect(answerState([customerMail("09:00"), customerMail("09:30")])).toEqual({
      answered: false,
      awaitingSince: t("09:00"),
      firstHumanAnswerAt: null,
    });
  });

  it("waits for nothing once a human answer follows the customer's messages", () => {
    expect(answerState([customerMail("09:00"), reply("10:00")])).toEqual({
      answered: true,
      awaitingSince: null,
      firstHumanAnswerAt: t("10:00"),
    });
  });

  it("waits since the first customer message after the latest answer", () => {
    const messages = [
      customerMail("09:00"),
      reply("10:00"),
      customerMail("11:00"),
      customerMail("11:30"),
    ];
    expect(answerState(messages)).toEqual({
      answered: true,
      awaitingSince: t("11:00"),
      firstHumanAnswerAt: t("10:00"),
    });
  });

  it("still waits when the only reply bounced", () => {
    const state = answerState([customerMail("09:00"), reply("10:00", { delivery: "bounced" })]);
    expect(state).toEqual({ answered: false, awaitingSince: t("09:00"), firstHumanAnswerAt: null });
  });

  it("still waits when the reply failed or is only queued", () => {
    const failed = answerState([customerMail("09:00"), reply("10:00", { delivery: "failed" })]);
    const queued = answerState([customerMail("09:00"), reply("10:00", { delivery: "queued" })]);
    expect(failed.awaitingSince).toEqual(t("09:00"));
    expect(queued.awaitingSince).toEqual(t("09:00"));
  });

  it("still waits after an acknowledgement and a note", () => {
    const messages = [
      customerMail("09:00"),
      reply("09:01", { automated: true }),
      reply("09:30", { direction: "note", delivery: null }),
    ];
    expect(answerState(messages).answered).toBe(false);
    expect(answerState(messages).awaitingSince).toEqual(t("09:00"));
  });

  it("does not wait for spam", () => {
    expect(answerState([customerMail("09:00", { spam: true })]).awaitingSince).toBeNull();
    const afterSpam = answerState([customerMail("09:00", { spam: true }), customerMail("09:10")]);
    expect(afterSpam.awaitingSince).toEqual(t("09:10"));
  });

  it("keeps the first answer's time when a later answer bounced", () => {
    const messages = [
      customerMail("09:00"),
      reply("10:00"),
      customerMail("11:00"),
      reply("12:00", { delivery: "bounced" }),
    ];
    expect(answerState(messages)).toEqual({
      answered: true,
      awaitingSince: t("11:00"),
      firstHumanAnswerAt: t("10:00"),
    });
  });

  it("counts a logged call marked as answering", () => {
    const call = reply("10:00", { channel: "phone", delivery: null, answering: true });
    expect(answerState([customerMail("09:00"), call]).answered).toBe(true);
  });

  it("reads messages in commit order whatever order they come in", () => {
    const state = answerState([customerMail("11:00"), reply("10:00"), customerMail("09:00")]);
    expect(state.awaitingSince).toEqual(t("11:00"));
    expect(state.firstHumanAnswerAt).toEqual(t("10:00"));
  });

  it("has nothing to wait for in an empty conversation", () => {
    expect(answerState([])).toEqual({
      answered: false,
      awaitingSince: null,
      firstHumanAnswerAt: null,
    });
  });

  it("has nothing to wait for in a conversation an advisor started", () => {
    expect(answerState([reply("10:00")])).toEqual({
      answered: true,
      awaitingSince: null,
      firstHumanAnswerAt: t("10:00"),
    });
  });
});

describe("automatic replies", () => {
  it("an out-of-office reply from the customer's side waits for nothing", () => {
    const at = new Date("2026-11-23T10:00:00Z");
    const state = answerState([
      {
        direction: "inbound",
        channel: "email",
        authorKind: "customer",
        automated: true,
        delivery: null,
        spam: false,
        answering: false,
        createdAt: at,
      },
    ]);
    expect(state.awaitingSince).toBeNull();
  });
});
