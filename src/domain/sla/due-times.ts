// When a conversation's answers are due, computed from its clock state; the store keeps them in
// indexed `*_due_at` columns and a sweep acts on them. Also the warning instants and time-left text.
import { type ConversationStatus, isFinished } from "../conversation/status.ts";
import type { Language } from "../language.ts";
import { addBusinessMinutes, businessMinutesBetween } from "./business-hours.ts";
import type { BusinessCalendar } from "./calendar.ts";
import type { SlaPolicy } from "./policy.ts";

export type ClockState = {
  calendar: BusinessCalendar;
  policy: SlaPolicy;
  status: ConversationStatus;
  /** Commit time of the oldest customer message without a human answer after it, or null. */
  awaitingSince: Date | null;
  firstHumanAnswerAt: Date | null;
  createdAt: Date;
  /** Business minutes spent in `waiting_customer` so far; they extend the resolution clock. */
  pausedBusinessMinutes?: number;
};

export type DueTimes = {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
};

const none: DueTimes = { firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null };

/**
 * Nothing is due while waiting on the customer (clocks paused) or once resolved or closed.
 * Otherwise: first response from the awaited message until the first human answer; next
 * response from the awaited message after that; resolution from creation plus paused time.
 * The response clocks restart at each awaited message, so pauses only extend resolution.
 */
export function computeDueTimes(state: ClockState): DueTimes {
  if (state.status === "waiting_customer" || isFinished(state.status)) return none;
  const { calendar, policy, awaitingSince } = state;
  const answeredOnce = state.firstHumanAnswerAt !== null;
  return {
    firstResponseDueAt:
      awaitingSince && !answeredOnce
        ? addBusinessMinutes(calendar, awaitingSince, policy.firstResponseMinutes)
        : null,
    nextResponseDueAt:
      awaitingSince && answeredOnce
        ? addBusinessMinutes(calendar, awaitingSince, policy.nextResponseMinutes)
        : null,
    resolutionDueAt: addBusinessMinutes(
      calendar,
      state.createdAt,
      policy.resolutionMinutes + (state.pausedBusinessMinutes ?? 0),
    ),
  };
}

export type WarningTimes = { assigneeWarningAt: Date; managerWarningAt: Date; breachAt: Date };

/**
 * The instants at 75 % (warn the assignee), 90 % (warn the team's manager) and 100 % (breach)
 * of the business time between a clock's start and its due time.
 */
export function warningTimes(start: Date, due: Date, calendar: BusinessCalendar): WarningTimes {
  const total = businessMinutesBetween(calendar, start, due);
  if (total <= 0) return { assigneeWarningAt: due, managerWarningAt: due, breachAt: due };
  return {
    assigneeWarningAt: addBusinessMinutes(calendar, start, total * 0.75),
    managerWarningAt: addBusinessMinutes(calendar, start, total * 0.9),
    breachAt: due,
  };
}

const phrases = {
  en: { now: "due now", left: "due in", late: "overdue by", day: "day", days: "days" },
  fr: {
    now: "à rendre maintenant",
    left: "à rendre dans",
    late: "en retard de",
    day: "jour",
    days: "jours",
  },
} as const;

/**
 * Wall-clock time left before a due time, for people: "due in 35 min", "overdue by 2 h",
 * "à rendre dans 1 jour 3 h". Whole minutes, rounded down; within a minute of it, "due now".
 */
export function describeTimeLeft(now: Date, due: Date, language: Language): string {
  const words = phrases[language];
  const difference = due.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(difference) / 60_000);
  if (minutes === 0) return words.now;
  return `${difference > 0 ? words.left : words.late} ${duration(minutes, language)}`;
}

function duration(totalMinutes: number, language: Language): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) {
    const dayText = `${days} ${days === 1 ? phrases[language].day : phrases[language].days}`;
    return hours > 0 ? `${dayText} ${hours} h` : dayText;
  }
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
