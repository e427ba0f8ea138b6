// When storage fails, the SMTP receiver answers 451 (the sender keeps the mail and retries), never a
// 250 and never a 5xx; once the database is back, the same mail is taken, once.
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let admin: pg.Client;
let database: string;

beforeAll(async () => {
  server = await startTestServer({ RAPPORT_DEMO: "0" });
  const url = new URL(server.running.booted.databaseUrl);
  database = url.pathname.slice(1);
  url.pathname = "/postgres";
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
});
afterAll(async () => {
  await admin?.query(`alter database ${database} allow_connections true`).catch(() => {});
  await admin?.end();
  await server?.stop();
});

const raw =
  "From: Oscar <oscar@example.org>\r\nTo: support@rapport.localhost\r\nSubject: Still there?\r\n" +
  "Message-ID: <storage-1@example.org>\r\n\r\nHello, is anyone there?\r\n";
const send = () =>
  nodemailer
    .createTransport({ host: "127.0.0.1", port: server.smtpPort, secure: false, ignoreTLS: true })
    .sendMail({ envelope: { from: "oscar@example.org", to: ["support@rapport.localhost"] }, raw });

describe("a storage failure during SMTP intake", () => {
  it("answers 451, then takes the retried mail once the database is back", async () => {
    // The database refuses new connections and loses the ones it had: the intake cannot commit.
    await admin.query(`alter database ${database} allow_connections false`);
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [
      database,
    ]);
    await expect(send()).rejects.toMatchObject({ responseCode: 451 });

    await admin.query(`alter database ${database} allow_connections true`);
    const info = await send();
    expect(info.response).toMatch(/^250 .*stored as/);
    const again = await send();
    expect(again.response).toMatch(/already received/);
    const { rows } = await server.running.booted.rt.db.execute(
      sql`select count(*)::int as n from messages where external_id = 'storage-1@example.org'`,
    );
    expect(rows[0]?.n).toBe(1);
  });
});
