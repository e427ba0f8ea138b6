// Job: after an SLA policy, a calendar or a brand's hours change, recompute the stored due times of
// every conversation still running in that workspace (docs/CONTRACT.md §6: due times follow policy changes).

import { and, asc, eq, gt, notInArray, type SQL } from "drizzle-orm";
import { lockConversation } from "../commands/conversation/load.ts";
import { refreshAnswerState } from "../commands/conversation/refresh-answer-state.ts";
import type { Runtime } from "../runtime.ts";
import { conversations } from "../store/schema/index.ts";
import type { JobData } from "./job-data.ts";

export type RecomputeClocksJob = JobData["recompute-clocks"];

export async function recomputeClocks(
  rt: Runtime,
  job: RecomputeClocksJob,
  batch = 200,
): Promise<number> {
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const where: SQL[] = [
      eq(conversations.workspaceId, job.workspaceId),
      notInArray(conversations.status, ["resolved", "closed"]),
    ];
    if (after) where.push(gt(conversations.id, after));
    const ids = await rt.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(...where))
      .orderBy(asc(conversations.id))
      .limit(batch);
    if (ids.length === 0) return done;
    await rt.db.transaction(async (tx) => {
      for (const { id } of ids) {
        await refreshAnswerState(tx, await lockConversation(tx, job.workspaceId, id), rt.now());
      }
    });
    done += ids.length;
    after = ids.at(-1)?.id ?? null;
  }
}
