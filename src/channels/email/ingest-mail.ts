// Turns received mail into calls to the intake: keep the raw bytes, parse, sanitise, find the brand
// and the thread, decide the acknowledgement — committed, many mails at a time, before the SMTP 250.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { type AcknowledgementContext, acknowledgeStored } from "../../commands/mail/acknowledge.ts";
import { replyTokenHmac } from "../../commands/mail/reply-message-id.ts";
import { mailDomain } from "../../domain/identity/shared-mail-domains.ts";
import { matchBrandAddress, normalizeAddress } from "../../domain/mail/addresses.ts";
import { type AutomationReason, classifyAutomation } from "../../domain/mail/automation.ts";
import { readReplyToken } from "../../domain/mail/reply-token.ts";
import { safeFilename } from "../../domain/mail/safe-filename.ts";
import { isVerpAddress } from "../../domain/mail/verp.ts";
import { parseReferences } from "../../domain/reference.ts";
import { groupCommitter, type Settled } from "../../intake/group-commit.ts";
import {
  type AfterBatch,
  type InboundMessage,
  type Intake,
  NoThread,
  receiveBatch,
  type StoredAttachment,
} from "../../intake/receive.ts";
import type { Runtime } from "../../runtime.ts";
import { brands, messages } from "../../store/schema/index.ts";
import { authenticationResults } from "./authenticate.ts";
import { type ParsedMail, parseMail } from "./parse.ts";
import { receiveBounce } from "./receive-bounce.ts";
import { htmlToText, sanitizeMailHtml } from "./sanitize.ts";
import { recordSetAside, type SetAside } from "./set-aside.ts";
import { spamVerdict } from "./spam-check.ts";

