// Builds the exact bytes of an outbound mail (what a relay gets, or the outbox keeps) with
// nodemailer's MailComposer: our Message-ID, threading headers, loop protection, copies and files.
import MailComposer from "nodemailer/lib/mail-composer";

export type OutboundAddress = { name?: string; address: string };

/** A file the mail carries; its bytes come from the blob store, never from a path. */
export type OutboundAttachment = { filename: string; contentType: string; content: Uint8Array };

export type OutboundMail = {
  from: OutboundAddress;
  to: OutboundAddress | OutboundAddress[];
  cc?: OutboundAddress[];
  replyTo?: OutboundAddress | string;
  subject: string;
  text: string;
  html?: string;
  /** Ours, with angle brackets: see newReplyMessageId in commands/mail/reply-message-id.ts. */
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  /** Acknowledgements are `auto-replied`, notices and alerts `auto-generated` (docs/CONTRACT.md §5). */
  autoSubmitted?: "auto-replied" | "auto-generated";
  /** The language of the text, e.g. "fr". */
  language?: string;
  attachments?: OutboundAttachment[];
  date: Date;
};

export async function composeMail(mail: OutboundMail): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (mail.autoSubmitted) {
    headers["Auto-Submitted"] = mail.autoSubmitted;
    // Asks Exchange and Outlook not to answer with out-of-office or other automatic replies.
    headers["X-Auto-Response-Suppress"] = "All";
  }
  if (mail.language) headers["Content-Language"] = oneLine(mail.language);

  const composer = new MailComposer({
    from: address(mail.from),
    to: [mail.to].flat().map(address),
    cc: mail.cc?.map(address),
    replyTo: typeof mail.replyTo === "string" ? oneLine(mail.replyTo) : optional(mail.replyTo),
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId: withBrackets(mail.messageId),
    inReplyTo: mail.inReplyTo ? withBrackets(mail.inReplyTo) : undefined,
    references: mail.references?.length ? mail.references.map(withBrackets) : undefined,
    date: mail.date,
    headers,
    attachments: mail.attachments?.map((a) => ({
      filename: oneLine(a.filename),
      contentType: oneLine(a.contentType),
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
    newline: "win",
    // Content only ever comes from strings we pass: never from a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

function address(value: OutboundAddress): { name: string; address: string } {
  return { name: oneLine(value.name ?? ""), address: oneLine(value.address) };
}

function optional(value: OutboundAddress | undefined) {
  return value ? address(value) : undefined;
}

/** Header values never carry line breaks, whatever a customer or an advisor typed. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim();
}

function withBrackets(id: string): string {
  const bare = oneLine(id).replace(/^<|>$/g, "");
  return `<${bare}>`;
}
