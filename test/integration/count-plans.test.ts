// The counts a busy desk asks for read small partial indexes: one advisor's Spam and Lists & bulk tabs,
// and the workload report's open conversations (index-only). Plans are read with sequential scans
// priced out, so that a small test desk answers as a million-conversation one would.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLoadCounts } from "../../src/commands/reports/workload-report.ts";
import { viewCount } from "../../src/store/queries/conversation-views.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let client: pg.Client;
beforeAll(async () => {
  desk = await startDesk();
  client = new pg.Client({ connectionString: desk.config.databaseUrl });
  await client.connect();
  await client.query("set enable_seqscan = off");
});
afterAll(async () => {
  await client?.end();
  await desk?.close();
});

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

/** Each scan of the plan as "Node Type on index". */
async function scansOf(query: { sql: string; params: unknown[] }): Promise<string[]> {
  const explained = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
    `explain (format json) ${query.sql}`,
    query.params,
  );
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (typeof node["Index Name"] === "string")
      scans.push(`${node["Node Type"]} on ${node["Index Name"]}`);
    else if (String(node["Node Type"]).includes("Scan") && node["Relation Name"])
      scans.push(`${node["Node Type"]} of ${node["Relation Name"]}`);
    for (const child of node.Plans ?? []) walk(child);
  };
  const [plan] = explained.rows[0]?.["QUERY PLAN"] ?? [];
  if (plan) walk(plan.Plan);
  return scans;
}

describe("one advisor's tab counts", () => {
  it.each([
    ["spam", "conversations_spam_assignee"],
    ["bulk", "conversations_bulk_activity"],
  ] as const)("the %s count reads %s", async (view, index) => {
    const filter = {
      workspaceId: desk.workspaceId,
      assigneeId: desk.users.advisor.id,
      now: new Date(),
    };
    const scans = await scansOf(viewCount(desk.booted.rt.db, filter, view).toSQL());
    expect(scans).toEqual([expect.stringMatching(new RegExp(` on ${index}$`))]);
  });
});

describe("the workload report", () => {
  it("counts open conversations from their index alone", async () => {
    const query = openLoadCounts(desk.booted.rt.db, desk.workspaceId, new Date()).toSQL();
    expect(await scansOf(query)).toEqual(["Index Only Scan on conversations_open_load"]);
  });
});
