import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMail } from "../../channels/email/parse.ts";
import type { Bounce, BounceInput } from "./bounce.ts";
import { readBounce } from "./bounce.ts";

// The fixtures are written for these tests (each says so in an X-Fixture header) after RFC 3464
// and the documented wording of each mail server; they go through the real parser, so that
// what postal-mime makes of report parts is what the bounce reader gets.
const FIXTURES = new URL("./fixtures/bounces/", import.meta.url);
const VERP = "bounce+m-abcdefghijklmnopqrstuvwxyz234567abcdefghij@brand.example";
const OURS = "r-qh4kzmv7ytdw3nxe2bsl6fjpuoa5cigrqm4hzy2kx7.aebagbafaydqq@brand.example";
const DELAYED = "r-delayedmessageidxxxxxxxxxxxxxxxxxxxxxxxxx.aebagbafaydqq@brand.example";
const EXPIRED = "r-expiredmessageidxxxxxxxxxxxxxxxxxxxxxxxxx.aebagbafaydqq@brand.example";
const NOT_A_BOUNCE: Bounce = {
  kind: "not_a_bounce",
  recipient: null,
  status: null,
  diagnostic: null,
  originalMessageId: null,
};

async function fixture(name: string, envelopeRecipient: string | null = VERP): Promise<Bounce> {
  const parsed = await parseMail(readFileSync(new URL(name, FIXTURES)));
  const input: BounceInput = { ...parsed, envelopeRecipient };
  return readBounce(input);
}

const expected: Record<string, Bounce> = {
  "rfc3464-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic: "550 5.1.1 <jane.doe@customer.example>... User unknown",
    originalMessageId: OURS,
  },
  "rfc3464-delayed.eml": {
    kind: "delayed",
    recipient: "paul@slow.example",
    status: "4.4.1",
    diagnostic: "421 4.4.1 Connection timed out",
    originalMessageId: DELAYED,
  },
  "rfc3464-expired.eml": {
    kind: "soft",
    recipient: "full@customer.example",
    status: "4.4.7",
    diagnostic: "452 4.2.2 Mailbox full",
    originalMessageId: EXPIRED,
  },
  "rfc3464-delivered.eml": NOT_A_BOUNCE,
  "rfc3464-several-recipients.eml": {
    kind: "hard",
    recipient: "boss@customer.example",
    status: "5.2.1",
    diagnostic: "550 5.2.1 Mailbox disabled, not accepting messages",
    originalMessageId: null,
  },
  "postfix-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic:
      "550 5.1.1 <jane.doe@customer.example>: Recipient address rejected: User unknown in virtual mailbox table",
    originalMessageId: OURS,
  },
  "postfix-delayed.eml": {
    kind: "delayed",
    recipient: "paul@slow.example",
    status: "4.4.1",
    diagnostic: "connect to mx.slow.example[203.0.113.80]:25: Connection timed out",
    originalMessageId: DELAYED,
  },
  "postfix-notice-only.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic:
      "550 5.1.1 <jane.doe@customer.example>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
    originalMessageId: null,
  },
  "exim-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic: "550 5.1.1 <jane.doe@customer.example>: Recipient address rejected: User unknown",
    originalMessageId: OURS,
  },
  "exim-delayed.eml": {
    kind: "delayed",
    recipient: "paul@slow.example",
    status: "4.3.0",
    diagnostic: "451 4.3.0 <paul@slow.example>: Temporary lookup failure",
    originalMessageId: null,
  },
  "exim-retry-timeout.eml": {
    kind: "soft",
    recipient: "full@customer.example",
    status: "4.2.2",
    diagnostic: "452 4.2.2 <full@customer.example>: Mailbox full retry timeout exceeded",
    originalMessageId: EXPIRED,
  },
  "exchange-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic: "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
    originalMessageId: OURS,
  },
  "office365-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.10",
    diagnostic:
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    originalMessageId: OURS,
  },
  "gmail-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic:
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
    // Outside a multipart/report, postal-mime inlines the returned message into the text
    // without its Message-ID: the VERP address is what identifies the message then.
    originalMessageId: null,
  },
  "gmail-delayed.eml": {
    kind: "delayed",
    recipient: "paul@slow.example",
    status: null,
    diagnostic:
      "The recipient server did not accept our requests to connect. [mx.slow.example 203.0.113.80: timed out]",
    originalMessageId: null,
  },
  "qmail-failed.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.1.1",
    diagnostic: "550 5.1.1 <jane.doe@customer.example>... User unknown Giving up on 198.51.100.20.",
    originalMessageId: OURS,
  },
  "qmail-expired.eml": {
    kind: "soft",
    recipient: "full@customer.example",
    status: null,
    diagnostic:
      "<full@customer.example>: I'm not going to try again; this message has been in the queue too long.",
    originalMessageId: EXPIRED,
  },
  "generic-transcript.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: "5.7.1",
    diagnostic: "554 5.7.1 Message rejected as spam by Content Filtering)",
    originalMessageId: OURS,
  },
  "generic-basic-code.eml": {
    kind: "hard",
    recipient: "jane.doe@customer.example",
    status: null,
    diagnostic: "550 Requested action not taken: mailbox unavailable",
    originalMessageId: null,
  },
  "out-of-office.eml": NOT_A_BOUNCE,
  "read-receipt.eml": NOT_A_BOUNCE,
};

