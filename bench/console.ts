// The console as a browser meets it, measured (not asserted): the bundle's size raw, gzipped and
// brotli-compressed as served, first paint and first contentful paint of the inbox for a signed-in
// advisor on a cold cache, and each main screen's load time until its content shows.
// Run: npm run bench:console (BENCH_RUNS, default 5; Chromium at CHROMIUM_PATH or /usr/bin/chromium).
import { readdirSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { openConsoleDesk } from "../scripts/console-desk.ts";
import { consoleScreens } from "../test/helpers/browser.ts";
import { repositoryRoot } from "../test/helpers/rapport-process.ts";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const assets = path.join(repositoryRoot, "web", "dist", "assets");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;

function bundleSizes() {
  const size = (file: string) => statSync(path.join(assets, file)).size;
  const plain = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const total = (suffix: string) => plain.reduce((sum, f) => sum + size(`${f}${suffix}`), 0);
  return { files: plain.length, raw: total(""), gzip: total(".gz"), brotli: total(".br") };
}

const sizes = bundleSizes();
process.stdout.write(
  `console bundle (${sizes.files} files, JS + CSS): raw ${kB(sizes.raw)}, gzip ${kB(sizes.gzip)}, brotli ${kB(sizes.brotli)}\n`,
);

const desk = await openConsoleDesk();
try {
  const signedIn = await desk.signedIn("en");
  const session = await signedIn.context().storageState();
  await signedIn.context().close();

  const paints = { fp: [] as number[], fcp: [] as number[], rows: [] as number[] };
  const loads = new Map<string, number[]>(consoleScreens.map((s) => [s.name, []]));
  for (let run = 0; run < runs; run++) {
    // A new context each run: a cold HTTP cache, the advisor's session already open.
    const context = await desk.browser.newContext({ baseURL: desk.url, storageState: session });
    const page = await context.newPage();
    await page.goto("/");
    await page.locator("a.conversation-row").first().waitFor();
    // Read in the page: its paint entries, and now (the conversations are listed).
    const timing = (await page.evaluate(`({
      paints: performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]),
      rows: performance.now(),
    })`)) as { paints: Array<[string, number]>; rows: number };
    paints.fp.push(timing.paints.find(([name]) => name === "first-paint")?.[1] ?? Number.NaN);
    paints.fcp.push(
      timing.paints.find(([name]) => name === "first-contentful-paint")?.[1] ?? Number.NaN,
    );
    paints.rows.push(timing.rows);
    for (const screen of consoleScreens) {
      const began = performance.now();
      await page.goto(screen.path(desk.facts));
      await page.locator(screen.ready).first().waitFor();
      loads.get(screen.name)?.push(performance.now() - began);
    }
    await context.close();
  }
  process.stdout.write(
    `inbox on a cold cache, signed in (median of ${runs}): first paint ${ms(median(paints.fp))}, ` +
      `first contentful paint ${ms(median(paints.fcp))}, conversations listed ${ms(median(paints.rows))}\n`,
  );
  process.stdout.write("page load until its content shows (full load, warm cache), median:\n");
  for (const [name, values] of loads) {
    process.stdout.write(
      `  ${name.padEnd(14)} ${ms(median(values))} (max ${ms(Math.max(...values))})\n`,
    );
  }
  process.stdout.write(`load average at the end: ${loadavg()[0]?.toFixed(2)}\n`);
} finally {
  await desk.close();
}
