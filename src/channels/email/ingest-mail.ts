// Turns one received mail into a call to the intake: keep the raw bytes, parse, sanitise, find the
// brand and the thread, decide the acknowledgement — all committed before the SMTP 250.
import { createHash } from "node:crypto";
import { and, asc, eq, or } from "drizzle-orm";
import { recordEvent, systemActor } from "../../commands/events/record-event.ts";
import { mailDomain } from "../../domain/identity/shared-mail-domains.ts";
import { matchBrandAddress, normalizeAddress } from "../../domain/mail/addresses.ts";
import { type AutomationReason, classifyAutomation } from "../../domain/mail/automation.ts";
import { readReplyToken } from "../../domain/mail/reply-token.ts";
import { isVerpAddress } from "../../domain/mail/verp.ts";
import { parseReferences } from "../../domain/reference.ts";
import {
  type Intake,
  NoThread,
  receiveMessage,
  type StoredAttachment,
} from "../../intake/receive.ts";
import type { Runtime } from "../../runtime.ts";
import { brands, messages } from "../../store/schema/index.ts";
import { acknowledgeIfDue } from "./acknowledge.ts";
import { authenticationResults } from "./authenticate.ts";
import { parseMail } from "./parse.ts";
import { receiveBounce } from "./receive-bounce.ts";
import { replyTokenHmac } from "./reply-token-crypto.ts";
import { htmlToText, sanitizeMailHtml } from "./sanitize.ts";
import { spamVerdict } from "./spam-check.ts";

export type MailEnvelope = {
  mailFrom: string | null;
  recipients: string[];
  /** The SMTP client, for SPF: its address and what it said in EHLO. */
  clientIp?: string | null;
  helo?: string | null;
};
export type Brand = typeof brands.$inferSelect;

export const limits = { attachments: 50, attachmentBytes: 25 * 1024 * 1024 };

export class MailRefused extends Error {
  constructor(
    readonly code: 550 | 552 | 554,
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (...parts: Array<string | Uint8Array>) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
};

/** The workspace brands, for recipient checks; reloaded at most every few seconds. */
export function brandDirectory(rt: Runtime, ttlMs = 5_000) {
  let cached: { at: number; list: Brand[] } | null = null;
  const all = async () => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      cached = {
        at: Date.now(),
        list: await rt.db.select().from(brands).orderBy(asc(brands.createdAt)),
      };
    }
    return cached.list;
  };
  return {
    all,
    async forRecipient(recipient: string): Promise<Brand | null> {
      for (const brand of await all()) {
        if (matchBrandAddress(recipient, brand.addresses)) return brand;
      }
      if (isVerpAddress(recipient)) {
        // Our return paths live on the brands' own domains.
        const domain = mailDomain(recipient.replace(/^<|>$/g, ""));
        for (const brand of await all()) {
          if (brand.addresses.some((a) => mailDomain(a) === domain)) return brand;
        }
      }
      return null;
    },
  };
}

/** Signs of a robot answering us (not of a newsletter): such mail joins its thread or is set aside. */
const autoReplyReasons = new Set<AutomationReason>([
  "auto_submitted",
  "auto_reply_headers",
  "mailer_daemon",
  "delivery_report",
  "null_return_path",
  "own_address",
]);

/** A stored message, or mail set aside (a bounce, an auto-reply to nothing): kept, never a conversation. */
export type IngestOutcome = { kind: "message"; intake: Intake } | { kind: "aside"; note: string };

