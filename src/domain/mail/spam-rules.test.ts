import { describe, expect, it } from "vitest";
import type { SpamInput } from "./spam-rules.ts";
import { likelySpam, SPAM_THRESHOLD, scoreSpam } from "./spam-rules.ts";

const now = new Date("2026-11-03T10:00:00Z");

/** An ordinary customer's mail: no rule fires on it. */
function mail(overrides: Partial<SpamInput> = {}): SpamInput {
  return {
    headers: new Map([
      ["date", ["Tue, 3 Nov 2026 09:12:00 +0100"]],
      [
        "received",
        [
          "from out.mailer.example (out.mailer.example [203.0.113.5]) by mx.rapport.example",
          "from laptop ([192.168.1.10]) by out.mailer.example with ESMTPSA",
        ],
      ],
    ]),
    from: { address: "jeanne@mailer.example" },
    replyTo: [],
    to: [{ address: "support@rapport.example" }],
    cc: [],
    subject: "Commande 1234 pas encore reçue",
    inReplyTo: null,
    references: [],
    text: "Bonjour, ma commande 1234 n'est pas arrivée. Pouvez-vous vérifier ? Merci, Jeanne",
    html: null,
    attachments: [{ filename: "photo colis.jpg", contentType: "image/jpeg" }],
    date: new Date("2026-11-03T08:12:00Z"),
    messageId: "abc123@mailer.example",
    authenticationResults: [
      "mx.rapport.example; spf=pass smtp.mailfrom=mailer.example; dkim=pass header.d=mailer.example; dmarc=pass",
    ],
    ...overrides,
  };
}

function rulesFor(input: SpamInput) {
  return scoreSpam(input, now).reasons.map((reason) => [reason.rule, reason.points]);
}

describe("spam score of an ordinary customer's mail", () => {
  it("is zero, with no reasons", () => {
    expect(scoreSpam(mail(), now)).toEqual({ score: 0, reasons: [] });
  });
});

describe("spam rules on headers", () => {
  it("count a missing Message-ID", () => {
    expect(rulesFor(mail({ messageId: null }))).toEqual([["missing_message_id", 1]]);
  });

  it("count a missing Date, and say whether it was absent or unreadable", () => {
    const absent = scoreSpam(mail({ date: null, headers: new Map() }), now).reasons;
    expect(absent).toEqual([
      { rule: "missing_date", points: 1, detail: "The mail has no Date header." },
    ]);
    const unreadable = scoreSpam(
      mail({ date: null, headers: new Map([["date", ["soon"]]]) }),
      now,
    ).reasons;
    expect(unreadable[0]?.detail).toBe("The Date header cannot be read.");
  });

  it("count a Date more than a day ahead of now, not one a few hours ahead", () => {
    expect(rulesFor(mail({ date: new Date("2026-11-04T10:00:01Z") }))).toEqual([
      ["future_date", 2],
    ]);
    expect(rulesFor(mail({ date: new Date("2026-11-04T10:00:00Z") }))).toEqual([]);
    expect(rulesFor(mail({ date: new Date("2020-01-01T00:00:00Z") }))).toEqual([]);
  });

  it("count a Reply-To in another organisation than From", () => {
    const reasons = scoreSpam(
      mail({ replyTo: [{ address: "claims@payout-desk.example" }] }),
      now,
    ).reasons;
    expect(reasons).toEqual([
      {
        rule: "reply_to_mismatch",
        points: 1,
        detail: "Replies would go to payout-desk.example, but the mail is from mailer.example.",
      },
    ]);
  });

  it("accept a mailing list's Reply-To to itself", () => {
    const headers = new Map([["list-id", ["<users.lists.example>"]]]);
    expect(rulesFor(mail({ headers, replyTo: [{ address: "users@lists.example" }] }))).toEqual([]);
  });

  it("accept a Reply-To in the same organisation, sub-domains included", () => {
    expect(rulesFor(mail({ replyTo: [{ address: "help@support.Mailer.example" }] }))).toEqual([]);
  });

  it("count a forged Received trail", () => {
    const headers = new Map([
      [
        "received",
        [
          "from localhost (localhost [127.0.0.1]) by mail.bank.example",
          "from unknown ([198.51.100.77]) by relay.cheap-hosting.example",
        ],
      ],
    ]);
    const reasons = scoreSpam(mail({ headers }), now).reasons;
    expect(reasons.map((reason) => [reason.rule, reason.points])).toEqual([["forged_received", 1]]);
    expect(reasons[0]?.detail).toContain("mail.bank.example claims it got the mail from localhost");
  });
});

