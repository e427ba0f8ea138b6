// How long the portal takes to answer "mail me a sign-in link" for an address that is a customer's
// and for one that is not: the two must not tell them apart (no account enumeration). Prints p50 and
// p99 of each, measured through the app (inject), on a scratch desk of the PostgreSQL server
// (DATABASE_URL, else 127.0.0.1:5432). BENCH_RUNS (200) answers of each kind. Run: npx tsx bench/portal-link.ts
import { buildApp } from "../src/http/app.ts";
import { receiveMessage } from "../src/intake/receive.ts";
import { percentile, withScratchDesk } from "./scratch-desk.ts";

const runs = Number(process.env.BENCH_RUNS ?? 200);
const customers = Math.ceil(runs / 4);

await withScratchDesk("bench_portal", async ({ desk, ws }) => {
  const app = await buildApp(desk.rt, { ready: true, waitingFor: "" });
  await app.ready();
  for (let i = 0; i < customers; i++) {
    await receiveMessage(desk.rt, {
      workspaceId: ws,
      channel: "form",
      from: { email: `customer-${i}@bench.example` },
      bodyText: "Where is my parcel?",
    });
  }
  const ask = async (email: string, i: number) => {
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/portal/support/magic-link",
      remoteAddress: `10.${(i >> 8) & 255}.${i & 255}.1`,
      payload: { email },
    });
    if (res.statusCode !== 202) throw new Error(`${res.statusCode} ${res.body}`);
    return performance.now() - started;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < runs; i++) {
    known.push(await ask(`customer-${i % customers}@bench.example`, 2 * i));
    unknown.push(await ask(`nobody-${i}@bench.example`, 2 * i + 1));
  }
  // The links are made after the answers: let the last ones land before the desk closes.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await app.close();
  const line = (name: string, times: number[]) =>
    `${name.padEnd(16)} p50 ${percentile(times, 50).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms`;
  process.stdout.write(
    `portal sign-in link, ${runs} answers each\n${line("known address", known)}\n${line("unknown address", unknown)}\n`,
  );
});
