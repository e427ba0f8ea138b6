import { describe, expect, it } from "vitest";
import { type SpamInput, scoreSpam } from "../../../src/domain/mail/spam-rules.ts";
import { i18nIn } from "../i18n/i18n.ts";
import { spamDetailText } from "./spam-detail.ts";

const now = new Date("2026-11-03T10:00:00Z");

const translator = async (language: "en" | "fr") => (await i18nIn(language)).t;

/** Mails that trip most of the server's rules, so the test reads the sentences it really writes. */
const nasty: SpamInput[] = [
  {
    headers: new Map([
      ["date", ["Tue, 3 Nov 2026 09:12:00"]],
      ["received", ["from localhost ([127.0.0.1]) by mx.rapport.example"]],
    ]),
    from: { address: "win@prize.example" },
    replyTo: [{ address: "claims@elsewhere.example" }],
    to: [{ address: "win@prize.example" }],
    cc: [],
    subject: "RE: YOU HAVE WON A PRIZE!!!",
    inReplyTo: null,
    references: [],
    text: null,
    html:
      '<html><body><font size="7" bgcolor="red">DEAR FRIEND</font> click here <a href="http://bit.ly/x">http://paypal.com</a> ' +
      '<a href="http://203.0.113.9/win">win</a> <form></form> <script></script> ' +
      "$1,000,000 USD. Act now! limited time! order now! free quote! toll free! !!!!!! " +
      "this message is not spam. To be removed from this mailing list reply REMOVE.</body></html>",
    attachments: [{ filename: "invoice.pdf.exe", contentType: "application/octet-stream" }],
    date: new Date("2026-11-09T08:12:00Z"),
    messageId: null,
    authenticationResults: ["mx.rapport.example; spf=fail; dkim=fail; dmarc=fail"],
  },
  {
    headers: new Map([["date", ["not a date"]]]),
    from: { address: "promo@shop.example" },
    replyTo: [],
    to: [{ address: "undisclosed-recipients:;" }],
    cc: [],
    subject: "ADV: cheap watches",
    inReplyTo: null,
    references: [],
    text: "Dear valued customer, this is not spam.",
    html: null,
    attachments: [{ filename: "setup.iso", contentType: "application/x-iso9660-image" }],
    date: null,
    messageId: "x@shop.example",
    authenticationResults: ["mx.rapport.example; spf=softfail"],
  },
];

describe("the spam rules' details in the advisor's language", () => {
  it("every sentence the server's rules write is said again in French", async () => {
    const [fr, en] = [await translator("fr"), await translator("en")];
    const reasons = nasty.flatMap((input) => scoreSpam(input, now).reasons);
    expect(reasons.length).toBeGreaterThan(15);
    for (const reason of reasons) {
      const french = spamDetailText(fr, reason, "fr");
      expect(french, reason.detail).not.toBe(reason.detail);
      expect(spamDetailText(en, reason, "en"), reason.rule).not.toMatch(/^spam\.detail/);
    }
  });

  it("keeps the values the server found, and writes dates and numbers the French way", async () => {
    const fr = await translator("fr");
    const text = (rule: string, detail: string, points = 1) =>
      spamDetailText(fr, { rule, points, detail }, "fr-FR");
    expect(
      text("reply_to_mismatch", "Replies would go to a.example, but the mail is from b.example."),
    ).toBe("Les réponses iraient à a.example, mais le mail vient de b.example.");
    expect(
      text("future_date", "The mail is dated 2026-11-09T08:12:00.000Z, more than a day ahead."),
    ).toContain("9 novembre 2026");
    expect(text("spamassassin", "SpamAssassin 7.5 / 5 (BAYES_99, URIBL)")).toBe(
      "SpamAssassin 7,5 / 5 (BAYES_99, URIBL)",
    );
  });

  it("shows a sentence it does not know as the server wrote it", async () => {
    const fr = await translator("fr");
    const detail = "A new rule the console has not learnt yet.";
    expect(spamDetailText(fr, { rule: "new_rule", points: 1, detail }, "fr")).toBe(detail);
  });
});
