import { describe, expect, it } from "vitest";
import type { AcknowledgementInput } from "./acknowledgement.ts";
import { composeAcknowledgement, greetingName, replySubject } from "./acknowledgement.ts";

describe("replySubject", () => {
  it("adds Re: and the reference", () => {
    expect(replySubject("Ma commande n'est pas arrivée", "K7M2QX9A")).toBe(
      "Re: Ma commande n'est pas arrivée [#K7M2QX9A]",
    );
  });

  it("never stacks reply prefixes, whatever language or count they carry", () => {
    expect(replySubject("RE: Re: re : Commande", "K7M2QX9A")).toBe("Re: Commande [#K7M2QX9A]");
    expect(replySubject("AW: Re[2]: SV: Antw: Commande", "K7M2QX9A")).toBe(
      "Re: Commande [#K7M2QX9A]",
    );
    expect(replySubject("Réf : Commande", "K7M2QX9A")).toBe("Re: Commande [#K7M2QX9A]");
  });

  it("does not duplicate a reference already in the subject", () => {
    expect(replySubject("Re: Commande [#K7M2QX9A]", "K7M2QX9A")).toBe("Re: Commande [#K7M2QX9A]");
    expect(replySubject("Re: [#k7m2qx9a] Commande", "K7M2QX9A")).toBe("Re: Commande [#K7M2QX9A]");
  });

  it("keeps another conversation's reference and a forward prefix", () => {
    expect(replySubject("Fwd: Commande [#AAAA1111]", "K7M2QX9A")).toBe(
      "Re: Fwd: Commande [#AAAA1111] [#K7M2QX9A]",
    );
  });

  it("does not mistake a word starting with re for a prefix", () => {
    expect(replySubject("Remboursement", "K7M2QX9A")).toBe("Re: Remboursement [#K7M2QX9A]");
  });

  it("handles an empty subject and stray line breaks", () => {
    expect(replySubject("", "K7M2QX9A")).toBe("Re: [#K7M2QX9A]");
    expect(replySubject("Re:", "K7M2QX9A")).toBe("Re: [#K7M2QX9A]");
    expect(replySubject("Commande\r\n  urgente", "K7M2QX9A")).toBe(
      "Re: Commande urgente [#K7M2QX9A]",
    );
  });

  it("is idempotent", () => {
    const once = replySubject("Re: Commande", "K7M2QX9A");
    expect(replySubject(once, "K7M2QX9A")).toBe(once);
  });
});

describe("composeAcknowledgement", () => {
  const french: AcknowledgementInput = {
    language: "fr",
    reference: "K7M2QX9A",
    promiseText: "avant demain 12 h",
    brandName: "Maison Dupré",
    customerName: "Marie",
    advisorName: "Claire",
  };

  it("writes French with the reference, the promise and the advisor's name", () => {
    const { subject, text } = composeAcknowledgement(french);
    expect(subject).toBe("Re: Votre demande [#K7M2QX9A]");
    expect(text).toBe(
      [
        "Bonjour Marie,",
        "",
        "Merci pour votre message, nous l’avons bien reçu. Votre demande porte la référence K7M2QX9A\u00a0: il suffit de la rappeler si vous nous contactez autrement.",
        "",
        "Claire s’occupe de votre demande et vous répondra avant demain 12 h.",
        "Pour ajouter une précision, répondez simplement à ce message\u00a0: elle rejoindra votre demande.",
        "",
        "Bien cordialement,",
        "L’équipe Maison Dupré",
        "",
      ].join("\n"),
    );
  });

  it("puts a no-break space before every colon in French", () => {
    const { text } = composeAcknowledgement(french);
    expect(text).not.toMatch(/[^\u00a0]:/);
  });

  it("writes English without a customer or advisor name", () => {
    const { text } = composeAcknowledgement({
      ...french,
      language: "en",
      promiseText: "by tomorrow 12:00",
      customerName: null,
      advisorName: undefined,
    });
    expect(text).toContain("Hello,\n");
    expect(text).toContain("Your request’s reference is K7M2QX9A");
    expect(text).toContain("We will get back to you by tomorrow 12:00.");
    expect(text).toContain("Kind regards,\nThe Maison Dupré team\n");
  });

  it("ends with the brand's signature when there is one, keeping its lines", () => {
    const { text } = composeAcknowledgement({
      ...french,
      signature: "  Maison Dupré\r\n01 23 45 67 89 ",
    });
    expect(text.endsWith("Bien cordialement,\nMaison Dupré\n01 23 45 67 89\n")).toBe(true);
  });

  it("signs off once when the brand's signature opens with its own closing words", () => {
    const { text } = composeAcknowledgement({
      ...french,
      signature: "Bien à vous,\nL'atelier Maison Lumière",
    });
    expect(text.endsWith("demande.\n\nBien à vous,\nL'atelier Maison Lumière\n")).toBe(true);
    expect(text).not.toContain("Bien cordialement");
    const english = composeAcknowledgement({
      ...french,
      language: "en",
      signature: "Kind regards,\nNorthwind Outfitters",
    }).text;
    expect(english.match(/regards/gi)).toHaveLength(1);
  });

  it("keeps a name on one line even when a header carried line breaks", () => {
    const { text } = composeAcknowledgement({ ...french, customerName: "Marie\r\nDupont" });
    expect(text.startsWith("Bonjour Marie Dupont,\n")).toBe(true);
  });

  it("never repeats a first mail's words: its subject or a display name that is not a name", () => {
    const { subject, text } = composeAcknowledgement({
      ...french,
      language: "en",
      customerName: "Claim your prize at http://prize.evil.example now",
    });
    expect(subject).toBe("Re: Your request [#K7M2QX9A]");
    expect(text.startsWith("Hello,\n")).toBe(true);
    expect(text).not.toMatch(/prize|evil/);
  });
  it("greets without a name when the name is blank", () => {
    expect(
      composeAcknowledgement({ ...french, customerName: "  " }).text.startsWith("Bonjour,\n"),
    ).toBe(true);
  });
});

describe("greetingName", () => {
  it("keeps what looks like a person's name", () => {
    for (const name of ["Marie", "Jean-Pierre Dupont", "Zoë O’Brien", "J. R. R. Tolkien", "Renée"])
      expect(greetingName(name)).toBe(name);
  });

  it("drops links, domains, addresses, runs of digits, sentences and markup", () => {
    for (const name of [
      "Claim your prize at http://prize.evil.example now",
      "prize.evil.example",
      "www.example",
      "victim@example.com",
      "Call 0800 123 456",
      "Win €1000",
      "Your account will be closed today unless you act",
      "<script>",
      "x".repeat(41),
      "1234",
      "---",
    ])
      expect(greetingName(name), name).toBeNull();
  });
});
