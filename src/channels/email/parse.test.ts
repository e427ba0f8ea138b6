import { describe, expect, it } from "vitest";
import { MAX_REFERENCES, parseMail } from "./parse.ts";

// Test mail is written as latin1 strings so each character is exactly one byte on the wire:
// "\xe9" is the single byte 0xE9 (é in latin1, invalid on its own in UTF-8).
const raw = (text: string) => Buffer.from(text.replace(/\r?\n/g, "\r\n"), "latin1");
const utf8 = (text: string) => Buffer.from(text, "utf8").toString("latin1");

const ordinary = raw(`Return-Path: <Marie.Dupont@Example.FR>
From: =?utf-8?Q?Marie_Dupr=C3=A9?= <Marie.Dupont@Example.FR>
To: Support <support@brand.example>, Team: a@x.example, b@y.example;
Cc: sav@brand.example
Reply-To: marie.perso@example.org
Subject: =?utf-8?B?${Buffer.from("Colis non reçu").toString("base64")}?=
Date: Mon, 23 Nov 2026 10:15:00 +0100
Message-ID: <CAF=abc+1@mail.example.fr>
In-Reply-To: <r-old@brand.example>
References: <first@mail.example.fr>
 <r-old@brand.example>
Auto-Submitted: no
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Bonjour, mon colis n'est pas arriv=C3=A9.
--alt
Content-Type: text/html; charset=utf-8

<p onclick="x()">Bonjour, mon colis <img src="cid:logo@x"></p>
--alt--
--rel
Content-Type: image/png
Content-ID: <logo@x>
Content-Disposition: inline
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--rel--
--outer
Content-Type: application/pdf; name="facture.pdf"
Content-Disposition: attachment; filename="facture.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--outer--
`);

describe("parseMail on an ordinary mail", () => {
  it("reads the threading headers without angle brackets", async () => {
    const mail = await parseMail(ordinary);
    expect(mail.messageId).toBe("CAF=abc+1@mail.example.fr");
    expect(mail.inReplyTo).toBe("r-old@brand.example");
    expect(mail.references).toEqual(["first@mail.example.fr", "r-old@brand.example"]);
  });

  it("reads the addresses with decoded names and lower-cased domains", async () => {
    const mail = await parseMail(ordinary);
    expect(mail.from).toEqual({ address: "Marie.Dupont@example.fr", name: "Marie Dupré" });
    expect(mail.to.map((a) => a.address)).toEqual([
      "support@brand.example",
      "a@x.example",
      "b@y.example",
    ]);
    expect(mail.cc).toEqual([{ address: "sav@brand.example", name: "" }]);
    expect(mail.replyTo).toEqual([{ address: "marie.perso@example.org", name: "" }]);
    expect(mail.returnPath).toBe("Marie.Dupont@example.fr");
  });

  it("reads the subject, the date and both bodies, leaving the HTML unsanitised", async () => {
    const mail = await parseMail(ordinary);
    expect(mail.subject).toBe("Colis non reçu");
    expect(mail.date?.toISOString()).toBe("2026-11-23T09:15:00.000Z");
    expect(mail.text).toBe("Bonjour, mon colis n'est pas arrivé.\n");
    expect(mail.html).toContain('onclick="x()"');
  });

  it("lists attachments with their bytes, and inline images by Content-ID", async () => {
    const mail = await parseMail(ordinary);
    expect(mail.attachments).toHaveLength(2);
    const [logo, invoice] = mail.attachments;
    expect(logo).toMatchObject({
      contentType: "image/png",
      contentId: "logo@x",
      inline: true,
      size: 8,
    });
    expect(invoice).toMatchObject({
      filename: "facture.pdf",
      contentType: "application/pdf",
      contentId: null,
      inline: false,
    });
    expect(Buffer.from(invoice?.content ?? []).toString()).toBe("%PDF-1.4\n");
    expect(invoice?.content).toBeInstanceOf(Uint8Array);
  });

  it("gives every header by lower-case name, and the automation headers", async () => {
    const mail = await parseMail(ordinary);
    expect(mail.headers.get("auto-submitted")).toEqual(["no"]);
    expect(mail.headers.get("references")?.[0]).toContain("<first@mail.example.fr>");
    expect(mail.autoSubmitted).toBe("no");
    expect(mail.precedence).toBeNull();
    expect(mail.listId).toBeNull();
    expect(mail.contentType).toBe("multipart/mixed");
    expect(mail.defects).toEqual([]);
  });
});

