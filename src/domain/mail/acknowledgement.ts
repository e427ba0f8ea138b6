// The acknowledgement a customer gets when their mail opens a conversation (P1), in French
// or English, and the `Re: <subject> [#REF]` subject every mail about a conversation carries.

export type AcknowledgementLanguage = "fr" | "en";

export type AcknowledgementInput = {
  language: AcknowledgementLanguage;
  originalSubject: string;
  /** The conversation reference, e.g. "K7M2QX9A". */
  reference: string;
  /** When the customer will hear back, as the caller words it: "avant demain 12 h". */
  promiseText: string;
  brandName: string;
  customerName?: string | null;
  advisorName?: string | null;
  signature?: string | null;
};

export type Acknowledgement = { subject: string; text: string };

// French typography wants a no-break space before « : » (and a narrow one before ? ! ;).
const NBSP = "\u00a0";

const REPLY_PREFIX = /^\s*(?:re|r[ée]f|aw|sv|antw|vs)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** `Re: <subject> [#REF]`, never `Re: Re:` and never the reference twice. */
export function replySubject(originalSubject: string, reference: string): string {
  const tag = `[#${reference}]`;
  const escaped = reference.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let subject = originalSubject
    .replace(/[\r\n\t]+/g, " ")
    .replace(new RegExp(`\\[\\s*#\\s*${escaped}\\s*\\]`, "gi"), " ");
  while (REPLY_PREFIX.test(subject)) subject = subject.replace(REPLY_PREFIX, "");
  subject = subject.replace(/\s{2,}/g, " ").trim();
  return subject === "" ? `Re: ${tag}` : `Re: ${subject} ${tag}`;
}

export function composeAcknowledgement(input: AcknowledgementInput): Acknowledgement {
  const lines = input.language === "fr" ? frenchLines(input) : englishLines(input);
  return {
    subject: replySubject(input.originalSubject, input.reference),
    text: `${lines.join("\n")}\n`,
  };
}

function frenchLines(input: AcknowledgementInput): string[] {
  const name = clean(input.customerName);
  const advisor = clean(input.advisorName);
  return [
    name ? `Bonjour ${name},` : "Bonjour,",
    "",
    `Merci pour votre message, nous l’avons bien reçu. Votre demande porte la référence ${input.reference}${NBSP}: il suffit de la rappeler si vous nous contactez autrement.`,
    "",
    advisor
      ? `${advisor} s’occupe de votre demande et vous répondra ${clean(input.promiseText)}.`
      : `Nous vous répondrons ${clean(input.promiseText)}.`,
    `Pour ajouter une précision, répondez simplement à ce message${NBSP}: elle rejoindra votre demande.`,
    "",
    "Bien cordialement,",
    signatureOf(input.signature) ?? `L’équipe ${input.brandName}`,
  ];
}

function englishLines(input: AcknowledgementInput): string[] {
  const name = clean(input.customerName);
  const advisor = clean(input.advisorName);
  return [
    name ? `Hello ${name},` : "Hello,",
    "",
    `Thank you for your message, we have received it. Your request’s reference is ${input.reference}; just mention it if you get in touch another way.`,
    "",
    advisor
      ? `${advisor} is looking after your request and will get back to you ${clean(input.promiseText)}.`
      : `We will get back to you ${clean(input.promiseText)}.`,
    "To add anything, simply reply to this email: it will join your request.",
    "",
    "Kind regards,",
    signatureOf(input.signature) ?? `The ${input.brandName} team`,
  ];
}

/** A name or phrase on one line; null when blank. Mail headers can smuggle line breaks. */
function clean(value: string | null | undefined): string | null {
  const line = value?.replace(/\s+/g, " ").trim() ?? "";
  return line === "" ? null : line;
}

/** The signature keeps its lines; null when blank. */
function signatureOf(value: string | null | undefined): string | null {
  const text = value?.replace(/\r\n?/g, "\n").trim() ?? "";
  return text === "" ? null : text;
}
