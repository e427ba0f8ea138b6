// The whole mail intake in-process (read, judge, store, acknowledge: what happens between the DATA
// and the 250), on the bench's mails in batches of a fixed size, against its own embedded PostgreSQL
// (fsync on): CPU per mail of this process and of PostgreSQL. Unlike the SMTP run, the batches do
// not depend on how fast the machine is, so the figure holds on a busy machine too.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { boot } from "../src/boot.ts";
import { mailIntake } from "../src/channels/email/ingest-mail.ts";
import { loadConfig } from "../src/config.ts";
import { postgresCpuSeconds, removeDesk } from "../test/helpers/rapport-process.ts";
import type { StepMail } from "./ingest-steps.ts";

export type IntakeCost = {
  batch: number;
  mails: number;
  /** This process: all its threads (the file system's and the garbage collector's too). */
  serverMs: number;
  /** Its main thread alone: the one that also speaks SMTP, and the one that runs out first. */
  mainThreadMs: number;
  postgresMs: number;
};

/** CPU milliseconds of this process's main thread (its task in /proc has the process's id). */
function mainThreadMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const spent = process.cpuUsage(since);
  return (spent.user + spent.system) / 1000;
};

/** Runs `mails` through the intake `batch` at a time (after a warm-up on the first ones). */
export async function intakeCost(
  mails: StepMail[],
  mailAuth: "dns" | "off",
  batch: number,
): Promise<IntakeCost> {
  const folder = mkdtempSync(path.join(tmpdir(), "rapport-bench-intake-"));
  const dataDir = path.join(folder, "data");
  const config = loadConfig({
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_DEMO: "0",
    RAPPORT_MAIL_AUTH: mailAuth,
    PORT: "0",
    SMTP_PORT: "0",
    DATABASE_URL: "",
  });
  const booted = await boot(config, { mode: "own", log: pino({ level: "silent" }) });
  try {
    // Every mail of a batch is read before the batch is written, whatever the machine's speed.
    const intake = mailIntake(booted.rt, undefined, { maxBatch: batch, gatherMs: 60_000 });
    const run = async (list: StepMail[]) => {
      for (let at = 0; at < list.length; at += batch) {
        await Promise.all(
          list.slice(at, at + batch).map((m) =>
            intake.ingest(m.raw, {
              mailFrom: m.from,
              recipients: ["support@rapport.localhost"],
              clientIp: "127.0.0.1",
              helo: "sender.test",
            }),
          ),
        );
      }
    };
    const warm = Math.min(mails.length / 4, 200);
    await run(mails.slice(0, warm));
    const measured = mails.slice(warm);
    const postgres = () => postgresCpuSeconds(dataDir) * 1000;
    const postgresBefore = postgres();
    const before = process.cpuUsage();
    const mainBefore = mainThreadMs();
    await run(measured);
    return {
      batch,
      mails: measured.length,
      serverMs: cpuMs(before) / measured.length,
      mainThreadMs: (mainThreadMs() - mainBefore) / measured.length,
      postgresMs: (postgres() - postgresBefore) / measured.length,
    };
  } finally {
    await booted.close();
    removeDesk(dataDir, [], folder);
  }
}
