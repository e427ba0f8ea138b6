// A point in time the API accepts: ISO 8601 with an offset, within years PostgreSQL and the clocks'
// calendars both hold, so that a year 0001 (or 0000 once moved to UTC) is a 400, not a failure.
import { z } from "zod";

const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(10_000, 0, 1);

export const instant = z.iso.datetime({ offset: true }).refine((v) => {
  const t = Date.parse(v);
  return t >= earliest && t < latest;
}, "a date and time from 1970 to 9999");

/** A calendar day (YYYY-MM-DD): year 0000 does not exist in PostgreSQL's calendar. */
export const day = z.iso.date().refine((v) => !v.startsWith("0000"), "a date from year 0001");
