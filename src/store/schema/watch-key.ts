// The unanswered watch's sort key in SQL (domain/conversation/watch-order.ts): the index
// `conversations_unanswered` is built on these expressions and the query orders by the same text,
// so PostgreSQL reads the index in order instead of sorting.
import { type SQL, sql } from "drizzle-orm";
import { noClock, urgencyOrder } from "../../domain/conversation/watch-order.ts";

/** The running clock's due time; conversations without one sort at `noClock`, after every other. */
export const watchDueSql = `coalesce(first_response_due_at, next_response_due_at, '${noClock.toISOString()}'::timestamptz)`;

/** The due time's minute, in UTC (an immutable expression, as an index requires). */
export const watchMinuteSql = `date_trunc('minute', ${watchDueSql} at time zone 'UTC')`;

/** 0 for urgent … 3 for low. */
export const watchUrgencySql = `(case priority ${urgencyOrder
  .map((p, i) => `when '${p}' then ${i}`)
  .join(" ")} else ${urgencyOrder.length} end)`;

export const watchDue: SQL = sql.raw(watchDueSql);
export const watchMinute: SQL = sql.raw(watchMinuteSql);
export const watchUrgency: SQL = sql.raw(watchUrgencySql);
