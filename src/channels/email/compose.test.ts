import { describe, expect, it } from "vitest";
import type { OutboundMail } from "./compose.ts";
import { composeMail } from "./compose.ts";
import { parseMail } from "./parse.ts";

function acknowledgement(overrides: Partial<OutboundMail> = {}): OutboundMail {
  return {
    from: { name: "Équipe Maison Dupré", address: "support@brand.example" },
    to: { name: "Marie Dupont", address: "marie@example.fr" },
    replyTo: "support+r-abc@brand.example",
    subject: "Re: Colis non reçu [#K7M2QX9A]",
    text: "Bonjour Marie,\n\nNous avons bien reçu votre message.\n",
    messageId: "<r-abc.def@brand.example>",
    inReplyTo: "CAF=abc@mail.example.fr",
    references: ["first@mail.example.fr", "<CAF=abc@mail.example.fr>"],
    autoSubmitted: "auto-replied",
    language: "fr",
    date: new Date("2026-11-23T09:15:00Z"),
    ...overrides,
  };
}

describe("composeMail", () => {
  it("writes a mail that parses back to what was given", async () => {
    const mail = await parseMail(await composeMail(acknowledgement()));
    expect(mail).toMatchObject({
      messageId: "r-abc.def@brand.example",
      inReplyTo: "CAF=abc@mail.example.fr",
      references: ["first@mail.example.fr", "CAF=abc@mail.example.fr"],
      from: { address: "support@brand.example", name: "Équipe Maison Dupré" },
      to: [{ address: "marie@example.fr", name: "Marie Dupont" }],
      replyTo: [{ address: "support+r-abc@brand.example", name: "" }],
      subject: "Re: Colis non reçu [#K7M2QX9A]",
      text: "Bonjour Marie,\n\nNous avons bien reçu votre message.\n",
      autoSubmitted: "auto-replied",
      defects: [],
    });
    expect(mail.date?.toISOString()).toBe("2026-11-23T09:15:00.000Z");
    expect(mail.headers.get("content-language")).toEqual(["fr"]);
  });

  it("asks for no automatic answer whenever the mail is automatic", async () => {
    for (const autoSubmitted of ["auto-replied", "auto-generated"] as const) {
      const mail = await parseMail(await composeMail(acknowledgement({ autoSubmitted })));
      expect(mail.autoSubmitted).toBe(autoSubmitted);
      expect(mail.headers.get("x-auto-response-suppress")).toEqual(["All"]);
    }
  });

  it("leaves both headers out of a reply an advisor wrote", async () => {
    const mail = await parseMail(await composeMail(acknowledgement({ autoSubmitted: undefined })));
    expect(mail.headers.has("auto-submitted")).toBe(false);
    expect(mail.headers.has("x-auto-response-suppress")).toBe(false);
  });

  it("writes CRLF line ends and no Bcc", async () => {
    const bytes = (await composeMail(acknowledgement())).toString("latin1");
    expect(bytes.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(bytes).not.toMatch(/^Bcc:/im);
  });

  it("cannot be made to carry an extra header through a subject or a name", async () => {
    const raw = await composeMail(
      acknowledgement({
        subject: "Commande\r\nBcc: evil@example.com",
        to: { name: "Marie\r\nX-Injected: 1", address: "marie@example.fr" },
      }),
    );
    const mail = await parseMail(raw);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.headers.has("x-injected")).toBe(false);
    expect(mail.subject).toBe("Commande Bcc: evil@example.com");
  });

  it("sends an HTML alternative when given one", async () => {
    const mail = await parseMail(
      await composeMail(acknowledgement({ html: "<p>Bonjour Marie</p>" })),
    );
    expect(mail.contentType).toBe("multipart/alternative");
    expect(mail.html?.trim()).toBe("<p>Bonjour Marie</p>");
    expect(mail.text).toContain("Bonjour Marie");
  });

  it("omits threading headers for a first mail", async () => {
    const mail = await parseMail(
      await composeMail(acknowledgement({ inReplyTo: null, references: [] })),
    );
    expect(mail.headers.has("in-reply-to")).toBe(false);
    expect(mail.headers.has("references")).toBe(false);
  });
});
