// IMAP mailboxes against a real Dovecot: created through the API (the password sealed, never
// answered), mail appended to the folder arrives as conversations of the mailbox's brand whatever
// its To says, is flagged or moved only once committed, a new UIDVALIDITY reads the folder again
// without a second copy, and a refused login shows as an error state with a readable reason.
import { eq, sql } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MailboxPoller, startMailboxPoller } from "../../src/channels/imap/mailbox-poller.ts";
import { conversations, mailboxes, messages } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { type Dovecot, dovecotAvailable, startDovecot } from "../helpers/dovecot.ts";
import { eventually } from "../helpers/eventually.ts";

const here = dovecotAvailable();
let desk: Desk;
let dovecot: Dovecot;
let poller: MailboxPoller;
let second: MailboxPoller | null = null;
let brandId: string;
let imap: ImapFlow;

type Role = "admin" | "manager" | "advisor" | "unbound";
const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  role: Role,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  desk.app.inject({
    method,
    url,
    headers: { ...desk.as(role), ...headers },
    ...(payload ? { payload } : {}),
  });

beforeAll(async () => {
  if (!here) return;
  [desk, dovecot] = await Promise.all([startDesk(), startDovecot()]);
  const brand = await call("POST", "/api/v1/brands", "admin", {
    name: "Maison Lumière",
    slug: "lumiere",
    addresses: ["bonjour@lumiere.test"],
  });
  brandId = brand.json().id;
  poller = startMailboxPoller(desk.booted.rt, desk.booted.databaseUrl, {
    pollMs: 60_000,
    maxRetryMs: 300,
    scanMs: 100,
  });
  imap = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await imap.connect();
});

afterAll(async () => {
  await imap?.logout().catch(() => {});
  await poller?.stop();
  await second?.stop();
  await desk?.close();
  await dovecot?.stop();
});

