import { describe, expect, it } from "vitest";
import { visibleText } from "./bulk-content.ts";
import { mailLinks } from "./mail-links.ts";
import { type MassMailInput, massMailReasons } from "./mass-mail.ts";

/** A customer's reply from a webmail: HTML and text, addressed to the desk, dated with a zone. */
function mail(overrides: Partial<MassMailInput> = {}): MassMailInput {
  return {
    headers: new Map([
      ["date", ["Wed, 2 Dec 2026 10:15:00 +0100"]],
      ["to", ["Support <support@rapport.example>"]],
    ]),
    from: { address: "marie@mailer.example" },
    to: [{ address: "support@rapport.example" }],
    cc: [],
    subject: "Re: Votre commande 1234 [#K7M2QX9A]",
    inReplyTo: "ack-1@rapport.example",
    references: ["ack-1@rapport.example"],
    text: "Bonjour, le colis n'est toujours pas là. Merci, Marie",
    html: '<div dir="ltr">Bonjour, le colis n\'est toujours pas là.<div>Merci, Marie</div></div>',
    ...overrides,
  };
}

const rules = (input: MassMailInput) =>
  massMailReasons(input, visibleText(input), mailLinks(input.html, input.text).urls).map((r) => [
    r.rule,
    r.points,
  ]);

describe("signs of mass mail", () => {
  it("say nothing of a customer's webmail reply", () => {
    expect(rules(mail())).toEqual([]);
  });

  it("say nothing of an Outlook mail with its usual HTML and a colleague in copy", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=FR link="#0563C1">
      <div class=WordSection1><p class=MsoNormal><span style='font-size:11.0pt'>Bonjour,<o:p></o:p></span></p>
      <p class=MsoNormal>Voici la facture, voir <a href="https://portal.mailer.example/f/77">ici</a>.</p></div></body></html>`;
    const input = mail({
      subject: "Facture 2026-118 en double",
      inReplyTo: null,
      references: [],
      cc: [{ address: "compta@mailer.example" }],
      text: null,
      html,
    });
    expect(rules(input)).toEqual([]);
  });

  it("notice hidden recipients: undisclosed, the sender writing to itself, or a crowd", () => {
    const undisclosed = mail({
      headers: new Map([
        ["date", ["Wed, 2 Dec 2026 10:15:00 +0100"]],
        ["to", ["undisclosed-recipients:;"]],
      ]),
      to: [],
    });
    expect(rules(undisclosed)).toEqual([["hidden_recipients", 1.5]]);
    expect(rules(mail({ to: [{ address: "MARIE@mailer.example" }] }))).toEqual([
      ["hidden_recipients", 1.5],
    ]);
    const crowd = Array.from({ length: 10 }, (_, i) => ({ address: `p${i}@elsewhere.example` }));
    expect(rules(mail({ to: crowd }))).toEqual([["hidden_recipients", 1.5]]);
    expect(rules(mail({ to: crowd.slice(0, 9) }))).toEqual([]);
  });

  it("notice a Date without a time zone", () => {
    const headers = new Map([["date", ["Wed, 2 Dec 2026 10:15:00"]]]);
    expect(rules(mail({ headers }))).toEqual([["date_without_zone", 1]]);
    for (const date of ["Wed, 2 Dec 2026 10:15:00 GMT", "2 Dec 2026 10:15:00 -0800 (PST)"]) {
      expect(rules(mail({ headers: new Map([["date", [date]]]) }))).toEqual([]);
    }
  });

  it("notice a subject labelled as an advertisement, or a claim not to be spam", () => {
    expect(rules(mail({ subject: "ADV: Lowest rates", inReplyTo: null, references: [] }))).toEqual([
      ["advertisement_label", 2],
    ]);
    expect(rules(mail({ subject: "Advice on my order", inReplyTo: null, references: [] }))).toEqual(
      [],
    );
    const claim = "This message is sent in compliance with the new e-mail bill S. 1618.";
    expect(rules(mail({ text: claim, html: null }))).toEqual([["advertisement_label", 2]]);
    expect(rules(mail({ text: "This is not spam, I really need help.", html: null }))).toEqual([
      ["advertisement_label", 2],
    ]);
  });

  it("notice a link to a bare IP address, written or behind an anchor", () => {
    expect(rules(mail({ text: "Go to http://203.0.113.7/offer now", html: null }))).toEqual([
      ["link_to_address", 2],
    ]);
    const html = '<a href="http://198.51.100.4:8080/x">Our shop</a>';
    expect(rules(mail({ html }))).toEqual([["link_to_address", 2]]);
    expect(rules(mail({ text: "Version 1.2.3.4 of the app crashes", html: null }))).toEqual([]);
  });

  it("notice forms, scripts and frames in the HTML", () => {
    const form = '<form action="https://collect.example/"><input name="card"></form>';
    expect(rules(mail({ html: form }))).toEqual([["active_content", 2]]);
    expect(rules(mail({ html: '<body onload="go()">Hi</body>' }))).toEqual([["active_content", 2]]);
    expect(rules(mail({ html: '<iframe src="https://x.example"></iframe>' }))).toEqual([
      ["active_content", 2],
    ]);
  });

  it("notice “click here”", () => {
    expect(rules(mail({ text: "Click here to see the offer", html: null }))).toEqual([
      ["click_here", 1],
    ]);
    expect(rules(mail({ text: "Where do I click? Here is a screenshot", html: null }))).toEqual([]);
  });

  it("notice the layout of an advert, not large type alone", () => {
    const advert = '<table bgcolor="#ffcc00"><tr><td><font size="+4">SALE</font></td></tr></table>';
    expect(rules(mail({ html: advert }))).toEqual([["advert_layout", 1]]);
    expect(rules(mail({ html: '<p style="font-size:24px">Merci !</p>' }))).toEqual([]);
  });

  it("notice “Re:” on a mail that answers nothing", () => {
    expect(rules(mail({ inReplyTo: null, references: [] }))).toEqual([["pretend_reply", 1]]);
    expect(rules(mail({ inReplyTo: null }))).toEqual([]);
  });
});