describe("bounce fixtures", () => {
  it("are each covered by a test", () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".eml"));
    const covered = [...Object.keys(expected), "customer-forwards-bounce.eml"];
    expect(files.sort()).toEqual(covered.sort());
  });

  for (const [name, bounce] of Object.entries(expected)) {
    it(`read ${name} as ${bounce.kind}`, async () => {
      expect(await fixture(name)).toEqual(bounce);
    });
  }

  it("read a customer forwarding a bounce to support as no bounce", async () => {
    expect(await fixture("customer-forwards-bounce.eml", "support@brand.example")).toEqual(
      NOT_A_BOUNCE,
    );
  });
});

/** A mail with nothing but what each case sets. */
function mail(overrides: Partial<BounceInput>): BounceInput {
  return {
    from: { address: "mailer-daemon@relay.example" },
    subject: "Undelivered Mail Returned to Sender",
    contentType: "text/plain",
    headers: new Map(),
    text: null,
    html: null,
    attachments: [],
    returnPath: "",
    envelopeRecipient: VERP,
    ...overrides,
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("bounces with a delivery status report", () => {
  it("take the most severe recipient: refused over given up over delayed", () => {
    const dsn = [
      "Reporting-MTA: dns; relay.example",
      "",
      "Final-Recipient: rfc822; a@x.example",
      "Action: delayed",
      "Status: 4.4.1",
      "",
      "Final-Recipient: rfc822; b@x.example",
      "Action: failed",
      "Status: 4.4.7",
      "",
    ].join("\n");
    const bounce = readBounce(
      mail({ attachments: [{ contentType: "message/delivery-status", content: bytes(dsn) }] }),
    );
    expect(bounce).toMatchObject({ kind: "soft", recipient: "b@x.example", status: "4.4.7" });
  });

  it("read a failure without a Status from its diagnostic, and without either as soft", () => {
    const dsn = (diagnostic: string) =>
      bytes(`Final-Recipient: rfc822; a@x.example\nAction: failed\n${diagnostic}\n`);
    const read = (diagnostic: string) =>
      readBounce(
        mail({
          attachments: [{ contentType: "message/delivery-status", content: dsn(diagnostic) }],
        }),
      );
    expect(read("Diagnostic-Code: smtp; 550 5.1.1 No such user")).toMatchObject({
      kind: "hard",
      status: "5.1.1",
    });
    expect(read("Diagnostic-Code: smtp; 552 Mailbox over quota")).toMatchObject({
      kind: "hard",
      status: null,
    });
    expect(read("")).toMatchObject({ kind: "soft", status: null, diagnostic: null });
  });

  it("read UTF-8 reports (RFC 6533) and the original recipient when the final one is missing", () => {
    const dsn = bytes(
      "Original-Recipient: utf-8; josé@exemple.example\nAction: failed\nStatus: 5.1.1\n",
    );
    const bounce = readBounce(
      mail({ attachments: [{ contentType: "message/global-delivery-status", content: dsn }] }),
    );
    expect(bounce).toMatchObject({ kind: "hard", recipient: "josé@exemple.example" });
  });

  it("fall back on the text when the report names no recipient", () => {
    const bounce = readBounce(
      mail({
        attachments: [
          { contentType: "message/delivery-status", content: bytes("Reporting-MTA: dns; a\n") },
        ],
        text: "Your message to a@x.example could not be delivered.\n550 5.1.1 No such user",
      }),
    );
    expect(bounce).toMatchObject({ kind: "hard", recipient: "a@x.example", status: "5.1.1" });
  });

  it("are no bounce when the report is about something else", () => {
    const headers = new Map([
      ["content-type", ['multipart/report; report-type="feedback-report"']],
    ]);
    expect(
      readBounce(mail({ contentType: "multipart/report", headers, text: "550 5.1.1 spam" })),
    ).toEqual(NOT_A_BOUNCE);
  });
});

describe("bounces without a report", () => {
  it("take the recipient from X-Failed-Recipients when the text names none", () => {
    const headers = new Map([["x-failed-recipients", ["a@x.example, b@x.example"]]]);
    const text = [
      "This message was created automatically by mail delivery software.",
      "",
      "A message that you sent could not be delivered. This is a permanent error.",
    ].join("\n");
    expect(readBounce(mail({ headers, text }))).toMatchObject({
      kind: "hard",
      recipient: "a@x.example",
      status: null,
    });
  });

  it("are read from the envelope alone: our return path, the null sender, a daemon", () => {
    const text = "Delivery failed for a@x.example:\n550 5.1.1 unknown";
    const neutral = { from: { address: "notices@relay.example" }, subject: "Notice", text };
    expect(readBounce(mail({ ...neutral, returnPath: "x@relay.example" })).kind).toBe("hard");
    expect(
      readBounce(mail({ ...neutral, returnPath: "x@relay.example", envelopeRecipient: null })).kind,
    ).toBe("not_a_bounce");
    expect(readBounce(mail({ ...neutral, envelopeRecipient: null })).kind).toBe("hard");
  });

  it("need failure wording or a bounce subject besides an SMTP code", () => {
    const text = "Thanks! Your order 550 will ship in 4.2.1 days.";
    expect(readBounce(mail({ subject: "Re: order", text })).kind).toBe("not_a_bounce");
  });

  it("read a delay from the text of an unknown server", () => {
    const text =
      "Your message to a@x.example is delayed and still being retried.\n451 4.4.1 timeout";
    expect(readBounce(mail({ subject: "Delivery delayed", text }))).toMatchObject({
      kind: "delayed",
      recipient: "a@x.example",
      status: "4.4.1",
    });
  });

  it("are no bounce for a daemon's mail that holds no failure", () => {
    const text = "Your mailbox is 90% full. Please delete some messages.";
    expect(readBounce(mail({ subject: "Quota warning", text }))).toEqual(NOT_A_BOUNCE);
  });
});
