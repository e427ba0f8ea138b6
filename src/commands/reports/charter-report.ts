// Gathers a brand's conversations of a period and asks the domain for its commitment charter.
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { charterByChannel } from "../../domain/charter.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { brands, conversations } from "../../store/schema/index.ts";
import { calendarOf } from "../conversation/clocks.ts";

export type CharterQuery = { workspaceId: string; brand?: string; from?: Date; to?: Date };

const dayMs = 86_400_000;
/** A brand is named by its id or its slug; only a real UUID may be compared with the id column. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function charterReport(rt: Runtime, q: CharterQuery) {
  const ws = eq(brands.workspaceId, q.workspaceId);
  const byIdOrSlug = q.brand
    ? uuid.test(q.brand)
      ? eq(brands.id, q.brand)
      : eq(brands.slug, q.brand)
    : undefined;
  const [brand] = await rt.db
    .select()
    .from(brands)
    .where(byIdOrSlug ? and(ws, byIdOrSlug) : ws)
    .orderBy(asc(brands.createdAt))
    .limit(1);
  if (!brand) throw new DeskError("not_found", "no such brand");
  const to = q.to ?? rt.now();
  const from = q.from ?? new Date(to.getTime() - 30 * dayMs);
  if (from >= to) throw new DeskError("invalid_input", "from must be before to");
  if (to.getTime() - from.getTime() > 366 * dayMs)
    throw new DeskError("invalid_input", "a period is at most a year");
  const rows = await rt.db
    .select({
      channel: conversations.channel,
      status: conversations.status,
      closeReason: conversations.closeReason,
      spam: conversations.spam,
      bulk: conversations.bulk,
      createdAt: conversations.createdAt,
      firstHumanAnswerAt: conversations.firstHumanAnswerAt,
      promisedFirstResponseAt: conversations.promisedFirstResponseAt,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, q.workspaceId),
        eq(conversations.brandId, brand.id),
        gte(conversations.createdAt, from),
        lt(conversations.createdAt, to),
      ),
    );
  const figures = charterByChannel(rows, rt.now(), await calendarOf(rt.db, brand));
  return { brand, from, to, ...figures };
}