export type MailEnvelope = {
  mailFrom: string | null;
  recipients: string[];
  /** The SMTP client, for SPF: its address and what it said in EHLO. */
  clientIp?: string | null;
  helo?: string | null;
  /** The brand the mail is for when its channel says so (an IMAP mailbox), whatever its To says. */
  brandId?: string;
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
    /** A brand by its id; one just created is found by reading the brands again. */
    async byId(id: string): Promise<Brand | null> {
      const known = (await all()).find((b) => b.id === id);
      if (known) return known;
      cached = null;
      return (await all()).find((b) => b.id === id) ?? null;
    },
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

/** Signs of list or bulk mail: it waits in its own view, owed no answer until an advisor says so. */
const bulkReasons = new Set<AutomationReason>(["mailing_list", "bulk_precedence"]);

/** A stored message, or mail set aside (a bounce, an auto-reply to nothing): kept, never a conversation. */
export type IngestOutcome = { kind: "message"; intake: Intake } | { kind: "aside"; note: string };

/** A mail read and judged, ready to be stored with others in one transaction. */
type PreparedMail =
  | { kind: "aside"; note: string }
  | {
      kind: "mail";
      message: InboundMessage;
      /** Null for a re-delivery: its first copy was acknowledged, or not, already. */
      acknowledgement: AcknowledgementContext | null;
    };

type EarlierLook = { workspaceId: string; messageId: string | null; dedupeKey: string };

/**
 * Whether a mail was received before (a re-delivery) or its Message-ID reused by another mail:
 * the look-ups of mails arriving together go to the database as one query.
 */
function earlierLooks(rt: Runtime) {
  return groupCommitter<EarlierLook, { redelivered: boolean; reused: boolean }>(
    async (looks) => {
      const ws = looks[0]?.workspaceId ?? "";
      const ids = looks.flatMap((l) => (l.messageId ? [l.messageId] : []));
      const keys = looks.map((l) => l.dedupeKey);
      const rows = await rt.db
        .select({ externalId: messages.externalId, dedupeKey: messages.dedupeKey })
        .from(messages)
        .where(
          and(
            eq(messages.workspaceId, ws),
            ids.length > 0
              ? or(inArray(messages.externalId, ids), inArray(messages.dedupeKey, keys))
              : inArray(messages.dedupeKey, keys),
          ),
        );
      return looks.map((l) => {
        const redelivered = rows.some((r) => r.dedupeKey === l.dedupeKey);
        const reused =
          !redelivered && l.messageId !== null && rows.some((r) => r.externalId === l.messageId);
        return { ok: true, value: { redelivered, reused } };
      });
    },
    { maxBatch: 200, keyOf: (l) => l.workspaceId },
  );
}

/**
 * The brand the mail is written to: the one its channel names, else its first recipient that is
 * ours; 550 when none is.
 */
async function brandOf(directory: ReturnType<typeof brandDirectory>, envelope: MailEnvelope) {
  if (envelope.brandId) {
    const named = await directory.byId(envelope.brandId);
    if (!named) throw new MailRefused(550, "the brand this mailbox feeds is gone");
    return named;
  }
  let brand: Brand | null = null;
  for (const r of envelope.recipients) brand ??= await directory.forRecipient(r);
  if (!brand) throw new MailRefused(550, "no such recipient here");
  return brand;
}

/** Refuses what we cannot answer or keep: no sender address, too many attachments. */
function senderAddressOf(mail: ParsedMail, envelope: MailEnvelope): string {
  const fromAddress = mail.from?.address ?? (envelope.mailFrom || null);
  if (!fromAddress)
    throw new MailRefused(554, "this message has no sender address (From) to answer");
  if (mail.attachments.length > limits.attachments) {
    throw new MailRefused(552, `too many attachments (at most ${limits.attachments})`);
  }
  return fromAddress;
}

/** The bodies shown to advisors (sanitised HTML, text) and the key that tells a re-delivery. */
function contentOf(mail: ParsedMail, sender: string) {
  const html = mail.html ? sanitizeMailHtml(mail.html) : null;
  const text = mail.text ?? (mail.html ? htmlToText(mail.html) : "");
  const attachmentHashes = mail.attachments.map((a) => sha256(a.content));
  const content = sha256(mail.subject, text, mail.html ?? "", ...attachmentHashes);
  const dedupeKey = mail.messageId
    ? sha256("mid", sender, mail.messageId, content)
    : sha256("nomid", sender, mail.date?.toISOString().slice(0, 10) ?? "", content);
  return { html, text, dedupeKey, attachmentHashes };
}

/** Keeps the raw bytes and the attachments in the blob store (each fsynced) before the commit. */
async function keepBytes(rt: Runtime, raw: Buffer, mail: ParsedMail, hashes: string[]) {
  const [rawBlobKey, attachments] = await Promise.all([
    rt.blobs.put(raw, { kind: "raw", extension: "eml" }),
    Promise.all(
      mail.attachments.flatMap((a, i) =>
        a.size > limits.attachmentBytes
          ? []
          : [
              (async (): Promise<StoredAttachment> => ({
                filename: safeFilename(a.filename),
                contentType: a.contentType.slice(0, 200),
                size: a.size,
                sha256: hashes[i] ?? sha256(a.content),
                blobKey: await rt.blobs.put(a.content, { kind: "attachment" }),
                contentId: a.contentId,
                inline: a.inline,
              }))(),
            ],
      ),
    ),
  ]);
  return { rawBlobKey, attachments };
}

/** Robot or person, list or not: from the headers, the envelope and our own addresses. */
async function automationOf(
  directory: ReturnType<typeof brandDirectory>,
  mail: ParsedMail,
  envelope: MailEnvelope,
  fromAddress: string,
) {
  const ownAddresses = (await directory.all()).flatMap((b) => b.addresses);
  return classifyAutomation({
    autoSubmitted: mail.autoSubmitted,
    precedence: mail.precedence,
    listId: mail.listId,
    returnPath: envelope.mailFrom ?? mail.returnPath,
    fromAddress,
    contentType: mail.contentType,
    ownAddresses,
    headers: mail.headers,
  });
}

/** What the thread finder gets of a mail: our reply token, the Message-IDs it answers, the subject's references. */
function threadHintsOf(rt: Runtime, ws: string, mail: ParsedMail, envelope: MailEnvelope) {
  const token = readReplyToken(
    [...envelope.recipients, mail.inReplyTo ?? "", ...mail.references].map((c) => `<${c}>`),
    { workspaceId: ws, hmac: replyTokenHmac(rt.secret) },
  );
  return {
    tokenConversationId: token?.conversationId ?? null,
    messageIds: [mail.inReplyTo, ...mail.references].filter((x): x is string => !!x),
    subjectReferences: parseReferences(mail.subject),
  };
}

/**
 * Reads and judges one mail, ready to be stored with others: brand, parse, bounce, sender, content,
 * re-delivery, then (for a new mail) automation, authentication, spam and its bytes kept.
 */
async function prepareMail(
  rt: Runtime,
  directory: ReturnType<typeof brandDirectory>,
  looks: ReturnType<typeof earlierLooks>,
  raw: Buffer,
  envelope: MailEnvelope,
): Promise<PreparedMail> {
  const brand = await brandOf(directory, envelope);
  const ws = brand.workspaceId;
  const mail = await parseMail(raw);
  const toReturnPath = envelope.recipients.some((r) => isVerpAddress(r));
  const bounce = await receiveBounce(rt, ws, mail, raw, envelope, toReturnPath);
  if (bounce.handled) return { kind: "aside", note: bounce.note };
  const fromAddress = senderAddressOf(mail, envelope);
  const sender = normalizeAddress(fromAddress);
  const { html, text, dedupeKey, attachmentHashes } = contentOf(mail, sender);
  const earlier = await looks.submit({ workspaceId: ws, messageId: mail.messageId, dedupeKey });
  const flags = [...mail.defects, ...(earlier.reused ? ["message_id_reused"] : [])];
  const message: InboundMessage = {
    workspaceId: ws,
    channel: "email",
    brandId: brand.id,
    from: {
      email: sender,
      name: mail.from?.name ?? null,
      seenWith: mail.cc.map((a) => a.address).slice(0, 50),
    },
    subject: mail.subject,
    bodyText: text,
    bodyHtml: html,
    externalId: mail.messageId,
    dedupeKey,
  };
  if (earlier.redelivered) {
    // Answer what the first delivery got (the intake finds it by its key); no bytes written twice.
    return { kind: "mail", message, acknowledgement: null };
  }

  const automation = await automationOf(directory, mail, envelope, fromAddress);
  const ours = await authenticationResults(rt, raw, {
    ip: envelope.clientIp ?? null,
    helo: envelope.helo ?? null,
    mailFrom: envelope.mailFrom,
  });
  const spam = await spamVerdict(rt, ws, mail, text, raw, ours);
  const kept = await keepBytes(rt, raw, mail, attachmentHashes);
  return {
    kind: "mail",
    message: {
      ...message,
      knownNew: true,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      thread: { ...threadHintsOf(rt, ws, mail, envelope), senderDisowned: spam.senderDisowned },
      flags: automation.automated
        ? [...flags, ...automation.reasons.map((r) => `automated:${r}`)]
        : flags,
      rawBlobKey: kept.rawBlobKey,
      attachments: kept.attachments,
      spam,
      autoReply: automation.reasons.some((r) => autoReplyReasons.has(r)),
      bulk: automation.reasons.some((r) => bulkReasons.has(r)),
    },
    acknowledgement: {
      automation,
      spam: spam.likely,
      senderDisowned: spam.senderDisowned,
      senderAddress: sender,
      text,
      inboundMessageId: mail.messageId,
    },
  };
}

type ReadyMail = Extract<PreparedMail, { kind: "mail" }>;

/** In the batch's transaction: the acknowledgements its new mails are owed. */
function acknowledgeIfDue(rt: Runtime, mails: ReadyMail[]): AfterBatch {
  return (tx, stored) =>
    acknowledgeStored(
      rt,
      tx,
      stored.flatMap((s) => {
        const context = mails[s.index]?.acknowledgement;
        return context ? [{ ...s, context }] : [];
      }),
    );
}

/** Stores mails read together in one transaction, their acknowledgements with them. */
async function storeMails(rt: Runtime, mails: ReadyMail[]): Promise<Settled<IngestOutcome>[]> {
  const results = await receiveBatch(
    rt,
    mails.map((m) => m.message),
    acknowledgeIfDue(rt, mails),
  );
  const asides: SetAside[] = [];
  const outcomes = results.map((r, i): Settled<IngestOutcome> => {
    if (r.ok) return { ok: true, value: { kind: "message", intake: r.value } };
    const mail = mails[i];
    if (!(r.error instanceof NoThread) || !mail) return r;
    asides.push({
      workspaceId: mail.message.workspaceId,
      data: {
        reason: "an automatic reply to no conversation",
        automation: mail.acknowledgement?.automation.reasons ?? [],
        raw_blob_key: mail.message.rawBlobKey,
      },
    });
    return { ok: true, value: { kind: "aside", note: "automatic reply set aside" } };
  });
  await recordSetAside(rt, asides);
  return outcomes;
}

/**
 * Mails being read: a batch about to be written waits for them, at most `withinMs`, so that mails
 * arriving together commit together. With nothing being read, nobody waits.
 */
function arrivals(withinMs: number) {
  let reading = 0;
  let arrived: Array<() => void> = [];
  const wake = () => {
    const waiting = arrived;
    arrived = [];
    for (const done of waiting) done();
  };
  return {
    async track<T>(work: Promise<T>): Promise<T> {
      reading++;
      try {
        return await work;
      } finally {
        reading--;
        if (reading === 0) wake();
      }
    },
    gathered(): Promise<void> {
      if (reading === 0 || withinMs <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, withinMs);
        arrived.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/**
 * The mail intake: each mail is read and judged on its own, then stored together with the mails
 * that arrived meanwhile (group commit). The promise resolves once the mail's batch committed.
 */
export function mailIntake(
  rt: Runtime,
  directory = brandDirectory(rt),
  options = { maxBatch: 64, gatherMs: 3 },
) {
  const looks = earlierLooks(rt);
  const reading = arrivals(options.gatherMs);
  const batches = groupCommitter<ReadyMail, IngestOutcome>((mails) => storeMails(rt, mails), {
    maxBatch: options.maxBatch,
    keyOf: (m) => m.message.workspaceId,
    gather: reading.gathered,
  });
  return {
    directory,
    async ingest(raw: Buffer, envelope: MailEnvelope): Promise<IngestOutcome> {
      const prepared = await reading.track(prepareMail(rt, directory, looks, raw, envelope));
      if (prepared.kind === "aside") return prepared;
      return batches.submit(prepared);
    },
  };
}