let sequence = 0;
function mail(subject: string, extra: string[] = []) {
  sequence += 1;
  const messageId = `imap-${sequence}-${Date.now()}@customer.test`;
  const raw = [
    `From: Camille Roux <camille${sequence}@customer.test>`,
    // Written to another address: the mailbox, not the To, says which brand it is for.
    "To: someone-else@elsewhere.test",
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    ...extra,
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Bonjour, ${subject.toLowerCase()}.`,
    "",
  ].join("\r\n");
  return { messageId, raw };
}

const storedCopies = async (messageId: string) =>
  (
    await desk.booted.rt.db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(eq(messages.externalId, messageId))
  )[0]?.n ?? 0;

/** The flags of each mail of `folder`, by Message-ID. */
async function flagsIn(folder: string): Promise<Map<string, Set<string>>> {
  const lock = await imap.getMailboxLock(folder);
  try {
    // The folder may have been open already: NOOP brings what changed since.
    await imap.noop();
    const found = new Map<string, Set<string>>();
    if (!imap.mailbox || imap.mailbox.exists === 0) return found;
    for await (const m of imap.fetch("1:*", { envelope: true, flags: true }))
      found.set(m.envelope?.messageId?.replace(/^<|>$/g, "") ?? "", m.flags ?? new Set());
    return found;
  } finally {
    lock.release();
  }
}

async function mailboxRow(id: string) {
  const [row] = await desk.booted.rt.db.select().from(mailboxes).where(eq(mailboxes.id, id));
  if (!row) throw new Error("no mailbox row");
  return row;
}

let mailboxId: string;

describe.skipIf(!here)("IMAP mailboxes", () => {
  it("creates a mailbox once per Idempotency-Key, its password sealed and never answered", async () => {
    const body = {
      brand_id: brandId,
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      user: dovecot.user,
      password: dovecot.password,
    };
    const key = { "idempotency-key": "mailbox-once" };
    const created = await call("POST", "/api/v1/mailboxes", "admin", body, key);
    expect(created.statusCode, created.body).toBe(201);
    const again = await call("POST", "/api/v1/mailboxes", "admin", body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(created.json().id);
    mailboxId = created.json().id;
    expect(created.json()).toMatchObject({
      brand_id: brandId,
      folder: "INBOX",
      after_taking: "flag",
      keyword: "$Rapport",
      state: "connecting",
      last_error: null,
    });
    const one = await call("GET", `/api/v1/mailboxes/${mailboxId}`, "admin");
    const list = await call("GET", "/api/v1/mailboxes", "admin");
    for (const answer of [created, again, one, list]) {
      expect(answer.body).not.toContain(dovecot.password);
      expect(answer.body).not.toContain("password");
    }
    expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([mailboxId]);
    const row = await mailboxRow(mailboxId);
    expect(row.passwordSealed).not.toContain(dovecot.password);
    expect(row.passwordSealed).toMatch(/^v1\./);
    const events = await desk.booted.rt.db.execute(
      sql`select count(*)::int as n from events where type like 'mailbox.%' and (data::text || coalesce(after::text, '')) like ${`%${dovecot.password}%`}`,
    );
    expect(events.rows[0]).toEqual({ n: 0 });
    expect((await call("GET", "/api/v1/mailboxes", "advisor")).statusCode).toBe(403);
    expect(
      (await call("POST", "/api/v1/mailboxes", "manager", { ...body, password: "x" })).statusCode,
    ).toBe(403);
  });

  it("takes appended mail as conversations of the mailbox's brand, flagged once stored", async () => {
    const sent = [mail("Ma commande"), mail("Une question"), mail("Un retour")];
    for (const m of sent) await imap.append("INBOX", m.raw);
    for (const m of sent) await eventually(async () => (await storedCopies(m.messageId)) === 1);
    const brandsOf = await desk.booted.rt.db
      .select({ brandId: conversations.brandId })
      .from(messages)
      .innerJoin(
        conversations,
        sql`${conversations.workspaceId} = ${messages.workspaceId} and ${conversations.id} = ${messages.conversationId}`,
      )
      .where(sql`${messages.externalId} in ${sent.map((m) => m.messageId)}`);
    expect(brandsOf.map((b) => b.brandId)).toEqual([brandId, brandId, brandId]);
    const flags = await eventually(async () => {
      const f = await flagsIn("INBOX");
      return sent.every((m) => f.get(m.messageId)?.has("$Rapport")) && f;
    });
    for (const m of sent) expect([...(flags.get(m.messageId) ?? [])]).toContain("\\Seen");
    const row = await eventually(async () => {
      const r = await mailboxRow(mailboxId);
      return r.state === "idle" && r.lastSuccessAt && r;
    });
    expect(row.lastUid).toBe(3);
    expect(row.uidValidity).toBeGreaterThan(0);
  });

  it("leaves a mail the desk could not store unflagged, and takes it once storage is back", async () => {
    const db = desk.booted.rt.db;
    await db.execute(
      sql.raw(`create function refuse_imap_test() returns trigger language plpgsql as $$
        begin
          if new.subject = 'Stockage en panne' then raise exception 'storage is down'; end if;
          return new;
        end $$;
        create trigger refuse_imap_test before insert on messages
          for each row execute function refuse_imap_test();`),
    );
    const failing = mail("Stockage en panne");
    await imap.append("INBOX", failing.raw);
    const troubled = await eventually(async () => {
      const r = await mailboxRow(mailboxId);
      return r.state === "error" && r;
    });
    expect(troubled.lastError).toBe(
      "a mail could not be stored yet; it stays on the server and is taken again",
    );
    expect((await flagsIn("INBOX")).get(failing.messageId)?.has("$Rapport")).toBe(false);
    expect(await storedCopies(failing.messageId)).toBe(0);
    await db.execute(
      sql.raw("drop trigger refuse_imap_test on messages; drop function refuse_imap_test();"),
    );
    await eventually(async () => (await storedCopies(failing.messageId)) === 1);
    await eventually(async () => (await flagsIn("INBOX")).get(failing.messageId)?.has("$Rapport"));
    expect((await mailboxRow(mailboxId)).lastUid).toBe(4);
  });

  it("moves taken mail to another folder when told so", async () => {
    await imap.mailboxCreate("Rapport");
    const changed = await call("PATCH", `/api/v1/mailboxes/${mailboxId}`, "admin", {
      after_taking: "move",
      move_to: "Rapport",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const moving = mail("À déplacer");
    await imap.append("INBOX", moving.raw);
    await eventually(async () => (await flagsIn("Rapport")).has(moving.messageId));
    expect((await flagsIn("INBOX")).has(moving.messageId)).toBe(false);
    expect(await storedCopies(moving.messageId)).toBe(1);
  });

  it("reads a folder whose UIDVALIDITY changed from its start again, each mail kept once", async () => {
    await imap.mailboxCreate("Support");
    const first = [mail("Premier"), mail("Second")];
    for (const m of first) await imap.append("Support", m.raw);
    const moved = await call("PATCH", `/api/v1/mailboxes/${mailboxId}`, "admin", {
      folder: "Support",
      after_taking: "flag",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const m of first) await eventually(async () => (await storedCopies(m.messageId)) === 1);
    const before = await eventually(async () => {
      const r = await mailboxRow(mailboxId);
      return r.lastUid === 2 && r;
    });
    // The folder made again: new UIDVALIDITY, the same two mails and a third.
    await imap.mailboxDelete("Support");
    await imap.mailboxCreate("Support");
    const third = mail("Troisième");
    for (const m of [...first, third]) await imap.append("Support", m.raw);
    // Wake the session: a change to the mailbox restarts it.
    await call("PATCH", `/api/v1/mailboxes/${mailboxId}`, "admin", { keyword: "$Rapport2" });
    await eventually(async () => (await storedCopies(third.messageId)) === 1);
    const after = await eventually(async () => {
      const r = await mailboxRow(mailboxId);
      return r.lastUid === 3 && r;
    });
    expect(after.uidValidity).not.toBe(before.uidValidity);
    for (const m of first) expect(await storedCopies(m.messageId)).toBe(1);
  });

  it("shows a refused login as an error with a readable reason, never the password", async () => {
    const wrong = "not-the-right-one-4321";
    const created = await call("POST", "/api/v1/mailboxes", "admin", {
      brand_id: brandId,
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      user: dovecot.user,
      password: wrong,
    });
    expect(created.statusCode, created.body).toBe(201);
    const failed = await eventually(async () => {
      const answer = (await call("GET", `/api/v1/mailboxes/${created.json().id}`, "admin")).json();
      return answer.state === "error" && answer;
    });
    expect(failed.last_error).toMatch(/refused the user name or password/);
    expect(failed.last_error).not.toContain(wrong);
    expect(failed.last_error_at).not.toBeNull();
    const deleted = await call("DELETE", `/api/v1/mailboxes/${created.json().id}`, "admin");
    expect(deleted.statusCode).toBe(204);
  });

  it("reports a password it cannot open (sealed under another secret) and keeps serving", async () => {
    const other = "x".repeat(40);
    const { seal } = await import("../../src/store/sealed-box.ts");
    await desk.booted.rt.db
      .update(mailboxes)
      .set({ passwordSealed: seal(other, "mailbox-password", mailboxId, dovecot.password) })
      .where(eq(mailboxes.id, mailboxId));
    await call("PATCH", `/api/v1/mailboxes/${mailboxId}`, "admin", { keyword: "$Rapport3" });
    const failed = await eventually(async () => {
      const r = await mailboxRow(mailboxId);
      return r.state === "error" && r;
    });
    expect(failed.lastError).toBe(
      "the stored password cannot be read with this desk's secret; enter it again",
    );
    await call("PATCH", `/api/v1/mailboxes/${mailboxId}`, "admin", { password: dovecot.password });
    await eventually(async () => (await mailboxRow(mailboxId)).state === "idle");
  });

  it("is held by one poller at a time, and another takes it over when the holder stops", async () => {
    const locksHeld = async () =>
      (
        await desk.booted.rt.db.execute(
          sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = ${0x52617070} and granted`,
        )
      ).rows[0];
    second = startMailboxPoller(desk.booted.rt, desk.booted.databaseUrl, {
      pollMs: 60_000,
      maxRetryMs: 300,
      scanMs: 100,
    });
    const before = mail("Deux pollers");
    await imap.append("Support", before.raw);
    await eventually(async () => (await storedCopies(before.messageId)) === 1);
    expect(await locksHeld()).toEqual({ n: 1 });
    await poller.stop();
    const after = mail("Reprise");
    await imap.append("Support", after.raw);
    await eventually(async () => (await storedCopies(after.messageId)) === 1);
    expect(await locksHeld()).toEqual({ n: 1 });
    expect(await storedCopies(before.messageId)).toBe(1);
  });
});
