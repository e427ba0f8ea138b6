// One look at a mailbox's folder: the mails above the last UID taken (under the folder's current
// UIDVALIDITY) go through the mail intake in chunks, each mail committed before it is marked on the
// server (flagged or moved) and before the last UID moves past it. A crash anywhere leaves the rest
// for the next look, and a mail read twice is known by the intake's dedupe key: each is kept once.
import type { ImapFlow } from "imapflow";
import type { Runtime } from "../../runtime.ts";
import { adoptUidValidity, advanceLastUid, type Mailbox } from "../../store/queries/mailboxes.ts";
import { MailRefused, type mailIntake } from "../email/ingest-mail.ts";
import { defaultMaxSize } from "../email/smtp-intake.ts";

export type MailIntake = ReturnType<typeof mailIntake>;

/** The desk could not store a mail (its database away…): the mail waits on the server. */
export class StorageTrouble extends Error {
  constructor(
    readonly uid: number,
    cause: unknown,
  ) {
    super("a mail could not be stored yet; it stays on the server and is taken again", { cause });
  }
}

/** A chunk is read into memory at once: at most this many mails, or bytes. */
const chunkMails = 100;
const chunkBytes = 50 * 1024 * 1024;

type Found = { uid: number; size: number };

/** The new mails' UIDs (ascending) and sizes; `n:*` names the last mail even below n: kept out. */
async function newMails(client: ImapFlow, lastUid: number): Promise<Found[]> {
  const found: Found[] = [];
  for await (const m of client.fetch(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true }))
    if (m.uid > lastUid) found.push({ uid: m.uid, size: m.size ?? 0 });
  return found.sort((a, b) => a.uid - b.uid);
}

function chunksOf(found: Found[]): Found[][] {
  const chunks: Found[][] = [];
  let current: Found[] = [];
  let bytes = 0;
  for (const f of found) {
    if (current.length > 0 && (current.length >= chunkMails || bytes + f.size > chunkBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

type Taken = { uid: number; outcome: "stored" | "refused"; error?: unknown };

/** Reads a chunk's bytes and hands each mail to the intake; settles when every one is decided. */
async function takeChunk(
  rt: Runtime,
  client: ImapFlow,
  mailbox: Mailbox,
  intake: MailIntake,
  chunk: Found[],
): Promise<Array<Taken | { uid: number; failed: unknown }>> {
  const tooBig = new Set(chunk.filter((f) => f.size > defaultMaxSize).map((f) => f.uid));
  const wanted = chunk.filter((f) => !tooBig.has(f.uid)).map((f) => f.uid);
  const sources = new Map<number, Buffer>();
  if (wanted.length > 0)
    for await (const m of client.fetch(
      wanted.join(","),
      { uid: true, source: true },
      { uid: true },
    ))
      if (m.source) sources.set(m.uid, m.source);
  return Promise.all(
    chunk.map(async ({ uid }) => {
      const raw = sources.get(uid);
      if (!raw) {
        rt.log.warn({ mailbox: mailbox.id, uid }, "mail too big or unreadable; left on the server");
        return { uid, outcome: "refused" as const };
      }
      try {
        await intake.ingest(raw, { mailFrom: null, recipients: [], brandId: mailbox.brandId });
        return { uid, outcome: "stored" as const };
      } catch (error) {
        if (!(error instanceof MailRefused)) return { uid, failed: error };
        rt.log.warn(
          { mailbox: mailbox.id, uid, reason: error.message },
          "mail refused; left on the server",
        );
        return { uid, outcome: "refused" as const };
      }
    }),
  );
}

/** Flags (`\Seen` and the keyword) or moves the stored mails; refused ones stay as they were. */
async function markTaken(client: ImapFlow, mailbox: Mailbox, uids: number[]): Promise<void> {
  if (uids.length === 0) return;
  const range = uids.join(",");
  if (mailbox.afterTaking === "move" && mailbox.moveTo) {
    const moved = await client.messageMove(range, mailbox.moveTo, { uid: true });
    if (moved === false)
      throw new Error(`could not move the mail to the folder "${mailbox.moveTo}"`);
    return;
  }
  const flagged = await client.messageFlagsAdd(range, ["\\Seen", mailbox.keyword], { uid: true });
  if (flagged === false) throw new Error("the server refused to flag the mail taken");
}

/**
 * Takes every new mail of the open folder; returns how many were stored. Stops at the first mail
 * the intake could not store (the database away…): what came before it is kept and marked, the
 * rest waits for the next look, which the caller makes after its backoff.
 */
export async function takeNewMail(
  rt: Runtime,
  client: ImapFlow,
  mailbox: Mailbox,
  intake: MailIntake,
): Promise<number> {
  const folder = client.mailbox;
  if (!folder) throw new Error("no folder is open");
  const uidValidity = Number(folder.uidValidity);
  const lastUid = await adoptUidValidity(rt.db, mailbox, uidValidity);
  let stored = 0;
  for (const chunk of chunksOf(await newMails(client, lastUid))) {
    const results = await takeChunk(rt, client, mailbox, intake, chunk);
    const firstFailure = results.findIndex((r) => "failed" in r);
    const done = (firstFailure === -1 ? results : results.slice(0, firstFailure)) as Taken[];
    const storedUids = done.filter((r) => r.outcome === "stored").map((r) => r.uid);
    await markTaken(client, mailbox, storedUids);
    const last = done.at(-1);
    if (last) await advanceLastUid(rt.db, mailbox, uidValidity, last.uid, rt.now());
    stored += storedUids.length;
    const failure = results[firstFailure];
    if (failure && "failed" in failure) throw new StorageTrouble(failure.uid, failure.failed);
  }
  return stored;
}
