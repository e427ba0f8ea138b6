// Loads a brand's calendar and SLA rules, and asks the domain for a conversation's due times.
import { and, asc, eq } from "drizzle-orm";
import type { ConversationStatus, Priority } from "../../domain/conversation/status.ts";
import { nextSlaAlert } from "../../domain/sla/alerts.ts";
import { type BusinessCalendar, defaultCalendar } from "../../domain/sla/calendar.ts";
import { computeDueTimes, type DueTimes } from "../../domain/sla/due-times.ts";
import { pauseAfter, type ResolutionPause } from "../../domain/sla/pause.ts";
import { choosePolicy } from "../../domain/sla/policy.ts";
import type { Tx } from "../../store/database.ts";
import { brands, calendars, slaPolicies } from "../../store/schema/index.ts";

type Brand = typeof brands.$inferSelect;

export async function calendarOf(tx: Tx, brand: Brand): Promise<BusinessCalendar> {
  if (brand.calendarId) {
    const [row] = await tx
      .select()
      .from(calendars)
      .where(and(eq(calendars.workspaceId, brand.workspaceId), eq(calendars.id, brand.calendarId)));
    if (row)
      return { timeZone: row.timeZone, weeklyHours: row.weeklyHours, holidays: row.holidays };
  }
  return defaultCalendar(brand.timeZone);
}

export type ClockFacts = {
  workspaceId: string;
  brandId: string;
  channel: (typeof slaPolicies.$inferSelect)["channel"] & string;
  priority: Priority;
  status: ConversationStatus;
  awaitingSince: Date | null;
  firstHumanAnswerAt: Date | null;
  createdAt: Date;
  /** The instant of the change: a wait on the customer begins or ends then. */
  at: Date;
};

type Policies = Array<typeof slaPolicies.$inferSelect>;

/** The SLA rules of a conversation's workspace and the calendar of its brand. */
async function rulesFor(
  tx: Tx,
  facts: { workspaceId: string; brandId: string },
  known?: Brand,
): Promise<{ policies: Policies; calendar: BusinessCalendar }> {
  const [brand] =
    known?.id === facts.brandId
      ? [known]
      : await tx
          .select()
          .from(brands)
          .where(and(eq(brands.workspaceId, facts.workspaceId), eq(brands.id, facts.brandId)));
  if (!brand) throw new Error(`brand ${facts.brandId} is missing`);
  const rules = await tx
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.workspaceId, facts.workspaceId))
    .orderBy(asc(slaPolicies.createdAt));
  return { policies: rules, calendar: await calendarOf(tx, brand) };
}

/** The due times the chosen policy gives under this calendar (pure). */
function dueUnder(
  policies: Policies,
  calendar: BusinessCalendar,
  facts: Omit<ClockFacts, "at">,
  pausedBusinessMinutes: number,
): DueTimes {
  const { policy } = choosePolicy(policies, facts);
  return computeDueTimes({
    calendar,
    policy,
    status: facts.status,
    awaitingSince: facts.awaitingSince,
    firstHumanAnswerAt: facts.firstHumanAnswerAt,
    createdAt: facts.createdAt,
    pausedBusinessMinutes,
  });
}

export type StoredClock = ResolutionPause & {
  awaitingSince: Date | null;
  slaAlerts: string[];
  promisedFirstResponseAt: Date | null;
};

/**
 * Every clock column of a conversation after a change: due times, the SLA alerts already raised
 * (forgotten when a new wait begins), the next instant the sweep must act, and the first-response
 * promise kept for the charter.
 */
/** `brand`: the conversation's brand when the caller already read it in this transaction. */
export async function clockColumns(tx: Tx, facts: ClockFacts, before: StoredClock, brand?: Brand) {
  const { policies, calendar } = await rulesFor(tx, facts, brand);
  return clockState(policies, calendar, facts, before);
}

/** The calendar and the running clock of a conversation, for the sweep. */
export async function runningClock(
  tx: Tx,
  facts: Omit<ClockFacts, "at"> & { pausedBusinessMinutes: number },
) {
  const { policies, calendar } = await rulesFor(tx, facts);
  const due = dueUnder(policies, calendar, facts, facts.pausedBusinessMinutes);
  return {
    calendar,
    start: facts.awaitingSince,
    due: due.firstResponseDueAt ?? due.nextResponseDueAt,
  };
}

/** A workspace's SLA rules and calendars, read once for a batch of conversations. */
export type ClockRules = {
  policies: Array<typeof slaPolicies.$inferSelect>;
  calendars: Map<string, BusinessCalendar>;
};

export async function loadClockRules(tx: Tx, workspaceId: string): Promise<ClockRules> {
  const [policies, rows] = await Promise.all([
    tx
      .select()
      .from(slaPolicies)
      .where(eq(slaPolicies.workspaceId, workspaceId))
      .orderBy(asc(slaPolicies.createdAt)),
    tx.select().from(calendars).where(eq(calendars.workspaceId, workspaceId)),
  ]);
  return {
    policies,
    calendars: new Map(
      rows.map((r) => [
        r.id,
        { timeZone: r.timeZone, weeklyHours: r.weeklyHours, holidays: r.holidays },
      ]),
    ),
  };
}

/** `clockColumns` for rules already read: no IO. */
export function clockColumnsWith(
  rules: ClockRules,
  brand: Brand,
  facts: ClockFacts,
  before: StoredClock,
) {
  const calendar =
    (brand.calendarId ? rules.calendars.get(brand.calendarId) : undefined) ??
    defaultCalendar(brand.timeZone);
  return clockState(rules.policies, calendar, facts, before);
}

function clockState(
  policies: Policies,
  calendar: BusinessCalendar,
  facts: ClockFacts,
  before: StoredClock,
) {
  const pause = pauseAfter(calendar, before, facts.status, facts.at);
  const due = dueUnder(policies, calendar, facts, pause.pausedBusinessMinutes);
  const sameWait = before.awaitingSince?.getTime() === facts.awaitingSince?.getTime();
  const slaAlerts = sameWait ? before.slaAlerts : [];
  const next = nextSlaAlert({
    calendar,
    start: facts.awaitingSince,
    due: due.firstResponseDueAt ?? due.nextResponseDueAt,
    fired: slaAlerts,
  });
  return {
    ...due,
    pausedSince: pause.pausedSince,
    pausedBusinessMinutes: pause.pausedBusinessMinutes,
    slaAlerts,
    slaNextAlertAt: next?.at ?? null,
    promisedFirstResponseAt:
      facts.firstHumanAnswerAt === null && due.firstResponseDueAt !== null
        ? due.firstResponseDueAt
        : before.promisedFirstResponseAt,
  };
}

/** When a message written to the brand now on this channel would be promised its first answer. */
export async function firstAnswerDueFor(
  tx: Tx,
  brand: Brand,
  channel: ClockFacts["channel"],
  now: Date,
): Promise<Date | null> {
  const facts = { workspaceId: brand.workspaceId, brandId: brand.id };
  const { policies, calendar } = await rulesFor(tx, facts, brand);
  return dueUnder(
    policies,
    calendar,
    {
      ...facts,
      channel,
      priority: "normal",
      status: "new",
      awaitingSince: now,
      firstHumanAnswerAt: null,
      createdAt: now,
    },
    0,
  ).firstResponseDueAt;
}
