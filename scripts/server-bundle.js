// The server's code compiled once, at `npm install` (the `prepare` script), into dist/server: node then
// loads a few plain modules instead of each TypeScript source through tsx's loader (1.5 s of CPU at
// every start). bin/rapport.js uses it only while it is newer than every source it was built from.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist", "server");
const entry = path.join(root, "src", "cli", "main.ts");
/** The sources the bundle holds (esbuild's metafile, relative to the root), to tell when it is stale. */
const inputsFile = path.join(outdir, "inputs.json");

/**
 * The bundle's entry URL when it is as new as its sources (and as this script and the installed
 * packages); null to run the sources through tsx. `at` is the repository (another one in tests).
 */
export function freshBundle(at = root) {
  const main = path.join(at, "dist", "server", "main.js");
  const list = path.join(at, "dist", "server", "inputs.json");
  if (!existsSync(main) || !existsSync(list)) return null;
  const built = statSync(main).mtimeMs;
  const inputs = JSON.parse(readFileSync(list, "utf8"));
  for (const input of [...inputs, "package-lock.json", "scripts/server-bundle.js"]) {
    const file = path.join(at, input);
    if (!existsSync(file) || statSync(file).mtimeMs > built) return null;
  }
  return pathToFileURL(main).href;
}

/**
 * A source that finds files beside it (the migrations, the console, a package's require) reads
 * `import.meta.url`: in the bundle it must still name the source's place, not the bundle's.
 */
const sourcePlaces = {
  name: "source-places",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const relative = path.relative(outdir, args.path).split(path.sep).join("/");
      return {
        contents: text.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        ),
        loader: "ts",
      };
    });
  },
};

/** Builds dist/server; false (and the sources keep running through tsx) when esbuild is missing. */
export async function buildServer() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return false;
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { main: entry },
    outdir,
    bundle: true,
    // Each dynamic import (the HTTP and SMTP stacks) stays its own chunk, loaded when imported.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [sourcePlaces],
    absWorkingDir: root,
  });
  const inputs = Object.keys(result.metafile.inputs).filter(
    (input) => !input.startsWith("node_modules/"),
  );
  writeFileSync(inputsFile, JSON.stringify(inputs));
  return true;
}

// `--if-stale` (npm start's check): build only when the sources changed since the last build.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const began = Date.now();
  if (process.argv.includes("--if-stale") && freshBundle()) {
    // Fresh already: nothing to do.
  } else {
    // A failed build never fails the install: the sources still run through tsx, only slower.
    const built = await buildServer().catch((error) => {
      rmSync(outdir, { recursive: true, force: true });
      process.stderr.write(`rapport: the server could not be compiled: ${error.message}\n`);
      return false;
    });
    process.stderr.write(
      built
        ? `rapport: server compiled in ${((Date.now() - began) / 1000).toFixed(1)} s\n`
        : "rapport: the server runs its TypeScript sources through tsx\n",
    );
  }
}
