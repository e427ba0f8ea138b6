// The demo story loaded on first start (or by `rapport demo`): two brands, their people and customers,
// and years of conversations — written once, in one transaction, through the desk's own paths.
import { sql } from "drizzle-orm";
import { calendarOf } from "../commands/conversation/clocks.ts";
import { recordEvent, systemActor } from "../commands/events/record-event.ts";
import type { ConversationStatus } from "../domain/conversation/status.ts";
import type { Queue } from "../jobs/queue.ts";
import type { Runtime } from "../runtime.ts";
import type { Db } from "../store/database.ts";
import { instanceSettings } from "../store/schema/index.ts";
import { playConversation, type Stage } from "./play-conversation.ts";
import { storyCustomers } from "./story-customers.ts";
import { everydayStory } from "./story-everyday.ts";
import { loyalStory } from "./story-loyal.ts";
import { lumiereStory } from "./story-lumiere.ts";
import { northwindStory } from "./story-northwind.ts";
import { partnerStory } from "./story-partner.ts";
import { supportStory } from "./story-support.ts";
import { unhappyStory } from "./story-unhappy.ts";
import { writeCustomers } from "./write-customers.ts";
import { writeSetting } from "./write-setting.ts";

/** Serialises loaders: a second process waits, then finds the marker and loads nothing. */
const demoLock = 7243553;

export const demoMarker = (workspaceId: string) => `demo_loaded:${workspaceId}`;

export const demoConversations = [
  ...loyalStory,
  ...partnerStory,
  ...lumiereStory,
  ...unhappyStory,
  ...northwindStory,
  ...supportStory,
  ...everydayStory,
];

/**
 * The story's past replies are stored as delivered: nothing in it may queue a mail or a job, but for
 * what its handling teaches the spam model (a conversation closed as spam), as any desk's would.
 */
function noJobs(queue: Queue): Queue {
  return {
    ...queue,
    send: async (tx, name, data, options) => {
      if (name === "learn-spam-lessons") return queue.send(tx, name, data, options);
      throw new Error(`the demo story must not queue a "${name}" job`);
    },
  };
}

async function tellStory(rt: Runtime, workspaceId: string) {
  const setting = await writeSetting(rt, workspaceId);
  const customers = await writeCustomers(rt, workspaceId, setting, storyCustomers);
  const stage: Stage = {
    workspaceId,
    setting,
    customers,
    calendars: {
      support: await calendarOf(rt.db, setting.brands.support),
      lumiere: await calendarOf(rt.db, setting.brands.lumiere),
      northwind: await calendarOf(rt.db, setting.brands.northwind),
    },
    now: rt.now(),
  };
  const statuses: Partial<Record<ConversationStatus, number>> = {};
  for (const story of demoConversations) {
    const { status } = await playConversation(rt, stage, story);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return { customers: customers.size, conversations: demoConversations.length, statuses };
}

/** Loads the demo story into the workspace; false when it was loaded before (by any process). */
export async function loadDemo(rt: Runtime, workspaceId: string): Promise<boolean> {
  const started = Date.now();
  const told = await rt.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${demoLock})`);
    const now = rt.now();
    const [claimed] = await tx
      .insert(instanceSettings)
      .values({ key: demoMarker(workspaceId), value: { loaded_at: now.toISOString() } })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return null;
    // Every command the story calls runs on this transaction (their own transactions become
    // savepoints), so the story and its marker are committed together or not at all.
    const story: Runtime = { ...rt, db: tx as unknown as Db, queue: noJobs(rt.queue) };
    const counts = await tellStory(story, workspaceId);
    await recordEvent(tx, {
      workspaceId,
      id: rt.newId(),
      at: now,
      type: "demo.loaded",
      actor: systemActor,
      data: counts,
    });
    return counts;
  });
  if (!told) return false;
  rt.log.info({ ...told, ms: Date.now() - started }, "demo story loaded");
  return true;
}
