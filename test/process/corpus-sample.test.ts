// Real-world mail through the real SMTP receiver: 300 mails of the public SpamAssassin corpus, spread
// evenly over it, are each stored (250) or refused with a stated reason (5xx); none fails as a 451.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { feedOverSmtp } from "../helpers/corpus-feed.ts";
import {
  embeddedDatabaseUrl,
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../helpers/rapport-process.ts";
import { loadCorpus, readCorpusMail } from "../helpers/spam-corpus.ts";

const folder = mkdtempSync(path.join(tmpdir(), "rapport-corpus-sample-"));
const dataDir = path.join(folder, "data");
const started: RapportProcess[] = [];
// Mails that once broke intake, always in the sample: a body that decodes to NUL (was a 451
// forever) and a From that is no valid envelope sender (fed with the fixed one).
const hardCases = [
  "spam-2/01384.e23f94030a4393f0825eacd9de99eb31.txt",
  "spam-2/00135.9996d6845094dcec94b55eb1a828c7c4.txt",
];

afterAll(() => removeDesk(dataDir, started, folder));

describe("the SMTP receiver fed with real mail", () => {
  it("stores or refuses with a reason each of 300 corpus mails, and stays healthy", async () => {
    const server = await startRapport(rapportEnv(dataDir));
    started.push(server);
    const mails = [
      ...loadCorpus(300 - hardCases.length).filter((m) => !hardCases.includes(m.name)),
      ...hardCases.map(readCorpusMail),
    ];
    expect(mails).toHaveLength(300);

    const results = await feedOverSmtp(server.smtpPort, mails, {
      connections: 2,
      recipient: "support@rapport.localhost",
    });

    const accepted = results.filter((r) => r.answer.code === 250);
    const repeated = accepted.filter((r) => r.answer.text.includes("already received"));
    // A bounce about a message we never sent is answered 250 and set aside, not stored as a message.
    const setAside = accepted.filter((r) => !r.answer.text.includes("stored as"));
    const refused = results.filter((r) => r.answer.code >= 500 && r.answer.code < 600);
    const other = results.filter(
      (r) => r.answer.code !== 250 && !(r.answer.code >= 500 && r.answer.code < 600),
    );
    process.stdout.write(
      `corpus sample: ${accepted.length} accepted (${repeated.length} already received, ${setAside.length} set aside), ${refused.length} refused` +
        `${setAside.map((r) => `\n  ${r.name}: ${r.answer.text}`).join("")}` +
        `${refused.map((r) => `\n  ${r.name}: ${r.answer.code} ${r.answer.text}`).join("")}\n`,
    );
    expect(results).toHaveLength(300);
    expect(other.map((r) => `${r.name}: ${r.answer.code} ${r.answer.text}`)).toEqual([]);
    // A refusal says why, in words after its code.
    for (const r of refused) expect(r.answer.text, r.name).toMatch(/^5\d\d \S.{8,}/);

    const db = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
    await db.connect();
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from messages where direction = 'inbound'",
    );
    await db.end();
    expect(rows[0]?.n).toBe(accepted.length - repeated.length - setAside.length);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await stopRapport(server)).toBe(0);
  });
});
