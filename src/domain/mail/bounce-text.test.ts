import { describe, expect, it } from "vitest";
import { noticeOf, readTextBounce } from "./bounce-text.ts";

describe("the notice of a bounce", () => {
  it("ends where each server's copy of the returned message begins", () => {
    const copies = [
      "------ This is a copy of the message, including all the headers. ------",
      "--- Below this line is a copy of the message.",
      "Original message headers:",
      "   ----- The header of the original message is following -----",
      "-----Original Message-----",
      "----------------------------------------------\nFrom:    Brand <support@brand.example>",
    ];
    for (const copy of copies) {
      expect(noticeOf(`Notice.\r\n\r\n${copy}\r\nMessage-ID: <x@y>`), copy).toBe("Notice.\n\n");
    }
  });

  it("is the whole text when no copy follows", () => {
    expect(noticeOf("Only a notice.")).toBe("Only a notice.");
  });
});

describe("bounce texts", () => {
  it("are told apart by each server's wording", () => {
    const formats = {
      exim: "This message was created automatically by mail delivery software.",
      exchange: "Delivery has failed to these recipients or groups:\n\na@x.example",
      gmail: "Your message wasn't delivered to a@x.example because the address couldn't be found.",
      qmail: "Hi. This is the qmail-send program at mx.example.\n\n<a@x.example>:\nno.",
      postfix: "This is the mail system at host mx.example.\n\n<a@x.example>: no",
    };
    for (const [format, text] of Object.entries(formats)) {
      expect(readTextBounce(text, { generic: false })?.format, format).toBe(format);
    }
  });

  it("are read as generic only when the caller allows it", () => {
    const text = "Delivery to a@x.example failed:\n550 5.1.1 unknown";
    expect(readTextBounce(text, { generic: false })).toBeNull();
    expect(readTextBounce(text, { generic: true })).toEqual({
      format: "generic",
      recipient: "a@x.example",
      diagnostic: "550 5.1.1 unknown",
      nature: null,
    });
  });

  it("never take the recipient from the returned message", () => {
    const text = [
      "Your message could not be delivered.",
      "",
      "------ This is a copy of the message, including all the headers. ------",
      "To: a@x.example",
      "550 5.1.1 quoted in the body",
    ].join("\n");
    expect(readTextBounce(text, { generic: true })).toBeNull();
  });

  it("read Office 365's wording and its reported error", () => {
    const text =
      "Your message to a@x.example couldn’t be delivered.\n\nReported error: 550 5.4.1 Recipient address rejected: Access denied";
    expect(readTextBounce(text, { generic: false })).toEqual({
      format: "exchange",
      recipient: "a@x.example",
      diagnostic: "550 5.4.1 Recipient address rejected: Access denied",
      nature: null,
    });
  });

  it("read Exchange's delay notice as delayed", () => {
    const text =
      "Delivery is delayed to these recipients or groups:\n\na@x.example\n\nThis message hasn't been delivered yet.";
    expect(readTextBounce(text, { generic: false })).toMatchObject({
      format: "exchange",
      recipient: "a@x.example",
      nature: "delayed",
    });
  });

  it("cut an overlong diagnostic", () => {
    const text = `Delivery to a@x.example failed:\n550 5.1.1 ${"x".repeat(1000)}`;
    expect(readTextBounce(text, { generic: true })?.diagnostic).toHaveLength(300);
  });
});