describe("spam rule on the subject", () => {
  it("counts a subject in capitals", () => {
    expect(rulesFor(mail({ subject: "URGENT PAYMENT NOTICE" }))).toEqual([
      ["shouting_subject", 1.5],
    ]);
  });

  it("counts three exclamation marks", () => {
    expect(rulesFor(mail({ subject: "Last chance!!!" }))).toEqual([["shouting_subject", 1]]);
  });

  it("adds both when a subject shouts in capitals with exclamation marks", () => {
    const reasons = scoreSpam(mail({ subject: "FREE MONEY TODAY !!!" }), now).reasons;
    expect(reasons).toEqual([
      {
        rule: "shouting_subject",
        points: 2.5,
        detail: "The subject shouts: mostly capitals, 3 exclamation marks.",
      },
    ]);
  });

  it("does not count short acronyms, reply prefixes or our references", () => {
    const inReplyTo = "ack-1@rapport.example";
    expect(rulesFor(mail({ subject: "RE: TR: SAV [#K7M2QX9A]", inReplyTo }))).toEqual([]);
    expect(
      rulesFor(mail({ subject: "RE: FW: Colis abîmé, remboursement ? [#K7M2QX9A]", inReplyTo })),
    ).toEqual([]);
    expect(rulesFor(mail({ subject: "Merci !" }))).toEqual([]);
  });
});

describe("spam rules on links", () => {
  it("count a link that shows one site and leads to another", () => {
    const html = `<p>Log in at <a href="https://bank.example.login-check.example/x">https://www.bank.example</a></p>`;
    const reasons = scoreSpam(mail({ html }), now).reasons;
    expect(reasons).toEqual([
      {
        rule: "deceptive_link",
        points: 2.5,
        detail: "A link shows www.bank.example but leads to bank.example.login-check.example.",
      },
    ]);
  });

  it("accept a link whose text and target are the same organisation", () => {
    const html = `<a href="https://shop.mailer.example/track?id=1">www.mailer.example</a>
      <a href="https://evil.example">Suivre mon colis</a>`;
    expect(rulesFor(mail({ html }))).toEqual([]);
  });

  it("count links through URL shorteners, in the text or the HTML, once", () => {
    const reasons = scoreSpam(
      mail({
        text: "See https://bit.ly/3abc and https://bit.ly/4def",
        html: `<a href="https://t.co/xyz">here</a>`,
      }),
      now,
    ).reasons;
    expect(reasons).toEqual([
      {
        rule: "url_shortener",
        points: 1.5,
        detail: "Links go through a URL shortener: t.co, bit.ly.",
      },
    ]);
  });

  it("do not take a host that merely ends like a shortener for one", () => {
    expect(rulesFor(mail({ text: "https://microsoft.co and https://habit.ly.example" }))).toEqual(
      [],
    );
  });
});

describe("spam rule on attachments", () => {
  it("counts a program", () => {
    const reasons = scoreSpam(
      mail({ attachments: [{ filename: "setup.exe", contentType: "application/octet-stream" }] }),
      now,
    ).reasons;
    expect(reasons).toEqual([
      {
        rule: "dangerous_attachment",
        points: 4,
        detail: 'The attachment "setup.exe" is a program or disk image.',
      },
    ]);
  });

  it("counts a program disguised as a document as enough on its own", () => {
    const input = mail({
      attachments: [
        { filename: "notes.js", contentType: "text/javascript" },
        { filename: "invoice.pdf.exe", contentType: "application/octet-stream" },
      ],
    });
    expect(rulesFor(input)).toEqual([["dangerous_attachment", 5]]);
    expect(likelySpam(scoreSpam(input, now).score)).toBe(true);
  });

  it("ignores documents and images", () => {
    const attachments = [
      { filename: "facture.pdf", contentType: "application/pdf" },
      { filename: "export.v2.xlsx", contentType: "application/vnd.ms-excel" },
    ];
    expect(rulesFor(mail({ attachments }))).toEqual([]);
  });
});

