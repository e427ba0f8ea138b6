// The committed response time as told to a customer in an acknowledgement ("avant demain 12 h",
// "by Monday 10:00 am"), in their language and the brand's time zone.
import { Temporal } from "temporal-polyfill";
import type { Language } from "../language.ts";

// Written out rather than taken from Intl: the text must not depend on the ICU data shipped
// with the Node build, and it is sent to customers, so it is pinned by tests.
const names = {
  fr: {
    weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    months: [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ],
  },
  en: {
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
  },
} as const;

export type PromiseInput = { due: Date; now: Date; timeZone: string; language: Language };

/**
 * "avant 17 h aujourd'hui" / "by 5:00 pm today", "avant demain 12 h" / "by 12:00 pm tomorrow",
 * within the week "avant lundi 10 h" / "by Monday 10:00 am", later "avant le 3 décembre 10 h" /
 * "by 3 December 10:00 am" (with the year when it is not the current one). Seconds are dropped,
 * so the promise is never later than the due time.
 */
export function promiseText({ due, now, timeZone, language }: PromiseInput): string {
  const dueAt = zoned(due, timeZone);
  const today = zoned(now, timeZone).toPlainDate();
  const days = today.until(dueAt.toPlainDate(), { largestUnit: "days" }).days;
  const time = clockText(dueAt, language);
  const fr = language === "fr";
  if (days === 0) return fr ? `avant ${time} aujourd'hui` : `by ${time} today`;
  if (days === 1) return fr ? `avant demain ${time}` : `by ${time} tomorrow`;
  if (days > 1 && days < 7) {
    const weekday = names[language].weekdays[dueAt.dayOfWeek - 1];
    return fr ? `avant ${weekday} ${time}` : `by ${weekday} ${time}`;
  }
  const month = names[language].months[dueAt.month - 1];
  const year = dueAt.year === today.year ? "" : ` ${dueAt.year}`;
  if (fr) return `avant le ${dueAt.day === 1 ? "1er" : dueAt.day} ${month}${year} ${time}`;
  return `by ${dueAt.day} ${month}${year} ${time}`;
}

/** "17 h", "10 h 30" in French; "5:00 pm", "10:30 am" in English. */
function clockText(at: Temporal.ZonedDateTime, language: Language): string {
  const minutes = String(at.minute).padStart(2, "0");
  if (language === "fr") return at.minute === 0 ? `${at.hour} h` : `${at.hour} h ${minutes}`;
  const hour12 = at.hour % 12 === 0 ? 12 : at.hour % 12;
  return `${hour12}:${minutes} ${at.hour < 12 ? "am" : "pm"}`;
}

function zoned(at: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
}
