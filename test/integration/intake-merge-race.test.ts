// The intake against a merge or its undo of the sender's customer, interleaved step by step on two
// connections: whichever commits first, the new conversation and message end on the customer that
// holds the sender's identity once both have committed — never on a merged profile.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemPrincipal } from "../../src/commands/access/principal.ts";
import { mergeCustomers } from "../../src/commands/customer/merge-customers.ts";
import { undoMerge } from "../../src/commands/customer/undo-merge.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { runCommand, type UseCase } from "../../src/commands/run-command.ts";
import { openUnit } from "../../src/commands/unit-of-work.ts";
import { type InboundMessage, receiveBatch } from "../../src/intake/receive.ts";
import { conversations, customerIdentities, messages } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { eventually } from "../helpers/eventually.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

const principal = () => systemPrincipal(desk.workspaceId, systemActor);

const message = (email: string, subject: string): InboundMessage => ({
  workspaceId: desk.workspaceId,
  channel: "api",
  from: { email, name: "" },
  subject,
  bodyText: "Bonjour, une question sur ma commande.",
});

/** Stores one message and answers what the intake gave it. */
async function receive(email: string, subject: string) {
  const [result] = await receiveBatch(desk.booted.rt, [message(email, subject)]);
  if (!result?.ok) throw new Error(`not stored: ${String(result?.error)}`);
  return result.value;
}

/** A gate a transaction waits at, opened by the test. */
function gate() {
  let open = () => {};
  let reached = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const arrived = new Promise<void>((r) => {
    reached = r;
  });
  return { open, opened, reached, arrived };
}

/** Runs a use case in a transaction held open at the gate once its work is done. */
function heldOpen<I, R>(useCase: UseCase<I, R>, input: I, at: ReturnType<typeof gate>) {
  const rt = desk.booted.rt;
  return rt.db.transaction(async (tx) => {
    const result = await useCase(openUnit(rt, tx, principal()), principal(), input);
    at.reached();
    await at.opened;
    return result;
  });
}

/** Resolves once another session of the test database waits for a row lock. */
const someoneWaitsForALock = () =>
  eventually(async () => {
    const waiting = await desk.booted.rt.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return (waiting.rows[0]?.n ?? 0) > 0;
  });

/** Where the message and its conversation ended, and who holds the address. */
async function whereItLanded(messageId: string, conversationId: string, email: string) {
  const db = desk.booted.rt.db;
  const [m] = await db
    .select({ customerId: messages.authorCustomerId })
    .from(messages)
    .where(eq(messages.id, messageId));
  const [c] = await db
    .select({ customerId: conversations.customerId })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  const [i] = await db
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(eq(customerIdentities.value, email));
  return { message: m?.customerId, conversation: c?.customerId, identity: i?.customerId };
}

describe("the intake racing a merge", () => {
  it("puts a message that waited for a merge's commit on the survivor", async () => {
    const survivor = (await receive("keeps@race.test", "First")).customerId;
    const absorbed = (await receive("absorbed@race.test", "Second")).customerId;
    const merge = gate();
    const merging = heldOpen(mergeCustomers, { customerId: survivor, otherId: absorbed }, merge);
    await merge.arrived;
    // The merge has moved everything and holds both customers; the intake reads before its commit.
    const racing = receiveBatch(desk.booted.rt, [message("absorbed@race.test", "Meanwhile")]);
    await someoneWaitsForALock();
    merge.open();
    await merging;
    const [result] = await racing;
    if (!result?.ok) throw new Error(`not stored: ${String(result?.error)}`);
    expect(result.value.customerId).toBe(survivor);
    expect(
      await whereItLanded(
        result.value.messageId,
        result.value.conversationId,
        "absorbed@race.test",
      ),
    ).toEqual({ message: survivor, conversation: survivor, identity: survivor });
  });

  it("moves a message stored while the merge waited with the rest of the merged customer", async () => {
    const survivor = (await receive("stays@race.test", "First")).customerId;
    const absorbed = (await receive("goes@race.test", "Second")).customerId;
    const intake = gate();
    const racing = receiveBatch(
      desk.booted.rt,
      [message("goes@race.test", "Meanwhile")],
      async () => {
        intake.reached();
        await intake.opened;
      },
    );
    await intake.arrived;
    // The intake has written the message on the customer it locked; the merge must wait for it.
    const merging = runCommand(desk.booted.rt, mergeCustomers, principal(), {
      customerId: survivor,
      otherId: absorbed,
    });
    await someoneWaitsForALock();
    intake.open();
    const [result] = await racing;
    if (!result?.ok) throw new Error(`not stored: ${String(result?.error)}`);
    expect(result.value.customerId).toBe(absorbed);
    const merged = await merging;
    expect(merged.moved["conversations.customer_id"]).toContain(result.value.conversationId);
    expect(merged.moved["messages.author_customer_id"]).toContain(result.value.messageId);
    expect(
      await whereItLanded(result.value.messageId, result.value.conversationId, "goes@race.test"),
    ).toEqual({ message: survivor, conversation: survivor, identity: survivor });
  });

  it("gives a message that waited for an undo's commit back to the restored customer", async () => {
    const survivor = (await receive("remains@race.test", "First")).customerId;
    const absorbed = (await receive("returns@race.test", "Second")).customerId;
    const { mergeId } = await runCommand(desk.booted.rt, mergeCustomers, principal(), {
      customerId: survivor,
      otherId: absorbed,
    });
    const undo = gate();
    const undoing = heldOpen(undoMerge, { mergeId }, undo);
    await undo.arrived;
    // The intake reads the address on the survivor, before the undo gives it back.
    const racing = receiveBatch(desk.booted.rt, [message("returns@race.test", "Meanwhile")]);
    await someoneWaitsForALock();
    undo.open();
    await undoing;
    const [result] = await racing;
    if (!result?.ok) throw new Error(`not stored: ${String(result?.error)}`);
    expect(result.value.customerId).toBe(absorbed);
    expect(
      await whereItLanded(result.value.messageId, result.value.conversationId, "returns@race.test"),
    ).toEqual({ message: absorbed, conversation: absorbed, identity: absorbed });
  });
});
