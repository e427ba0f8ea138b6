// The counts a busy desk asks for read small partial indexes: one advisor's Spam tab, the workload
// report's open conversations and answers, and a customer's glance (all index-only). Plans are read with
// sequential scans priced out, so that a small test desk answers as a million-conversation one would.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerCountsOf, openLoadCounts } from "../../src/commands/reports/workload-report.ts";
import { viewCount } from "../../src/store/queries/conversation-views.ts";
import { customerCounts } from "../../src/store/queries/customers.ts";
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
  it("the Spam count reads conversations_spam_assignee", async () => {
    const filter = {
      workspaceId: desk.workspaceId,
      assigneeId: desk.users.advisor.id,
      now: new Date(),
    };
    const scans = await scansOf(viewCount(desk.booted.rt.db, filter, "spam").toSQL());
    expect(scans).toEqual([expect.stringMatching(/ on conversations_spam_assignee$/)]);
  });
});

describe("the workload report", () => {
  it("counts open conversations from their index alone", async () => {
    const query = openLoadCounts(desk.booted.rt.db, desk.workspaceId, new Date()).toSQL();
    expect(await scansOf(query)).toEqual(["Index Only Scan on conversations_open_load"]);
  });

  it("counts each advisor's answers of the period from their index alone", async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const query = answerCountsOf(desk.booted.rt.db, desk.workspaceId, from, to).toSQL();
    expect(await scansOf(query)).toEqual(["Index Only Scan on messages_human_answers"]);
  });
});

describe("a customer's glance", () => {
  it("counts their conversations from their index alone", async () => {
    const customerId = "00000000-0000-4000-8000-000000000001";
    const query = customerCounts(desk.booted.rt.db, desk.workspaceId, customerId).toSQL();
    expect(await scansOf(query)).toEqual(["Index Only Scan on conversations_customer_facts"]);
  });
});
