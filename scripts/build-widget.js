// Builds the chat widget (widget/ → widget/dist): the loader a site embeds (`widget.js`, plain
// TypeScript) and the frame's Preact app and styles, minified by esbuild, each written gzipped and
// brotli-compressed beside itself; prints their gzipped sizes. A manifest names each file's content
// hash so the frame page can ask for them under a URL cached for a year.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = path.join(root, "widget");
const outdir = path.join(sources, "dist");
const manifestFile = path.join(outdir, "manifest.json");

function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "dist") continue;
    const full = path.join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export async function buildWidget() {
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      widget: "widget/loader.ts",
      frame: "widget/frame/main.tsx",
      "frame-style": "widget/frame/frame.css",
    },
    outdir,
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    jsx: "automatic",
    jsxImportSource: "preact",
    legalComments: "none",
    logLevel: "warning",
  });
  const manifest = {};
  for (const name of ["widget.js", "frame.js", "frame-style.css"]) {
    const full = path.join(outdir, name);
    const raw = readFileSync(full);
    const gz = gzipSync(raw, { level: 9 });
    writeFileSync(`${full}.gz`, gz);
    writeFileSync(
      `${full}.br`,
      brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    manifest[name] = {
      hash: createHash("sha256").update(raw).digest("hex").slice(0, 16),
      bytes: raw.length,
      gzipBytes: gz.length,
    };
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const stale =
    process.argv.includes("--force") ||
    !existsSync(manifestFile) ||
    newest(sources) > statSync(manifestFile).mtimeMs;
  if (stale) {
    try {
      const manifest = await buildWidget();
      const sizes = Object.entries(manifest)
        .map(([name, m]) => `${name} ${(m.gzipBytes / 1024).toFixed(1)} KB gzipped`)
        .join(", ");
      process.stderr.write(`rapport: chat widget built: ${sizes}\n`);
    } catch (error) {
      process.stderr.write(`\nrapport: the chat widget (widget/) could not be built: ${error}\n`);
      process.exit(1);
    }
  }
}
