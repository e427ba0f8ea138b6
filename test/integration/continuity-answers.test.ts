// continuity_answers, the table the continuity report reads, against what it stands for: after each
// kind of write that changes a human answer or what it is judged against (a reply, a failed
// delivery, a customer's advisor and backup, a conversation's team and spam flag, a merge and its
// undo), its rows are exactly those the messages, conversations and customers give.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemPrincipal } from "../../src/commands/access/principal.ts";
import { mergeCustomers } from "../../src/commands/customer/merge-customers.ts";
import { undoMerge } from "../../src/commands/customer/undo-merge.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { runCommand } from "../../src/commands/run-command.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const db = () => desk.booted.rt.db;

async function inbound(email: string, subject: string) {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("admin"),
    payload: { channel: "form", from: { email }, subject, body: `About ${subject}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { conversation_id: string; customer_id: string };
}

async function reply(conversationId: string, as: "advisor" | "manager") {
  const res = await desk.app.inject({
    method: "POST",
    url: `/api/v1/conversations/${conversationId}/messages`,
    headers: desk.as(as),
    payload: { kind: "reply", body: "Here is the answer." },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const columns = sql.raw(
  "workspace_id, id, conversation_id, customer_id, answered_at, author_user_id, team_id, spam, advisor_id, backup_id",
);

/** The table's rows, and the rows the messages, conversations and customers give now. */
async function keptAndTruth() {
  const kept = await db().execute(sql`select ${columns} from continuity_answers order by id`);
  const truth = await db().execute(sql`
    select m.workspace_id, m.id, c.id as conversation_id, c.customer_id, m.created_at as answered_at,
           m.author_user_id, c.team_id, c.spam, cu.advisor_id, cu.backup_id
    from messages m
    join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
    join customers cu on cu.workspace_id = c.workspace_id and cu.id = c.customer_id
    where m.direction = 'outbound' and m.author_kind = 'user' and m.author_user_id is not null
      and not m.automated and (m.delivery is null or m.delivery not in ('failed', 'bounced'))
    order by m.id`);
  return { kept: kept.rows, truth: truth.rows };
}

async function expectInStep(count: number) {
  const { kept, truth } = await keptAndTruth();
  expect(kept).toEqual(truth);
  expect(kept).toHaveLength(count);
}

describe("the answers the continuity report reads", () => {
  it("follow every write that changes an answer or what it is judged against", async () => {
    const ws = desk.workspaceId;
    const { advisor, manager } = desk.users;
    const first = await inbound("first@continuity.test", "First");
    const second = await inbound("second@continuity.test", "Second");
    await expectInStep(0);

    await reply(first.conversation_id, "advisor");
    const failing = await reply(first.conversation_id, "manager");
    await reply(second.conversation_id, "manager");
    await expectInStep(3);

    await db().execute(sql`update messages set delivery = 'bounced' where id = ${failing}`);
    await expectInStep(2);
    await db().execute(sql`update messages set delivery = 'sent' where id = ${failing}`);
    await expectInStep(3);

    await db().execute(sql`update customers set advisor_id = ${advisor.id}, backup_id = ${manager.id}
      where workspace_id = ${ws} and id = ${first.customer_id}`);
    await expectInStep(3);

    const team = desk.booted.rt.newId();
    await db().execute(
      sql`insert into teams (workspace_id, id, name) values (${ws}, ${team}, 'Continuity')`,
    );
    await db().execute(sql`update conversations set team_id = ${team}
      where workspace_id = ${ws} and id = ${second.conversation_id}`);
    await db().execute(sql`update conversations set spam = true
      where workspace_id = ${ws} and id = ${first.conversation_id}`);
    await expectInStep(3);
    await db().execute(sql`update conversations set spam = false
      where workspace_id = ${ws} and id = ${first.conversation_id}`);

    const principal = systemPrincipal(ws, systemActor);
    const { mergeId } = await runCommand(desk.booted.rt, mergeCustomers, principal, {
      customerId: first.customer_id,
      otherId: second.customer_id,
    });
    await expectInStep(3);
    await runCommand(desk.booted.rt, undoMerge, principal, { mergeId });
    await expectInStep(3);
  });

  it("counts the answers the report counts, through the report", async () => {
    const res = await desk.app.inject({
      method: "GET",
      url: "/api/v1/reports/continuity",
      headers: desk.as("manager"),
    });
    expect(res.statusCode, res.body).toBe(200);
    // Two conversations answered: one customer with an advisor (answered by them and their backup).
    expect(res.json()).toMatchObject({
      totals: { conversations: 2, with_advisor: 1, kept: 1 },
    });
  });
});
