import { describe, expect, it } from "vitest";
import type { Automation, AutomationInput } from "./automation.ts";
import {
  ACKNOWLEDGEMENTS_PER_SENDER_PER_HOUR,
  acknowledgementAllowed,
  classifyAutomation,
} from "./automation.ts";

// A mail a person wrote from a mail client; each test changes what it is about.
function inbound(overrides: Partial<AutomationInput> = {}): AutomationInput {
  return {
    autoSubmitted: null,
    precedence: null,
    listId: null,
    returnPath: "marie@example.com",
    fromAddress: "marie@example.com",
    contentType: "multipart/alternative; boundary=x",
    ownAddresses: ["support@brand.example", "sav@brand.example"],
    headers: new Map(),
    ...overrides,
  };
}

const headers = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([name, value]) => [name, [value]]));

describe("classifyAutomation", () => {
  it("finds nothing automated in a person's mail", () => {
    expect(classifyAutomation(inbound())).toEqual({ automated: false, reasons: [] });
  });

  it("treats Auto-Submitted other than no as automated", () => {
    expect(classifyAutomation(inbound({ autoSubmitted: "auto-replied" })).reasons).toEqual([
      "auto_submitted",
    ]);
    expect(
      classifyAutomation(inbound({ autoSubmitted: "Auto-Generated; owner=x" })).automated,
    ).toBe(true);
    expect(classifyAutomation(inbound({ autoSubmitted: " No " })).automated).toBe(false);
  });

  it("treats the null return path as a bounce, but not an unknown one", () => {
    expect(classifyAutomation(inbound({ returnPath: "<>" })).reasons).toEqual(["null_return_path"]);
    expect(classifyAutomation(inbound({ returnPath: "" })).reasons).toEqual(["null_return_path"]);
    expect(classifyAutomation(inbound({ returnPath: "< >" })).reasons).toEqual([
      "null_return_path",
    ]);
    expect(classifyAutomation(inbound({ returnPath: null })).automated).toBe(false);
  });

  it("treats Precedence bulk, list and junk as automated", () => {
    for (const precedence of ["bulk", "List", "junk"]) {
      expect(classifyAutomation(inbound({ precedence })).reasons).toEqual(["bulk_precedence"]);
    }
    expect(classifyAutomation(inbound({ precedence: "first-class" })).automated).toBe(false);
  });

  it("treats mail from a mailing list as automated", () => {
    expect(classifyAutomation(inbound({ listId: "<users.lists.example>" })).reasons).toEqual([
      "mailing_list",
    ]);
    expect(
      classifyAutomation(inbound({ headers: headers({ "list-unsubscribe": "<mailto:u@x>" }) }))
        .reasons,
    ).toEqual(["mailing_list"]);
    expect(
      classifyAutomation(inbound({ fromAddress: "users-request@lists.example" })).reasons,
    ).toEqual(["mailing_list"]);
  });

  it("treats mailer daemons and postmasters as automated, whatever the case", () => {
    expect(
      classifyAutomation(inbound({ fromAddress: "MAILER-DAEMON@mx.example" })).reasons,
    ).toEqual(["mailer_daemon"]);
    expect(classifyAutomation(inbound({ fromAddress: "postmaster@mx.example" })).reasons).toEqual([
      "mailer_daemon",
    ]);
  });

  it("treats mail from our own addresses, tagged or not, as automated", () => {
    expect(classifyAutomation(inbound({ fromAddress: "Support@Brand.example" })).reasons).toEqual([
      "own_address",
    ]);
    expect(classifyAutomation(inbound({ fromAddress: "sav+r-abc@brand.example" })).reasons).toEqual(
      ["own_address"],
    );
  });

  it("treats delivery and read reports as automated", () => {
    const report = "multipart/report; report-type=delivery-status; boundary=x";
    expect(classifyAutomation(inbound({ contentType: report })).reasons).toEqual([
      "delivery_report",
    ]);
    expect(
      classifyAutomation(
        inbound({ contentType: "Multipart/Report; report-type=disposition-notification" }),
      ).automated,
    ).toBe(true);
  });

  it("treats auto-reply headers as automated", () => {
    for (const name of ["x-autoreply", "x-autorespond", "x-auto-response-suppress"]) {
      expect(classifyAutomation(inbound({ headers: headers({ [name]: "yes" }) })).reasons).toEqual([
        "auto_reply_headers",
      ]);
    }
    expect(classifyAutomation(inbound({ precedence: "auto_reply" })).reasons).toEqual([
      "auto_reply_headers",
    ]);
  });

  it("lists every reason a typical bounce gives", () => {
    const bounce = inbound({
      fromAddress: "MAILER-DAEMON@mx.example",
      returnPath: "",
      autoSubmitted: "auto-replied",
      contentType: "multipart/report; report-type=delivery-status",
    });
    expect(classifyAutomation(bounce).reasons).toEqual([
      "auto_submitted",
      "null_return_path",
      "mailer_daemon",
      "delivery_report",
    ]);
  });

  it("does not count a missing From as automated", () => {
    expect(classifyAutomation(inbound({ fromAddress: null })).automated).toBe(false);
  });
});

describe("acknowledgementAllowed", () => {
  const person: Automation = { automated: false, reasons: [] };
  const base = {
    automation: person,
    isReplyInOpenThread: false,
    isSpam: false,
    senderDisowned: false,
    recentAcksToSender: 0,
  };

  it("acknowledges a new request from a person", () => {
    expect(acknowledgementAllowed(base)).toEqual({ allowed: true });
  });

  it("does not acknowledge automated mail", () => {
    const automation: Automation = { automated: true, reasons: ["auto_submitted"] };
    expect(acknowledgementAllowed({ ...base, automation })).toEqual({
      allowed: false,
      reason: "automated",
    });
  });

  it("does not acknowledge spam", () => {
    expect(acknowledgementAllowed({ ...base, isSpam: true })).toEqual({
      allowed: false,
      reason: "spam",
    });
  });

  it("does not acknowledge a mail its sender's domain disowns (no backscatter)", () => {
    expect(acknowledgementAllowed({ ...base, senderDisowned: true })).toEqual({
      allowed: false,
      reason: "forged_sender",
    });
  });

  it("does not acknowledge a reply inside an open thread", () => {
    expect(acknowledgementAllowed({ ...base, isReplyInOpenThread: true })).toEqual({
      allowed: false,
      reason: "reply_in_open_thread",
    });
  });

  it("acknowledges at most three mails per sender per hour", () => {
    expect(ACKNOWLEDGEMENTS_PER_SENDER_PER_HOUR).toBe(3);
    expect(acknowledgementAllowed({ ...base, recentAcksToSender: 2 }).allowed).toBe(true);
    expect(acknowledgementAllowed({ ...base, recentAcksToSender: 3 })).toEqual({
      allowed: false,
      reason: "rate_limited",
    });
  });
});