describe("parseMail on wrongly labelled charsets", () => {
  it("re-reads latin1 bytes labelled utf-8 so accented letters survive", async () => {
    const mail = await parseMail(
      raw(`From: a@x.example
Subject: test
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Cet \xe9t\xe9, le colis est arriv\xe9 ab\xeem\xe9.
`),
    );
    expect(mail.text).toBe("Cet été, le colis est arrivé abîmé.\n");
    expect(mail.defects).toContain("charset_repaired");
    expect(mail.defects).not.toContain("undecodable_text");
  });

  it("re-reads quoted-printable latin1 labelled utf-8, in an HTML part too", async () => {
    const mail = await parseMail(
      raw(`From: a@x.example
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<p>=E9t=E9</p>
`),
    );
    expect(mail.html).toBe("<p>été</p>\n");
  });

  it("reads an 8-bit body without any charset or Content-Type", async () => {
    const mail = await parseMail(raw("From: a@x.example\n\nD\xe9j\xe0 pay\xe9 : 12 \x80\n"));
    expect(mail.text).toBe("Déjà payé : 12 €\n");
    expect(mail.defects).toContain("charset_repaired");
  });

  it("keeps the valid UTF-8 of a part that also holds stray latin1 bytes", async () => {
    const body = `${utf8("Prix : 12 € — ")}d\xe9j\xe0 r\xe9gl\xe9`;
    const mail = await parseMail(
      raw(`From: a@x.example\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`),
    );
    expect(mail.text).toBe("Prix : 12 € — déjà réglé\n");
  });

  it("leaves valid UTF-8 and correctly labelled latin1 alone", async () => {
    const valid = await parseMail(
      raw(`From: a@x.example\nContent-Type: text/plain; charset=utf-8\n\n${utf8("été")}\n`),
    );
    expect(valid.text).toBe("été\n");
    const latin1 = await parseMail(
      raw("From: a@x.example\nContent-Type: text/plain; charset=iso-8859-1\n\n\xe9t\xe9\n"),
    );
    expect(latin1.text).toBe("été\n");
    expect([...valid.defects, ...latin1.defects]).not.toContain("charset_repaired");
  });

  it("reads UTF-8 labelled as latin1 as UTF-8", async () => {
    const mail = await parseMail(
      raw(
        `From: a@x.example\nContent-Type: text/plain; charset=iso-8859-1\n\n${utf8("Déjà réglé")}\n`,
      ),
    );
    expect(mail.text).toBe("Déjà réglé\n");
    expect(mail.defects).toContain("charset_repaired");
  });

  it("does not touch the bytes of an attached text file", async () => {
    const mail = await parseMail(
      raw(`From: a@x.example
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain; charset=utf-8

ok
--b
Content-Type: text/plain; charset=utf-8
Content-Disposition: attachment; filename=notes.txt

\xe9t\xe9
--b--
`),
    );
    expect(Array.from(mail.attachments[0]?.content.subarray(0, 3) ?? [])).toEqual([
      0xe9, 0x74, 0xe9,
    ]);
    expect(mail.defects).not.toContain("charset_repaired");
  });

  it("decodes windows-1252 as windows-1252, not ISO-8859-1 (Node 20 confuses them)", async () => {
    const mail = await parseMail(
      raw(
        "From: a@x.example\nSubject: =?windows-1252?Q?L=92=E9t=E9_=80?=\nContent-Type: text/plain; charset=windows-1252\n\nL\x92\x9cuvre co\xfbte 12 \x80\n",
      ),
    );
    expect(mail.subject).toBe("L’été €");
    expect(mail.text).toBe("L’œuvre coûte 12 €\n");
    expect(mail.defects).toEqual(["missing_message_id", "missing_date"]);
  });

  it("repairs raw latin1 bytes in the headers", async () => {
    const mail = await parseMail(
      raw("From: Ren\xe9e Dupr\xe9 <renee@x.example>\nSubject: R\xe9clamation\n\nok\n"),
    );
    expect(mail.from?.name).toBe("Renée Dupré");
    expect(mail.subject).toBe("Réclamation");
    expect(mail.defects).toContain("header_charset_repaired");
  });

  it("repairs encoded words labelled utf-8 that hold latin1 bytes", async () => {
    const mail = await parseMail(
      raw("From: a@x.example\nSubject: =?utf-8?Q?R=E9clamation_=E9t=E9?=\n\nok\n"),
    );
    expect(mail.subject).toBe("Réclamation été");
  });

  it("keeps a UTF-8 character split across two encoded words", async () => {
    // "é" is C3 A9: the sender cut it in half between two words of one folded header.
    const mail = await parseMail(
      raw("From: a@x.example\nSubject: =?utf-8?Q?caf=C3?=\n =?utf-8?Q?=A9?=\n\nok\n"),
    );
    expect(mail.subject).toBe("café");
    expect(mail.defects).not.toContain("header_charset_repaired");
  });
});

