// Builds the console (web/dist) when it is missing or older than its sources: `npm install` runs it
// (the `prepare` script) so that `npm start` only checks; `--force` rebuilds. A failed build fails loudly.
// Each asset is also written gzipped and brotli-compressed beside itself, so the server sends the
// smaller file without compressing on every request.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "web", "dist", "index.html");

function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function fail(why) {
  process.stderr.write(
    `\nrapport: the console (web/) could not be built: ${why}\n` +
      "Run `npm run build:web` to see the whole error; `npm start` cannot serve the console without it.\n",
  );
  process.exit(1);
}

if (
  process.argv.includes("--force") ||
  !existsSync(built) ||
  newest(path.join(root, "web")) > statSync(built).mtimeMs
) {
  const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(vite))
    fail("vite is not installed (node_modules/vite is missing): run `npm install`");
  const began = Date.now();
  const result = spawnSync(
    process.execPath,
    [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (result.error) fail(result.error.message);
  if (result.signal) fail(`vite was stopped by ${result.signal}`);
  if (result.status !== 0) fail(`vite exited with code ${result.status}`);
  if (!existsSync(built)) fail("vite finished but wrote no web/dist/index.html");
  precompress(path.join(root, "web", "dist", "assets"));
  process.stderr.write(`rapport: console built in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
}

/** Writes `x.gz` and `x.br` beside every text asset worth compressing (images are already packed). */
function precompress(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      precompress(full);
      continue;
    }
    if (!/\.(js|css|html|svg|json|txt|map)$/.test(entry.name)) continue;
    const raw = readFileSync(full);
    if (raw.length < 1024) continue;
    writeFileSync(`${full}.gz`, gzipSync(raw, { level: 9 }));
    writeFileSync(
      `${full}.br`,
      brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
    );
  }
}
