import { describe, expect, it } from "vitest";
import { enhancedStatus, messageIdOfHeaders, parseDeliveryStatus } from "./delivery-status.ts";

describe("delivery status fields", () => {
  it("read the reporting MTA and each recipient's action, status and diagnostic", () => {
    const dsn = [
      "Reporting-MTA: dns; mx.relay.example",
      "Arrival-Date: Tue, 3 Nov 2026 10:00:00 +0000",
      "",
      "Final-Recipient: rfc822; <Jane@customer.example>",
      "Original-Recipient: rfc822;jane@customer.example",
      "Action: failed",
      "Status: 5.1.1 (bad destination mailbox address)",
      "Remote-MTA: dns; mx.customer.example",
      "Diagnostic-Code: smtp; 550 5.1.1 <jane@customer.example>: Recipient",
      "    address rejected: User unknown",
      "",
      "Final-Recipient: rfc822; paul@customer.example",
      "Action: delayed",
      "Status: 4.4.1",
      "",
    ].join("\r\n");
    expect(parseDeliveryStatus(dsn)).toEqual({
      reportingMta: "mx.relay.example",
      recipients: [
        {
          finalRecipient: "Jane@customer.example",
          originalRecipient: "jane@customer.example",
          action: "failed",
          status: "5.1.1",
          diagnosticCode:
            "550 5.1.1 <jane@customer.example>: Recipient address rejected: User unknown",
          remoteMta: "mx.customer.example",
        },
        {
          finalRecipient: "paul@customer.example",
          originalRecipient: null,
          action: "delayed",
          status: "4.4.1",
          diagnosticCode: null,
          remoteMta: null,
        },
      ],
    });
  });

  it("read recipients when the per-message group is missing", () => {
    const parsed = parseDeliveryStatus("Final-Recipient: rfc822; a@b.example\nAction: FAILED\n");
    expect(parsed.reportingMta).toBeNull();
    expect(parsed.recipients[0]?.action).toBe("failed");
  });

  it("leave out unknown actions and malformed status codes", () => {
    const parsed = parseDeliveryStatus(
      "Reporting-MTA: dns; a.example\n\nFinal-Recipient: rfc822; a@b.example\nAction: bounced\nStatus: 550\n",
    );
    expect(parsed.recipients[0]).toMatchObject({ action: null, status: null });
  });

  it("hold no recipients for an empty report", () => {
    expect(parseDeliveryStatus("")).toEqual({ reportingMta: null, recipients: [] });
  });
});

describe("enhanced status codes", () => {
  it("are found in diagnostics, with Exchange's and qmail's spellings", () => {
    expect(enhancedStatus("550 5.1.1 User unknown")).toBe("5.1.1");
    expect(enhancedStatus("550 5.1.10 RESOLVER.ADR.RecipientNotFound")).toBe("5.1.10");
    expect(enhancedStatus("Sorry, no mailbox here by that name. (#5.1.1)")).toBe("5.1.1");
    expect(enhancedStatus("452 4.2.2 Mailbox full.")).toBe("4.2.2");
  });

  it("are read at the end of a sentence, not inside IP addresses or version numbers", () => {
    expect(enhancedStatus("The status was 5.7.1.")).toBe("5.7.1");
    expect(enhancedStatus("host 10.2.1.5 said no")).toBeNull();
    expect(enhancedStatus("running version 4.1.2.7")).toBeNull();
    expect(enhancedStatus(null)).toBeNull();
  });
});

describe("the Message-ID of a header block", () => {
  it("is read from the headers, folded or not, never from the body", () => {
    expect(messageIdOfHeaders("From: a@b.example\nMessage-ID:\n <x.1@brand.example>\n\nbody")).toBe(
      "x.1@brand.example",
    );
    expect(messageIdOfHeaders("From: a@b.example\n\nMessage-ID: <body@brand.example>")).toBeNull();
  });
});
