// The chat widget, measured (not asserted): the gzipped and brotli sizes of what a site loads, and
// 1,000 concurrent visitor streams held by one `rapport start` process on loopback — its resident
// memory before, with them all open, and after they closed. Each visitor comes from its own address
// (the desk trusts loopback as a proxy here), as real visitors would, so the per-address limits hold.
// Run: npm run bench:widget (WIDGET_STREAMS, default 1000).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  memoryOf,
  rapportEnv,
  repositoryRoot,
  startRapport,
  stopRapport,
} from "../test/helpers/rapport-process.ts";

const streams = Number(process.env.WIDGET_STREAMS ?? 1000);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const manifest = JSON.parse(
  readFileSync(path.join(repositoryRoot, "widget", "dist", "manifest.json"), "utf8"),
) as Record<string, { bytes: number; gzipBytes: number }>;
for (const [name, m] of Object.entries(manifest)) {
  const br = readFileSync(path.join(repositoryRoot, "widget", "dist", `${name}.br`)).length;
  process.stdout.write(
    `widget ${name}: raw ${kB(m.bytes)}, gzip ${kB(m.gzipBytes)}, brotli ${kB(br)}\n`,
  );
}

const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-bench-widget-"));
const rapport = await startRapport(rapportEnv(dataDir, { RAPPORT_TRUST_PROXY: "loopback" }));
const sockets: http.ClientRequest[] = [];
try {
  const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const visitors: string[] = [];
  for (let i = 0; i < streams; i++) {
    const res = await fetch(`${rapport.url}/api/v1/widget/support/visitors`, {
      method: "POST",
      headers: { "x-forwarded-for": addressOf(i) },
    });
    if (res.status !== 201) throw new Error(`a visitor was refused: ${res.status}`);
    visitors.push(((await res.json()) as { visitor: string }).visitor);
  }
  await new Promise((r) => setTimeout(r, 500));
  const before = memoryOf([rapport.pid]);

  const began = performance.now();
  await Promise.all(
    visitors.map(
      (visitor, i) =>
        new Promise<void>((resolve, reject) => {
          const request = http.get(
            `${rapport.url}/api/v1/widget/support/stream?visitor=${encodeURIComponent(visitor)}`,
            { headers: { "x-forwarded-for": addressOf(i) }, agent: false },
            (response) => {
              if (response.statusCode !== 200) reject(new Error(`stream ${response.statusCode}`));
              // The first bytes (`retry:`) say the stream is held.
              response.once("data", () => resolve());
              response.on("error", () => undefined);
            },
          );
          request.on("error", reject);
          sockets.push(request);
        }),
    ),
  );
  const openMs = performance.now() - began;
  await new Promise((r) => setTimeout(r, 1000));
  const held = memoryOf([rapport.pid]);
  for (const socket of sockets) socket.destroy();
  sockets.length = 0;
  await new Promise((r) => setTimeout(r, 2000));
  const after = memoryOf([rapport.pid]);
  process.stdout.write(
    `${streams} widget streams opened in ${Math.round(openMs)} ms; rapport RSS before ${MB(before.rssBytes)}, ` +
      `with them open ${MB(held.rssBytes)} (+${kB((held.rssBytes - before.rssBytes) / streams)} a stream), ` +
      `after they closed ${MB(after.rssBytes)}\n`,
  );
} finally {
  for (const socket of sockets) socket.destroy();
  await stopRapport(rapport);
  rmSync(dataDir, { recursive: true, force: true });
}
