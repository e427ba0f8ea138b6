// What an advisor's reads cost on a seeded desk (npm run bench:seed), over HTTP with a token: p50/p95
// wall time and server time (Server-Timing) per read, then the server's RSS. Run: npm run bench:reads
// Uses the desk of RAPPORT_DATA_DIR (or DATABASE_URL): reuses the Rapport running on it, else starts
// one. BENCH_RUNS (20) runs per read, each read bounded by BENCH_SECONDS (20); BENCH_SEED is the
// seeder's last stdout line (heavy customer, words), else the first customer listed and a few words.
import path from "node:path";
import { memoryOf, stopRapport } from "../test/helpers/rapport-process.ts";
import { createToken, getter, openDesk, percentile, type Sample } from "./http-desk.ts";

const runs = Number(process.env.BENCH_RUNS ?? 20);
const secondsPerRead = Number(process.env.BENCH_SECONDS ?? 20);
const dataDir = path.resolve(process.env.RAPPORT_DATA_DIR ?? "./data");
const seed = process.env.BENCH_SEED
  ? (JSON.parse(process.env.BENCH_SEED) as { heavy_customer_id: string; words: string[] })
  : null;

type Row = { read: string; samples: Sample[]; note: string };

async function main() {
  const { url, pid, started } = await openDesk(dataDir);
  const get = getter(url, createToken(dataDir, "bench-reads"));
  const rows: Row[] = [];
  type Page = { items: Array<Record<string, unknown>>; next_cursor: string | null };
  /** Runs `read` up to BENCH_RUNS times (after one warm-up), within BENCH_SECONDS. */
  const measure = async (read: string, run: () => Promise<Sample[]>, note = "") => {
    await run();
    const samples: Sample[] = [];
    const deadline = performance.now() + secondsPerRead * 1000;
    for (let i = 0; i < runs && performance.now() < deadline; i++) samples.push(...(await run()));
    // A list with a single page gives a walk nothing to measure: say so rather than print 0 runs.
    if (samples.length === 0)
      note = "not measured: a single page (BENCH_SEED names the heavy customer)";
    rows.push({ read, samples, note });
    process.stderr.write(`bench: ${read} done\n`);
  };
  const once = (pathAndQuery: string) => async () => [(await get(pathAndQuery)).sample];
  /** Pages 2..pages of a list, following next_cursor: one sample per page. */
  const walk = (base: string, pages: number) => async () => {
    const samples: Sample[] = [];
    let cursor = ((await get(base)).body as Page).next_cursor;
    for (let i = 2; i <= pages && cursor; i++) {
      const { body, sample } = await get(
        `${base}${base.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`,
      );
      samples.push(sample);
      cursor = (body as Page).next_cursor;
    }
    return samples;
  };

  // What the desk holds, found through the API itself.
  const inbox = (await get("/api/v1/conversations?limit=100")).body as Page;
  const sample = inbox.items.find((c) => c.assignee_id) ?? inbox.items[0];
  if (!sample) throw new Error("the desk is empty: run npm run bench:seed first");
  const brands = [...new Set(inbox.items.map((c) => c.brand_id as string))];
  const heavyId = seed?.heavy_customer_id ?? (sample.customer_id as string);
  const someone = (await get(`/api/v1/customers/${sample.customer_id}`)).body as {
    name: string;
    identities: Array<{ kind: string; value: string }>;
  };
  const email = someone.identities.find((i) => i.kind === "email")?.value;
  const phone = someone.identities.find((i) => i.kind === "phone")?.value;
  const lastName = someone.name.split(" ").at(-1) ?? someone.name;
  const words = seed?.words ?? ["commande", "livraison", "parcel", "refund"];

  await measure("inbox, first page", once("/api/v1/conversations"));
  for (const status of ["new", "open", "waiting_customer", "closed", "new,open"])
    await measure(`inbox, status=${status}`, once(`/api/v1/conversations?status=${status}`));
  for (const brand of brands)
    await measure(`inbox, brand=${brand.slice(-6)}`, once(`/api/v1/conversations?brand=${brand}`));
  await measure("inbox, assignee", once(`/api/v1/conversations?assignee=${sample.assignee_id}`));
  if (email)
    await measure(
      "inbox, customer_email",
      once(`/api/v1/conversations?customer_email=${encodeURIComponent(email)}`),
    );
  await measure("inbox, spam=true", once("/api/v1/conversations?spam=true"));
  await measure("inbox, spam=false", once("/api/v1/conversations?spam=false"));
  await measure("inbox, pages 2–20", walk("/api/v1/conversations", 20), "one sample per page");
  await measure(
    "inbox closed, pages 2–20",
    walk("/api/v1/conversations?status=closed", 20),
    "one sample per page",
  );
  await measure("unanswered, first page", once("/api/v1/unanswered"));
  await measure("unanswered, pages 2–5", walk("/api/v1/unanswered", 5), "one sample per page");
  await measure("workload report (last 7 days)", once("/api/v1/reports/workload"));
  await measure("one conversation + messages", once(`/api/v1/conversations/${sample.id}`));
  await measure("customer profile (heavy)", once(`/api/v1/customers/${heavyId}`));
  await measure("customer summary (heavy)", once(`/api/v1/customers/${heavyId}/summary`));
  await measure("timeline first page (heavy)", once(`/api/v1/customers/${heavyId}/timeline`));
  await measure("timeline pages 2–5 (heavy)", walk(`/api/v1/customers/${heavyId}/timeline`, 5));
  await measure(
    `customer search q=${lastName}`,
    once(`/api/v1/customers?q=${encodeURIComponent(lastName)}`),
  );
  await measure("customers newest, pages 2–5", walk("/api/v1/customers", 5));
  if (email) {
    await measure(
      "customer by email",
      once(`/api/v1/customers?email=${encodeURIComponent(email)}`),
    );
    const part = email.split("@")[0] ?? email;
    await measure(
      `customer search q=${part}`,
      once(`/api/v1/customers?q=${encodeURIComponent(part)}`),
    );
  }
  if (phone) {
    await measure(
      "customer by phone",
      once(`/api/v1/customers?phone=${encodeURIComponent(phone)}`),
    );
    await measure(
      "customer search q=<phone digits>",
      once(`/api/v1/customers?q=${encodeURIComponent(phone.slice(-9))}`),
    );
  }
  for (const word of words)
    await measure(`search q=${word}`, once(`/api/v1/conversations?q=${encodeURIComponent(word)}`));
  const two = words.slice(0, 2).join(" ");
  await measure(`search q=${two}`, once(`/api/v1/conversations?q=${encodeURIComponent(two)}`));
  await measure(
    `search q=${words.at(-1)}, pages 2–5`,
    walk(`/api/v1/conversations?q=${encodeURIComponent(words.at(-1) ?? "")}`, 5),
  );
  // Words that each match a third of the desk but never together (one English, one French): the
  // case a selectivity estimate gets most wrong. Then a word found nowhere, and a French form.
  await measure("search q=order livraison", once("/api/v1/conversations?q=order%20livraison"));
  await measure("search q=hippopotame (no match)", once("/api/v1/conversations?q=hippopotame"));
  await measure(
    `search q=reçue (French form)`,
    once(`/api/v1/conversations?q=${encodeURIComponent("reçue")}`),
  );
  await measure("search by reference", once(`/api/v1/conversations?q=${sample.reference}`));
  for (const q of [lastName, words[0] ?? "order", words.at(-1) ?? "glasses"])
    await measure(`search everywhere q=${q}`, once(`/api/v1/search?q=${encodeURIComponent(q)}`));
  await measure(
    "search by [#reference]",
    once(`/api/v1/conversations?q=${encodeURIComponent(`[#${sample.reference}]`)}`),
  );

  const rss = memoryOf([pid]).rssBytes;
  const ms = (v: number) => v.toFixed(1).padStart(8);
  const width = Math.max(...rows.map((r) => r.read.length));
  const lines = [
    `${"read".padEnd(width)}  runs  wall p50  wall p95  srv p50   srv p95`,
    ...rows.map((r) => {
      const wall = r.samples.map((s) => s.wall);
      const server = r.samples.map((s) => s.server);
      return `${r.read.padEnd(width)}  ${String(r.samples.length).padStart(4)}  ${ms(percentile(wall, 50))}  ${ms(percentile(wall, 95))}  ${ms(percentile(server, 50))}  ${ms(percentile(server, 95))}${r.note ? `  ${r.note}` : ""}`;
    }),
    `server RSS after the run: ${(rss / 1024 / 1024).toFixed(0)} MB (pid ${pid}); times in ms`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (started) await stopRapport(started);
}

await main();
