// The acknowledgement a customer gets when their mail opens a conversation (P1), in French
// or English, and the `Re: <subject> [#REF]` subject every mail about a conversation carries.
// An acknowledgement goes to whatever address a first mail names: it never repeats that mail's
// words (its subject, a display name that is not a name), so it cannot carry a stranger's text.

export type AcknowledgementLanguage = "fr" | "en";

export type AcknowledgementInput = {
  language: AcknowledgementLanguage;
  /** The conversation reference, e.g. "K7M2QX9A". */
  reference: string;
  /** When the customer will hear back, as the caller words it: "avant demain 12 h". */
  promiseText: string;
  brandName: string;
  customerName?: string | null;
  advisorName?: string | null;
  /** The customer asked for a manager and `advisorName` is the one who took it. */
  escalated?: boolean;
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

// The subject of a first mail is the sender's text, whoever the sender claims to be: the
// acknowledgement's subject is ours, and the reference is all a later reply needs.
const acknowledgementSubject = { fr: "Votre demande", en: "Your request" } as const;

export function composeAcknowledgement(input: AcknowledgementInput): Acknowledgement {
  const lines = input.language === "fr" ? frenchLines(input) : englishLines(input);
  return {
    subject: replySubject(acknowledgementSubject[input.language], input.reference),
    text: `${lines.join("\n")}\n`,
  };
}

const nameMaxLength = 40;
const nameMaxWords = 4;

/**
 * The name to greet someone by, or null when what they gave does not look like a person's name:
 * a link, an address, a run of digits, a sentence, markup. The display name of a mail is whatever
 * the sender typed, and the acknowledgement goes to the address beside it.
 */
export function greetingName(value: string | null | undefined): string | null {
  const name = clean(value);
  if (!name || name.length > nameMaxLength) return null;
  if (name.split(" ").length > nameMaxWords) return null;
  if (/\d{2,}/.test(name)) return null;
  if (/[@/\\:<>[\]{}()|=_*#$%&+!?;"“”«»]/.test(name)) return null;
  // A domain name or a link without its scheme: "prize.evil.example", "www.example".
  if (/[\p{L}\d-]\.[\p{L}]{2,}/u.test(name) || /^www\./i.test(name)) return null;
  return /\p{L}/u.test(name) ? name : null;
}

/** Closing words a brand's signature may already open with: then we do not add our own. */
const closingFormula =
  /^(bien (?:cordialement|à vous|amicalement)|cordialement|(?:très )?sincèrement|salutations|(?:kind|best|warm) regards|regards|best|sincerely|yours(?: sincerely| truly)?|cheers|thanks|thank you)\b[^\n]*$/iu;

/** The sign-off: ours, then the brand's signature; the signature alone when it signs off itself. */
export function signOff(
  input: Pick<AcknowledgementInput, "signature">,
  ours: string,
  team: string,
): string[] {
  const signature = signatureOf(input.signature);
  if (!signature) return [ours, team];
  const firstLine = signature.split("\n")[0] ?? "";
  return closingFormula.test(firstLine.trim()) ? [signature] : [ours, signature];
}

function frenchLines(input: AcknowledgementInput): string[] {
  const name = greetingName(input.customerName);
  const advisor = clean(input.advisorName);
  return [
    name ? `Bonjour ${name},` : "Bonjour,",
    "",
    `Merci pour votre message, nous l’avons bien reçu. Votre demande porte la référence ${input.reference}${NBSP}: il suffit de la rappeler si vous nous contactez autrement.`,
    "",
    advisor && input.escalated
      ? `Comme vous l’avez demandé, votre demande est confiée à ${advisor}, responsable de l’équipe, qui vous répondra ${clean(input.promiseText)}.`
      : advisor
        ? `${advisor} s’occupe de votre demande et vous répondra ${clean(input.promiseText)}.`
        : `Nous vous répondrons ${clean(input.promiseText)}.`,
    `Pour ajouter une précision, répondez simplement à ce message${NBSP}: elle rejoindra votre demande.`,
    "",
    ...signOff(input, "Bien cordialement,", `L’équipe ${input.brandName}`),
  ];
}

function englishLines(input: AcknowledgementInput): string[] {
  const name = greetingName(input.customerName);
  const advisor = clean(input.advisorName);
  return [
    name ? `Hello ${name},` : "Hello,",
    "",
    `Thank you for your message, we have received it. Your request’s reference is ${input.reference}; just mention it if you get in touch another way.`,
    "",
    advisor && input.escalated
      ? `As you asked, your request is now with ${advisor}, the team’s manager, who will get back to you ${clean(input.promiseText)}.`
      : advisor
        ? `${advisor} is looking after your request and will get back to you ${clean(input.promiseText)}.`
        : `We will get back to you ${clean(input.promiseText)}.`,
    "To add anything, simply reply to this email: it will join your request.",
    "",
    ...signOff(input, "Kind regards,", `The ${input.brandName} team`),
  ];
}

/** A name or phrase on one line; null when blank. Mail headers can smuggle line breaks. */
export function clean(value: string | null | undefined): string | null {
  const line = value?.replace(/\s+/g, " ").trim() ?? "";
  return line === "" ? null : line;
}

/** The signature keeps its lines; null when blank. */
function signatureOf(value: string | null | undefined): string | null {
  const text = value?.replace(/\r\n?/g, "\n").trim() ?? "";
  return text === "" ? null : text;
}
