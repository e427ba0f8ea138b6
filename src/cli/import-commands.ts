// `rapport import customers|orders FILE.csv [--dry-run]`: the file is read as a stream, each row checked
// (domain/orders/import-rows.ts), and the good ones written a thousand at a time, each batch in one
// transaction, by the very commands the API runs. Rows refused are reported with their line and why.
import { createReadStream, statSync } from "node:fs";
import { parse } from "csv-parse";
import { boot } from "../boot.ts";
import { systemPrincipal } from "../commands/access/principal.ts";
import { importCustomers, type RowOutcome } from "../commands/customer/import-customers.ts";
import { systemActor } from "../commands/events/record-event.ts";
import { recordOrders } from "../commands/orders/record-orders.ts";
import { runCommand as runUseCase, type UseCase } from "../commands/run-command.ts";
import { openUnit } from "../commands/unit-of-work.ts";
import { loadConfig } from "../config.ts";
import {
  checkCustomerRow,
  checkOrderRow,
  duplicateOf,
  type RowCheck,
  requiredCustomerColumns,
  requiredOrderColumns,
} from "../domain/orders/import-rows.ts";
import type { Runtime } from "../runtime.ts";
import { analyzeTables } from "../store/analyze.ts";
import { progressOf } from "./import-progress.ts";
import { UsageError } from "./run-command.ts";

export const importKinds = ["customers", "orders"] as const;
export type ImportKind = (typeof importKinds)[number];

type Batch<T> = { rows: T[]; lines: number[] };

type Plan<T> = {
  required: readonly string[];
  check: (cells: Record<string, string>) => RowCheck<T>;
  write: UseCase<{ rows: T[] }, RowOutcome[]>;
  /** Tables read by key while importing, and the one filled. */
  tables: readonly string[];
};

const plans: { [K in ImportKind]: Plan<unknown> } = {
  customers: {
    required: requiredCustomerColumns,
    check: checkCustomerRow,
    write: importCustomers as UseCase<{ rows: unknown[] }, RowOutcome[]>,
    tables: ["customers", "customer_identities"],
  },
  orders: {
    required: requiredOrderColumns,
    check: checkOrderRow,
    write: recordOrders as UseCase<{ rows: unknown[] }, RowOutcome[]>,
    tables: ["customers", "orders"],
  },
};

export const batchSize = 1_000;
/** Planner statistics are refreshed this often while a table fills (every 50,000 rows). */
const analyzeEvery = 50;

const batchesInFlight = 2;

/** PostgreSQL's deadlock_detected: two batches that share an email or phone met in its index. */
const isDeadlock = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "40P01" || e?.cause?.code === "40P01";
};

/** A batch that lost a deadlock to its sibling is run again (it then sees the sibling's rows). */
async function withRetries<R>(write: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 3 || !isDeadlock(error)) throw error;
    }
  }
}

const rollback = Symbol("dry run");

/** Runs a use case and rolls its transaction back: what it would do, with nothing written. */
async function rehearse<I, R>(rt: Runtime, useCase: UseCase<I, R>, input: I, workspaceId: string) {
  const p = systemPrincipal(workspaceId, systemActor);
  let result: R | undefined;
  try {
    await rt.db.transaction(async (tx) => {
      result = await useCase(openUnit(rt, tx, p), p, input);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return result as R;
}

export type ImportReport = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reason: string }>;
};

export async function importFile(
  rt: Runtime,
  workspaceId: string,
  kind: ImportKind,
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const plan = plans[kind];
  const size = statSync(file).size;
  const report: ImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
  const p = systemPrincipal(workspaceId, systemActor);
  const run = (input: { rows: unknown[] }) =>
    options.dryRun
      ? rehearse(rt, plan.write, input, workspaceId)
      : runUseCase(rt, plan.write, p, input);
  let missing: string[] = [];
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        missing = plan.required.filter((c) => !names.includes(c));
        return names;
      },
    }),
  );
  parser.on("skip", (error: Error & { lines?: number }) => {
    report.rows += 1;
    report.rejected.push({ line: error.lines ?? 0, reason: error.message });
  });
  const progress = progressOf(`import ${kind}`, size);
  const firstLines = new Map<string, number>();
  let written = 0;
  const flush = async (batch: Batch<unknown>) => {
    const outcomes = await withRetries(() => run({ rows: batch.rows }));
    for (const o of outcomes) {
      if (o.status === "rejected") {
        report.rejected.push({ line: batch.lines[o.index] ?? 0, reason: o.reason });
      } else report[o.status] += 1;
    }
    written += 1;
    if (!options.dryRun && written % analyzeEvery === 0) await analyzeTables(rt.db, plan.tables);
  };
  // Batches hold distinct external ids, so two are written at once, each in its own transaction,
  // while the next one is read and checked.
  const inFlight = new Set<Promise<void>>();
  const send = async (batch: Batch<unknown>) => {
    while (inFlight.size >= batchesInFlight) await Promise.race(inFlight);
    const writing = flush(batch).finally(() => inFlight.delete(writing));
    writing.catch(() => {});
    inFlight.add(writing);
  };
  let batch: Batch<unknown> = { rows: [], lines: [] };
  try {
    await analyzeTables(rt.db, plan.tables);
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; bytes: number };
    }>) {
      if (missing.length > 0) break;
      report.rows += 1;
      progress.update(info.bytes, report.rows);
      const checked = plan.check(record);
      const reason = checked.ok
        ? duplicateOf(firstLines, (checked.row as { externalId: string }).externalId, info.lines)
        : checked.reason;
      if (reason !== null || !checked.ok) {
        report.rejected.push({ line: info.lines, reason: reason ?? "" });
        continue;
      }
      batch.rows.push(checked.row);
      batch.lines.push(info.lines);
      if (batch.rows.length >= batchSize) {
        await send(batch);
        batch = { rows: [], lines: [] };
      }
    }
    if (missing.length > 0) {
      throw new UsageError(`${file}: missing column(s) ${missing.join(", ")}`);
    }
    if (batch.rows.length > 0) await send(batch);
    await Promise.all(inFlight);
  } finally {
    progress.stop();
    parser.destroy();
  }
  if (!options.dryRun) await analyzeTables(rt.db, plan.tables);
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

export async function importCommand(
  kind: string,
  file: string,
  options: { dryRun?: boolean },
): Promise<"failed" | undefined> {
  if (!(importKinds as readonly string[]).includes(kind)) {
    throw new UsageError(`import what? customers or orders, not "${kind}"`);
  }
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file}: not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot be read`);
  }
  const booted = await boot(loadConfig(), { mode: "attach" });
  try {
    const report = await importFile(
      booted.rt,
      booted.workspaceId,
      kind as ImportKind,
      file,
      options,
    );
    const out: string[] = report.rejected.map((r) => `line ${r.line}: ${r.reason}`);
    out.push(
      `${options.dryRun ? "dry run, nothing written: " : ""}${kind}: ${report.rows} rows, ` +
        `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ` +
        `${report.rejected.length} rejected`,
    );
    process.stdout.write(`${out.join("\n")}\n`);
    return report.rejected.length > 0 ? "failed" : undefined;
  } finally {
    await booted.close();
  }
}
