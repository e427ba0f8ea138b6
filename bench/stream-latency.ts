// From a mail's 250 to its `message.created` on an open GET /api/v1/stream, measured (not asserted):
// N mails (BENCH_MAILS, default 300) sent one after another over real SMTP to a `rapport start`,
// each timed until it arrives on a stream of the same node and on a stream of a second node that
// shares the PostgreSQL server database (DATABASE_URL or 127.0.0.1:5432), created and dropped here.
// Run: npm run bench:stream
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onServer, serverUrl } from "../test/helpers/databases.ts";
import { readEventStream, type StreamEvent } from "../test/helpers/event-stream.ts";
import {
  type RapportProcess,
  rapportEnv,
  removeDesk,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";
import { openSmtp } from "../test/helpers/smtp-client.ts";

const mails = Math.min(Number(process.env.BENCH_MAILS ?? 300), 2_000);
const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-stream-"));
const database = `rapport_bench_stream_${randomBytes(4).toString("hex")}`;
const admin = { email: "admin@bench.test", password: "correct horse battery staple" };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const summary = (name: string, values: number[]) =>
  `${name}: p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, ` +
  `max ${Math.max(...values).toFixed(1)} ms (${values.length} mails)\n`;

await onServer(`create database ${database}`);
const nodes: RapportProcess[] = [];
try {
  for (const name of ["a", "b"]) {
    const env = rapportEnv(path.join(folder, name), {
      DATABASE_URL: serverUrl(database),
      RAPPORT_ADMIN_EMAIL: admin.email,
      RAPPORT_ADMIN_PASSWORD: admin.password,
    });
    nodes.push(await startRapport(env));
  }
  const [a, b] = nodes as [RapportProcess, RapportProcess];
  const signIn = await fetch(`${a.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const same = await readEventStream(`${a.url}/api/v1/stream`, { cookie });
  const other = await readEventStream(`${b.url}/api/v1/stream`, { cookie });
  while (same.retry === null || other.retry === null) await new Promise((r) => setTimeout(r, 20));

  const smtp = await openSmtp(a.smtpPort);
  const subjectOf = (e: StreamEvent) => {
    const data = e.data as { direction?: string; conversation?: { subject?: string } };
    return e.event === "message.created" && data.direction === "inbound"
      ? data.conversation?.subject
      : undefined;
  };
  const latencies = { same: [] as number[], other: [] as number[] };
  for (let i = 0; i < mails; i++) {
    const subject = `Bench ${i} ${randomBytes(3).toString("hex")}`;
    const raw =
      `From: Customer ${i} <customer${i}@example.com>\r\nTo: support@rapport.localhost\r\n` +
      `Subject: ${subject}\r\nMessage-ID: <bench-${i}-${subject.slice(-6)}@example.com>\r\n` +
      `Date: ${new Date().toUTCString()}\r\n\r\nWhere is order ${i}?\r\n`;
    const answer = await smtp.send(
      { from: `customer${i}@example.com`, to: ["support@rapport.localhost"] },
      raw,
    );
    if (answer.code !== 250) throw new Error(`mail ${i} refused: ${answer.text}`);
    const accepted = performance.now();
    const arrived = await Promise.all(
      [same, other].map((s) => s.next((e) => subjectOf(e) === subject, 30_000)),
    );
    // The event may be read before the 250 is: such a mail counts as 0 ms.
    latencies.same.push(Math.max(0, (arrived[0]?.at ?? accepted) - accepted));
    latencies.other.push(Math.max(0, (arrived[1]?.at ?? accepted) - accepted));
  }
  smtp.close();
  same.close();
  other.close();
  process.stdout.write(summary("250 → stream, same node", latencies.same));
  process.stdout.write(summary("250 → stream, second node", latencies.other));
} finally {
  await Promise.all(nodes.map((n) => stopRapport(n)));
  await onServer(`drop database if exists ${database} with (force)`);
  removeDesk(path.join(folder, "a"), nodes, folder);
}
