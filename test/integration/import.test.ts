// `rapport import customers|orders FILE.csv` run as a process on generated files of 100,000 customers
// and 300,000 orders, one row in a hundred bad: exit 1 naming each bad row by line and reason, the good
// rows written with their events, and the same files imported again change nothing at all.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { customersCsv, type GeneratedFile, ordersCsv } from "../helpers/import-files.ts";
import { repositoryRoot } from "../helpers/rapport-process.ts";

const customerRows = 100_000;
const orderRows = 300_000;
const slow = 20 * 60_000;

let desk: Desk;
let folder: string;
let customersFile: GeneratedFile;
let ordersFile: GeneratedFile;

beforeAll(async () => {
  desk = await startDesk();
  folder = mkdtempSync(path.join(tmpdir(), "rapport-import-"));
  customersFile = await customersCsv(path.join(folder, "customers.csv"), customerRows);
  ordersFile = await ordersCsv(path.join(folder, "orders.csv"), orderRows, customerRows);
});

afterAll(async () => {
  await desk?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

type Outcome = { code: number | null; stdout: string; stderr: string };

/** `node bin/rapport.js import …` attached to the desk's database, as an operator runs it. */
function rapport(args: string[]): Promise<Outcome> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    DATABASE_URL: desk.config.databaseUrl ?? "",
    RAPPORT_DATA_DIR: desk.config.dataDir,
    LOG_LEVEL: "silent",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/rapport.js", ...args], {
      cwd: repositoryRoot,
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const count = async (query: ReturnType<typeof sql>) =>
  Number(((await desk.booted.rt.db.execute(query)).rows[0] as { n: string }).n);

const state = async () => ({
  customers: await count(sql`select count(*) as n from customers`),
  identities: await count(sql`select count(*) as n from customer_identities`),
  orders: await count(sql`select count(*) as n from orders`),
  events: await count(sql`select count(*) as n from events`),
  imported: await count(sql`select count(*) as n from events where type = 'customer.imported'`),
  recorded: await count(sql`select count(*) as n from events where type = 'order.recorded'`),
  updated: await count(
    sql`select count(*) as n from events where type in ('customer.updated', 'order.updated')`,
  ),
});

/** The report's lines about rejected rows, by line number. */
const rejectedLines = (stdout: string) =>
  new Map(
    stdout.split("\n").flatMap((l) => {
      const m = /^line (\d+): (.*)$/.exec(l);
      return m ? [[Number(m[1]), m[2] ?? ""] as const] : [];
    }),
  );

function expectEachBadRowNamed(run: Outcome, file: GeneratedFile) {
  const named = rejectedLines(run.stdout);
  expect(named.size).toBe(file.bad.length);
  for (const bad of file.bad) {
    expect(named.get(bad.line), `line ${bad.line}`).toMatch(bad.reason);
  }
}

describe("rapport import, bad usage", () => {
  it("exits 2 for an unknown kind, a missing file or a file without the required columns", async () => {
    expect((await rapport(["import", "widgets", customersFile.path])).code).toBe(2);
    const missing = await rapport(["import", "orders", path.join(folder, "none.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot be read");
    const headless = path.join(folder, "headless.csv");
    writeFileSync(headless, "external_id,name\no-1,x\n");
    const noColumns = await rapport(["import", "orders", headless]);
    expect(noColumns.code).toBe(2);
    expect(noColumns.stderr).toContain("missing column(s) customer_external_id, ordered_at");
    expect(await state()).toMatchObject({ customers: 0, orders: 0 });
  });
});

describe("rapport import of 100,000 customers and 300,000 orders", () => {
  it("dry run: reports what it would do and writes nothing", { timeout: slow }, async () => {
    const before = await state();
    const run = await rapport(["import", "customers", customersFile.path, "--dry-run"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(
      "dry run, nothing written: customers: 100000 rows, 99000 created, 0 updated, 0 unchanged, 1000 rejected",
    );
    expectEachBadRowNamed(run, customersFile);
    expect(await state()).toEqual(before);
  });

  it("imports customers: exit 1, each bad row named by line and reason", {
    timeout: slow,
  }, async () => {
    const run = await rapport(["import", "customers", customersFile.path]);
    expect(run.code, run.stderr.slice(-2000)).toBe(1);
    expect(run.stdout).toContain(
      "customers: 100000 rows, 99000 created, 0 updated, 0 unchanged, 1000 rejected",
    );
    expectEachBadRowNamed(run, customersFile);
    // Progress went to stderr as lines (not a terminal), never to stdout.
    expect(run.stderr).toMatch(/import customers: 100000 rows read, \d+ rows\/s/);
    expect(await state()).toMatchObject({ customers: 99_000, imported: 99_000 });
    const [lea] = (
      await desk.booted.rt.db.execute(
        sql`select c.name, c.preferred_language, c.customer_since::text as since,
              (select count(*)::int from customer_identities i where i.customer_id = c.id) as identities
            from customers c where external_id = 'c-0000001'`,
      )
    ).rows;
    expect(lea).toEqual({
      name: "Customer 1",
      preferred_language: "fr",
      since: "2011-02-11",
      identities: 2,
    });
  });

  it("imports orders: exit 1, each bad row named by line and reason", {
    timeout: slow,
  }, async () => {
    const run = await rapport(["import", "orders", ordersFile.path]);
    expect(run.code, run.stderr.slice(-2000)).toBe(1);
    expect(run.stdout).toContain(
      "orders: 300000 rows, 297000 created, 0 updated, 0 unchanged, 3000 rejected",
    );
    expectEachBadRowNamed(run, ordersFile);
    expect(await state()).toMatchObject({ orders: 297_000, recorded: 297_000 });
    // Each order's event is on its customer's timeline.
    expect(
      await count(sql`select count(*) as n from events e join orders o
        on o.workspace_id = e.workspace_id and o.id = (e.data->>'order_id')::uuid
        where e.type = 'order.recorded' and e.customer_id = o.customer_id`),
    ).toBe(297_000);
  });

  it("imports both files again and changes nothing: no row, no event", {
    timeout: slow,
  }, async () => {
    const before = await state();
    const customersAgain = await rapport(["import", "customers", customersFile.path]);
    expect(customersAgain.code).toBe(1);
    expect(customersAgain.stdout).toContain(
      "customers: 100000 rows, 0 created, 0 updated, 99000 unchanged, 1000 rejected",
    );
    const ordersAgain = await rapport(["import", "orders", ordersFile.path]);
    expect(ordersAgain.code).toBe(1);
    expect(ordersAgain.stdout).toContain(
      "orders: 300000 rows, 0 created, 0 updated, 297000 unchanged, 3000 rejected",
    );
    expectEachBadRowNamed(ordersAgain, ordersFile);
    expect(await state()).toEqual(before);
  });

  it("updates what changed, with one event each, and exits 0 for a clean file", async () => {
    const before = await state();
    const customers = path.join(folder, "changed-customers.csv");
    writeFileSync(
      customers,
      "external_id,name,email\nc-0000002,Customer Two Renamed,\nc-0000003,Customer 3,\n",
    );
    const run = await rapport(["import", "customers", customers]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "customers: 2 rows, 0 created, 1 updated, 1 unchanged, 0 rejected",
    );
    const orders = path.join(folder, "changed-orders.csv");
    writeFileSync(
      orders,
      "external_id,customer_external_id,ordered_at,amount_minor,currency,status\n" +
        "o-0000004,c-0000004,2026-05-05T14:30:00Z,104,EUR,cancelled\n" +
        "o-new,c-0000004,2026-12-01,2500,JPY,paid\n",
    );
    const orderRun = await rapport(["import", "orders", orders]);
    expect(orderRun.code, orderRun.stdout + orderRun.stderr).toBe(0);
    expect(orderRun.stdout).toContain(
      "orders: 2 rows, 1 created, 1 updated, 0 unchanged, 0 rejected",
    );
    const after = await state();
    expect(after.updated - before.updated).toBe(2);
    expect(after.recorded - before.recorded).toBe(1);
    expect(after.customers).toBe(before.customers);
  });
});
