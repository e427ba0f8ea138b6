// Mail leaves many at a time: the workers fetch queued sends in batches, not one per polling
// interval (which held a node to two mails a second however many were waiting).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type Workers } from "../../src/jobs/workers.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
let workers: Workers | null = null;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await workers?.stop();
  await desk?.close();
});

async function post(url: string, payload: object) {
  const answer = await desk.app.inject({
    method: "POST",
    url,
    headers: desk.as("advisor"),
    payload,
  });
  expect(answer.statusCode).toBe(201);
  return answer.json();
}

describe("sending queued mail", () => {
  it("sends the replies waiting in the queue a batch per fetch", async () => {
    const customers = 25;
    // Each customer's message is acknowledged by mail, then answered: two mails each.
    const waiting = customers * 2;
    for (let i = 0; i < customers; i++) {
      const created = await post("/api/v1/messages/inbound", {
        channel: "api",
        from: { email: `batch-${i}@example.com` },
        body: `Question ${i}`,
      });
      await post(`/api/v1/conversations/${created.conversation_id}/messages`, {
        kind: "reply",
        body: `Answer ${i}`,
      });
    }
    const sends = async () => {
      const { rows } = await desk.booted.rt.db.execute<{ done: number; fetches: number }>(sql`
        select count(*) filter (where state = 'completed')::int as done,
               count(distinct started_on)::int as fetches
          from pgboss.job where name = 'send-mail'`);
      return rows[0] as { done: number; fetches: number };
    };
    expect(await sends()).toEqual({ done: 0, fetches: 0 });

    workers = await startWorkers(desk.booted.rt);
    // Waits for the workers (a bounded number of looks), whatever the machine's speed.
    for (let look = 0; look < 600 && (await sends()).done < waiting; look++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { rows } = await desk.booted.rt.db.execute<{ sent: number }>(sql`
      select count(*)::int as sent from messages where direction = 'outbound' and delivery = 'sent'`);
    expect(rows[0]?.sent).toBe(waiting);
    // Jobs fetched together share their start time: three fetches of up to 20 took all 50.
    expect(await sends()).toEqual({ done: waiting, fetches: 3 });
  });
});