describe("spam rule on phrases", () => {
  it("counts each FR or EN phrase one point", () => {
    const reasons = scoreSpam(mail({ subject: "Vous avez gagné", text: "Act now!" }), now).reasons;
    expect(reasons).toEqual([
      {
        rule: "spam_phrase",
        points: 2,
        detail: 'The mail uses spam phrases: "act now", "vous avez gagne".',
      },
    ]);
  });

  it("caps the phrases at three points", () => {
    const text = "You have won the lottery! Wire transfer. 100% free. Act now.";
    expect(rulesFor(mail({ text }))).toEqual([["spam_phrase", 3]]);
  });

  it("reads an HTML-only mail's visible words (and notes that it is HTML only)", () => {
    expect(
      rulesFor(mail({ text: null, html: "<p>Cliquez <b>ici</b></p><p>Offre exclusive</p>" })),
    ).toEqual([
      ["spam_phrase", 2],
      ["html_only", 1],
    ]);
  });
});

describe("spam rules on authentication results", () => {
  it("count spf=fail, dkim=fail and dmarc=fail", () => {
    const authenticationResults = [
      "mx.rapport.example; spf=fail smtp.mailfrom=bank.example; dkim=fail header.d=bank.example; dmarc=fail header.from=bank.example",
    ];
    expect(rulesFor(mail({ authenticationResults }))).toEqual([
      ["spf_fail", 2],
      ["dkim_fail", 1.5],
      ["dmarc_fail", 3],
    ]);
  });

  it("count spf=softfail less, and once when another verifier says fail", () => {
    expect(rulesFor(mail({ authenticationResults: ["mx.rapport.example; spf=softfail"] }))).toEqual(
      [["spf_softfail", 1]],
    );
    expect(
      rulesFor(
        mail({
          authenticationResults: ["a.example; spf=softfail", "b.example; spf=fail (not allowed)"],
        }),
      ),
    ).toEqual([["spf_fail", 2]]);
  });

  it("ignore results in comments, neutral results and unreadable fields", () => {
    const authenticationResults = [
      "mx.rapport.example; spf=neutral (spf=fail would be harsher); dkim=none; dmarc=temperror",
      "dmarc=fail",
    ];
    expect(rulesFor(mail({ authenticationResults }))).toEqual([]);
  });
});

describe("likely spam", () => {
  it("starts at the threshold", () => {
    expect(SPAM_THRESHOLD).toBe(5);
    expect(likelySpam(4.5)).toBe(false);
    expect(likelySpam(5)).toBe(true);
  });

  it("takes several weak signs together, not one alone", () => {
    const lottery = mail({
      messageId: null,
      replyTo: [{ address: "agent@claims.example" }],
      subject: "YOU HAVE WON THE LOTTERY!!!",
      text: "Send your bank details by wire transfer to claim.",
    });
    const score = scoreSpam(lottery, now);
    expect(score.score).toBe(1 + 1 + 2.5 + 3);
    expect(likelySpam(score.score)).toBe(true);
    expect(likelySpam(scoreSpam(mail({ text: "I paid by wire transfer." }), now).score)).toBe(
      false,
    );
  });

  it("catches a spoofed bank mail with a deceptive link", () => {
    const phishing = mail({
      from: { address: "security@bank.example" },
      html: `<a href="http://203.0.113.9/login">https://bank.example/login</a>`,
      authenticationResults: ["mx.rapport.example; dmarc=fail header.from=bank.example"],
    });
    expect(rulesFor(phishing)).toEqual([
      ["deceptive_link", 2.5],
      ["link_to_address", 2],
      ["dmarc_fail", 3],
    ]);
    expect(likelySpam(scoreSpam(phishing, now).score)).toBe(true);
  });
});
