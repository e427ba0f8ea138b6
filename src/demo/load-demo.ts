// The demo story loaded on first start (or by `rapport demo`): two brands, their people and customers,
// and years of conversations — told in memory through the desk's rules, written in one transaction.
import { sql } from "drizzle-orm";
import { calendarOf, loadClockRules } from "../commands/conversation/clocks.ts";
import { recordEvents, systemActor } from "../commands/events/record-event.ts";
import { openUnit, type UnitOfWork } from "../commands/unit-of-work.ts";
import type { Runtime } from "../runtime.ts";
import { insertRows } from "../store/insert-rows.ts";
import {
  conversations,
  customerIdentities,
  customers,
  instanceSettings,
  messages,
} from "../store/schema/index.ts";
import { noStrangers, type Stage, tellStory } from "./compose-story.ts";
import { storyCustomers } from "./story-customers.ts";
import type { StoryDesk } from "./story-desk.ts";
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

/** The setting, the customers and the moment of the story, written or read in the unit of work. */
export async function setTheStage(uow: UnitOfWork, workspaceId: string): Promise<Stage> {
  const setting = await writeSetting(uow, workspaceId);
  const customers = await writeCustomers(uow, workspaceId, setting, storyCustomers);
  const [support, lumiere, northwind] = await Promise.all(
    [setting.brands.support, setting.brands.lumiere, setting.brands.northwind].map((b) =>
      calendarOf(uow.tx, b),
    ),
  );
  if (!support || !lumiere || !northwind) throw new Error("a brand of the story has no calendar");
  return {
    workspaceId,
    setting,
    customers,
    calendars: { support, lumiere, northwind },
    now: uow.now,
  };
}

/**
 * Tells the story's conversations in memory, then writes them: a handful of multi-row statements
 * instead of a dozen round trips per message. The story's past replies are stored as delivered: it
 * queues no mail, only what its handling teaches the spam model (conversations closed as spam).
 */
async function writeConversations(uow: UnitOfWork, stage: Stage) {
  const { workspaceId, setting } = stage;
  const rt = uow.runtime;
  const desk: StoryDesk = {
    workspaceId,
    rules: await loadClockRules(uow.tx, workspaceId),
    brands: new Map(Object.values(setting.brands).map((b) => [b.id, b])),
    newId: uow.newId,
    randomBytes: uow.randomBytes,
    secret: rt.secret,
    supportAddress: rt.config.supportAddress,
    rows: { messages: [], events: [], spamLessons: [] },
  };
  const strangers = noStrangers();
  const { drafts, statuses } = tellStory(desk, stage, strangers, demoConversations);
  if (strangers.customers.length > 0) {
    await uow.tx.insert(customers).values(strangers.customers);
    await uow.tx.insert(customerIdentities).values(strangers.identities);
  }
  await insertRows(
    uow.tx,
    conversations,
    drafts.map((d) => d.row),
  );
  await insertRows(uow.tx, messages, desk.rows.messages);
  await recordEvents(uow.tx, desk.rows.events);
  for (const conversationId of desk.rows.spamLessons) {
    await uow.enqueue("learn-spam-lessons", { workspaceId, conversationId, mark: "spam" });
  }
  return statuses;
}

/** Loads the demo story into the workspace; false when it was loaded before (by any process). */
export async function loadDemo(rt: Runtime, workspaceId: string): Promise<boolean> {
  const started = Date.now();
  const told = await rt.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${demoLock})`);
    const uow = openUnit(rt, tx, { workspaceId, actor: systemActor });
    const [claimed] = await tx
      .insert(instanceSettings)
      .values({ key: demoMarker(workspaceId), value: { loaded_at: uow.now.toISOString() } })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return null;
    const stage = await setTheStage(uow, workspaceId);
    const statuses = await writeConversations(uow, stage);
    const counts = {
      customers: stage.customers.size,
      conversations: demoConversations.length,
      statuses,
    };
    await uow.record({ type: "demo.loaded", data: counts });
    return counts;
  });
  if (!told) return false;
  rt.log.info({ ...told, ms: Date.now() - started }, "demo story loaded");
  return true;
}
