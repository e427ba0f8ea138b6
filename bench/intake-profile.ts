// The whole intake in-process on the bench's mails, for a CPU profile or a quick CPU-per-mail figure
// that a busy machine does not bend: BENCH_MAILS (1600) mails in batches of BENCH_BATCH (16), with
// authentication BENCH_AUTH (dns). Run: node --cpu-prof --import tsx bench/intake-profile.ts
import { intakeCost } from "./ingest-store.ts";
import { mailMix } from "./mail-mix.ts";

const count = Number(process.env.BENCH_MAILS ?? 1600);
const batch = Number(process.env.BENCH_BATCH ?? 16);
const auth = process.env.BENCH_AUTH === "off" ? "off" : "dns";
const senders = 16;
const mails = Array.from({ length: senders }, (_, s) =>
  mailMix({
    seed: 1000 + s,
    count: count / senders,
    to: "support@rapport.localhost",
    prefix: `p-${s}`,
  }),
)
  .flatMap((list, s) => list.map((mail, i) => ({ mail, order: i * senders + s })))
  .sort((a, b) => a.order - b.order)
  .map((m) => m.mail);
const cost = await intakeCost(mails, auth, batch);
console.log(
  `intake in-process, auth ${auth}, ${cost.mails} mails in batches of ${batch}: ` +
    `CPU per mail ${cost.serverMs.toFixed(2)} ms (main thread ${cost.mainThreadMs.toFixed(2)} ms), ` +
    `PostgreSQL ${cost.postgresMs.toFixed(2)} ms`,
);