describe("parseMail on malformed mail", () => {
  it("records a missing From, Message-ID and Date instead of failing", async () => {
    const mail = await parseMail(raw("Subject: hello\n\nbody\n"));
    expect(mail.from).toBeNull();
    expect(mail.messageId).toBeNull();
    expect(mail.date).toBeNull();
    expect(mail.defects).toEqual(["missing_message_id", "missing_from", "missing_date"]);
    expect(mail.text).toBe("body\n");
  });

  it("records a From without an address", async () => {
    const mail = await parseMail(raw("From: Marie Dupont\n\nbody\n"));
    expect(mail.from).toBeNull();
    expect(mail.defects).toContain("invalid_from");
  });

  it("records more than one sender", async () => {
    const mail = await parseMail(
      raw("From: a@x.example, b@y.example\nFrom: c@z.example\n\nbody\n"),
    );
    expect(mail.from?.address).toBe("a@x.example");
    expect(mail.defects).toContain("multiple_from");
  });

  it("gives a null date for an unparseable or time-less Date header", async () => {
    for (const date of ["not a date", "1", "Mon, 32 Jan 2026 10:00:00 +0000"]) {
      const mail = await parseMail(raw(`From: a@x.example\nDate: ${date}\n\nbody\n`));
      expect(mail.date).toBeNull();
      expect(mail.defects).toContain("unparseable_date");
    }
  });

  it("reads obsolete dates with comments and two-digit years", async () => {
    const mail = await parseMail(
      raw("From: a@x.example\nDate: Tue, 1 Jul 03 10:52:37 +0200 (CEST)\n\nb\n"),
    );
    expect(mail.date?.toISOString()).toBe("2003-07-01T08:52:37.000Z");
  });

  it("reads the null return path as an empty string", async () => {
    const mail = await parseMail(
      raw("From: MAILER-DAEMON@mx.example\nReturn-Path: <>\n\nbounce\n"),
    );
    expect(mail.returnPath).toBe("");
  });

  it("reads the automation headers and the report content type of a bounce", async () => {
    const mail = await parseMail(
      raw(`From: MAILER-DAEMON@mx.example
Auto-Submitted: auto-replied
Precedence: bulk
List-Id: <users.lists.example>
Content-Type: multipart/report; report-type=delivery-status; boundary=r

--r
Content-Type: text/plain

Delivery failed.
--r
Content-Type: message/delivery-status

Status: 5.1.1
--r--
`),
    );
    expect(mail).toMatchObject({
      autoSubmitted: "auto-replied",
      precedence: "bulk",
      listId: "<users.lists.example>",
      contentType: "multipart/report",
    });
  });

  it("survives a multipart without boundary and one whose boundary never ends", async () => {
    const noBoundary = await parseMail(
      raw("From: a@x.example\nContent-Type: multipart/mixed\n\nhello\n"),
    );
    expect(noBoundary.from?.address).toBe("a@x.example");
    const unterminated = await parseMail(
      raw(
        "From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhello",
      ),
    );
    expect(unterminated.text).toContain("hello");
  });

  it("keeps the headers when the MIME structure is too deep to parse", async () => {
    const depth = 300;
    let body = "";
    for (let i = 0; i < depth; i++)
      body += `--b${i}\nContent-Type: multipart/mixed; boundary=b${i + 1}\n\n`;
    const mail = await parseMail(
      raw(
        `From: a@x.example\nSubject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n${body}`,
      ),
    );
    expect(mail.defects).toContain("mime_parse_failed");
    expect(mail.from?.address).toBe("a@x.example");
    expect(mail.subject).toBe("deep");
  });

  it("keeps the first headers when the header block is beyond the parser's limit", async () => {
    const filler = `X-Filler: ${"a".repeat(990)}\n`.repeat(2200);
    const mail = await parseMail(raw(`From: a@x.example\nSubject: big\n${filler}\nbody\n`));
    expect(mail.defects).toContain("mime_parse_failed");
    expect(mail.from?.address).toBe("a@x.example");
  });

  it("parses an empty message and random bytes without throwing", async () => {
    const empty = await parseMail(Buffer.alloc(0));
    expect(empty.defects).toEqual(["missing_message_id", "missing_from", "missing_date"]);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 17) % 256));
    await expect(parseMail(noise)).resolves.toMatchObject({ from: null });
  });

  it("keeps only the most recent references of an endless References header", async () => {
    const ids = Array.from({ length: MAX_REFERENCES + 20 }, (_, i) => `<id${i}@x.example>`);
    const mail = await parseMail(raw(`From: a@x.example\nReferences: ${ids.join("\n ")}\n\nb\n`));
    expect(mail.references).toHaveLength(MAX_REFERENCES);
    expect(mail.references.at(-1)).toBe(`id${MAX_REFERENCES + 19}@x.example`);
    expect(mail.defects).toContain("references_truncated");
  });

  it("drops NUL characters, which PostgreSQL cannot store, from the body, subject and headers", async () => {
    // As in spam-2/01384 of the SpamAssassin corpus: a quoted-printable body that decodes to NUL.
    const mail = await parseMail(
      raw(
        "From: =?utf-8?Q?A=00nne?= <a@x.example>\nSubject: =?utf-8?Q?Hel=00lo?=\nMessage-ID: <m\u0000id@x.example>\n" +
          "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nInvest=00now=\n=00\n",
      ),
    );
    expect(mail.text).toBe("Investnow\n");
    expect(mail.subject).toBe("Hello");
    expect(mail.from).toEqual({ address: "a@x.example", name: "Anne" });
    expect(mail.messageId).toBe("mid@x.example");
    expect(mail.defects).toContain("nul_removed");
  });

  it("parses a 30 MB body", async () => {
    // Lines of the longest length SMTP allows: postal-mime spends ~8 µs per line on Node 20,
    // so 76-character lines would make this test take seconds (see bench/parse.ts).
    const line = `${"x".repeat(996)}\r\n`;
    const body = line.repeat(Math.ceil((30 * 1024 * 1024) / line.length));
    const mail = await parseMail(Buffer.from(`From: a@x.example\r\nSubject: big\r\n\r\n${body}`));
    expect(mail.subject).toBe("big");
    // Each CRLF is read as one "\n".
    expect(mail.text?.length).toBe((body.length / line.length) * (line.length - 1));
  }, 20_000);
});
