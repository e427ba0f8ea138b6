// What the glance adds to a customer's summary: their preferences and tags, the important dates of
// the coming 30 days (in the customer's calendar) and the mood of their last messages.
import { z } from "zod";
import { preferenceKinds, preferenceLimits } from "../../domain/profile/preferences.ts";
import { dayIn, upcomingDates } from "../../domain/profile/upcoming-dates.ts";
import type { Profile } from "../../store/queries/customers.ts";
import type { LastMood } from "../../store/queries/moods.ts";
import { moodView, presentMood } from "./mood.ts";

const iso = z.string().describe("ISO-8601 UTC");

export const preferenceView = z.object({
  kind: z.enum(preferenceKinds),
  text: z.string().describe('in words: "prefers phone after 18 h", "allergic to nuts"'),
});

export const preferenceInput = z.strictObject({
  kind: z.enum(preferenceKinds),
  text: z.string().trim().min(1).max(preferenceLimits.text),
});

export const tagInput = z.string().trim().min(1).max(preferenceLimits.tag);

/** How far ahead the glance looks for important dates. */
export const upcomingHorizonDays = 30;

export const glanceShape = {
  preferences: z.array(preferenceView),
  tags: z.array(z.string()),
  partner: z.boolean().describe("their organisation is a partner"),
  upcoming_dates: z
    .array(
      z.object({
        kind: z.string(),
        date: z.string().describe("YYYY-MM-DD, as recorded"),
        on: z.string().describe("YYYY-MM-DD: the day it falls next (a birthday each year)"),
        in_days: z.number().describe("0 today, 1 tomorrow…"),
        years: z
          .number()
          .nullable()
          .describe("for a yearly date: the age, or the years as a customer, on that day"),
      }),
    )
    .describe("important dates of the next 30 days in the customer's time zone, soonest first"),
  last_moods: z
    .array(
      z.object({
        message_id: z.string(),
        conversation_id: z.string(),
        channel: z.string(),
        created_at: iso,
        mood: moodView.unwrap(),
      }),
    )
    .describe("the mood of the customer's last messages (up to 5), newest first"),
};

export function presentGlance(
  c: Profile,
  moods: readonly LastMood[],
  now: Date,
  fallbackTimeZone: string,
) {
  const today = dayIn(now, c.timeZone ?? fallbackTimeZone);
  return {
    preferences: c.preferences.map((p) => ({ kind: p.kind, text: p.text })),
    tags: c.tags,
    partner: c.organisation?.isPartner ?? false,
    upcoming_dates: upcomingDates(c.importantDates, today, upcomingHorizonDays),
    last_moods: moods.flatMap((m) => {
      const mood = presentMood(m.mood);
      return mood
        ? [
            {
              message_id: m.id,
              conversation_id: m.conversationId,
              channel: m.channel,
              created_at: m.createdAt.toISOString(),
              mood,
            },
          ]
        : [];
    }),
  };
}
