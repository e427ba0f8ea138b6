// PostgreSQL refuses to run as root: when Rapport runs as root, the embedded cluster runs as the
// existing `postgres` system user, who must be able to reach the binaries and the cluster folder.
import { execFileSync } from "node:child_process";
import { chmodSync, statSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";

export type RunAs = { uid: number; gid: number; name: string } | null;

export class ClusterError extends Error {}

/** Who the cluster runs as: nobody special for an ordinary user, `postgres` for root. */
export function clusterUser(): RunAs {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid, name: "postgres" };
  } catch {
    throw new ClusterError(
      "Rapport runs as root, and PostgreSQL refuses to run as root, but there is no 'postgres' " +
        "system user to run the embedded database as. Either create one " +
        "(useradd --system --user-group --home-dir /nonexistent postgres), run Rapport as an " +
        "ordinary user, or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
}

function canSearch(dir: string, user: NonNullable<RunAs>): boolean {
  const s = statSync(dir);
  if (s.uid === user.uid) return (s.mode & 0o100) !== 0;
  if (s.gid === user.gid) return (s.mode & 0o010) !== 0;
  return (s.mode & 0o001) !== 0;
}

/**
 * Lets `user` traverse every folder above `target` by adding the search bit (o+x, never read)
 * where it is missing — a folder made by `mktemp -d` is 0700 and would otherwise lock it out.
 */
export function ensureReachable(target: string, user: RunAs, log: Logger): void {
  if (user === null) return;
  const blocked: string[] = [];
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    if (!canSearch(dir, user)) blocked.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of blocked) {
    try {
      chmodSync(folder, statSync(folder).mode | 0o001);
    } catch (error) {
      throw new ClusterError(
        `the 'postgres' user cannot enter ${folder}, and Rapport could not allow it ` +
          `(${(error as Error).message}). Run: chmod o+x ${folder}`,
      );
    }
  }
  if (blocked.length > 0) {
    log.warn(
      { folders: blocked },
      "let the postgres user traverse these folders (search permission only) to reach the embedded database",
    );
  }
}