export async function ingestMail(
  rt: Runtime,
  directory: ReturnType<typeof brandDirectory>,
  raw: Buffer,
  envelope: MailEnvelope,
): Promise<IngestOutcome> {
  let brand: Brand | null = null;
  for (const r of envelope.recipients) brand ??= await directory.forRecipient(r);
  if (!brand) throw new MailRefused(550, "no such recipient here");
  const ws = brand.workspaceId;
  const mail = await parseMail(raw);
  const toReturnPath = envelope.recipients.some((r) => isVerpAddress(r));
  const bounce = await receiveBounce(rt, ws, mail, raw, envelope, toReturnPath);
  if (bounce.handled) return { kind: "aside", note: bounce.note };
  const fromAddress = mail.from?.address ?? (envelope.mailFrom || null);
  if (!fromAddress)
    throw new MailRefused(554, "this message has no sender address (From) to answer");
  if (mail.attachments.length > limits.attachments) {
    throw new MailRefused(552, `too many attachments (at most ${limits.attachments})`);
  }

  const html = mail.html ? sanitizeMailHtml(mail.html) : null;
  const text = mail.text ?? (mail.html ? htmlToText(mail.html) : "");
  const content = sha256(
    mail.subject,
    text,
    mail.html ?? "",
    ...mail.attachments.map((a) => sha256(a.content)),
  );
  const sender = normalizeAddress(fromAddress);
  const dedupeKey = mail.messageId
    ? sha256("mid", sender, mail.messageId, content)
    : sha256("nomid", sender, mail.date?.toISOString().slice(0, 10) ?? "", content);
  const flags: string[] = [...mail.defects];
  // One look for both: the same mail again (a re-delivery), or its Message-ID reused by another mail.
  const earlier = await rt.db
    .select({ dedupeKey: messages.dedupeKey })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, ws),
        mail.messageId
          ? or(eq(messages.externalId, mail.messageId), eq(messages.dedupeKey, dedupeKey))
          : eq(messages.dedupeKey, dedupeKey),
      ),
    )
    .limit(5);
  const redelivered = earlier.some((m) => m.dedupeKey === dedupeKey);
  if (!redelivered && earlier.length > 0) flags.push("message_id_reused");

  const ownAddresses = (await directory.all()).flatMap((b) => b.addresses);
  const automation = classifyAutomation({
    autoSubmitted: mail.autoSubmitted,
    precedence: mail.precedence,
    listId: mail.listId,
    returnPath: envelope.mailFrom ?? mail.returnPath,
    fromAddress,
    contentType: mail.contentType,
    ownAddresses,
    headers: mail.headers,
  });
  const token = readReplyToken(
    [...envelope.recipients, mail.inReplyTo ?? "", ...mail.references].map((c) => `<${c}>`),
    {
      workspaceId: ws,
      hmac: replyTokenHmac(rt.secret),
    },
  );

  if (redelivered) {
    // Answer what the first delivery got (the intake finds it by its key); no bytes written twice.
    const intake = await receiveMessage(rt, {
      workspaceId: ws,
      channel: "email",
      brandId: brand.id,
      from: { email: sender, name: mail.from?.name ?? null },
      subject: mail.subject,
      bodyText: text,
      bodyHtml: html,
      externalId: mail.messageId,
      dedupeKey,
    });
    return { kind: "message", intake };
  }
  const ours = await authenticationResults(rt, raw, {
    ip: envelope.clientIp ?? null,
    helo: envelope.helo ?? null,
    mailFrom: envelope.mailFrom,
  });
  const spam = await spamVerdict(rt, ws, mail, text, raw, ours);
  const rawBlobKey = await rt.blobs.put(raw, { kind: "raw", extension: "eml" });
  const stored: StoredAttachment[] = [];
  for (const a of mail.attachments) {
    if (a.size > limits.attachmentBytes) continue;
    stored.push({
      filename: safeFilename(a.filename),
      contentType: a.contentType.slice(0, 200),
      size: a.size,
      sha256: sha256(a.content),
      blobKey: await rt.blobs.put(a.content, { kind: "attachment" }),
      contentId: a.contentId,
      inline: a.inline,
    });
  }
  let intake: Intake;
  try {
    intake = await receiveMessage(
      rt,
      {
        workspaceId: ws,
        channel: "email",
        brandId: brand.id,
        from: { email: sender, name: mail.from?.name ?? null },
        subject: mail.subject,
        bodyText: text,
        bodyHtml: html,
        externalId: mail.messageId,
        dedupeKey,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        thread: {
          tokenConversationId: token?.conversationId ?? null,
          messageIds: [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x),
          subjectReferences: parseReferences(mail.subject),
        },
        flags: automation.automated
          ? [...flags, ...automation.reasons.map((r) => `automated:${r}`)]
          : flags,
        rawBlobKey,
        attachments: stored,
        spam,
        autoReply: automation.reasons.some((r) => autoReplyReasons.has(r)),
      },
      (tx, intake, conversation, conversationBrand) =>
        acknowledgeIfDue(
          tx,
          rt,
          intake,
          conversation,
          {
            automation,
            spam: spam.likely,
            senderDisowned: spam.senderDisowned,
            senderAddress: sender,
            text,
            inboundMessageId: mail.messageId,
          },
          conversationBrand,
        ),
    );
  } catch (error) {
    if (!(error instanceof NoThread)) throw error;
    await recordEvent(rt.db, {
      workspaceId: ws,
      id: rt.newId(),
      at: rt.now(),
      type: "mail.set_aside",
      actor: systemActor,
      data: {
        reason: "an automatic reply to no conversation",
        automation: automation.reasons,
        raw_blob_key: rawBlobKey,
      },
    });
    return { kind: "aside", note: "automatic reply set aside" };
  }
  return { kind: "message", intake };
}

/** A name safe to show and to offer for download: no path, no control characters, bounded. */
export function safeFilename(name: string | null): string {
  const base = (name ?? "attachment").split(/[\\/]/).pop() ?? "attachment";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_")
    .replace(/^\.+/, "")
    .trim();
  return cleaned.slice(0, 200) || "attachment";
}
