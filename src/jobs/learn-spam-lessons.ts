// Job: the lessons for the spam model that advisors' handling leaves (an answer, a close as spam),
// taken in batches and grouped by workspace so that each workspace's model is written once a batch.

import { learnFromHandling } from "../commands/spam/learn-from-handling.ts";
import type { Runtime } from "../runtime.ts";
import type { JobData } from "./job-data.ts";

export type LearnSpamLessonsJob = JobData["learn-spam-lessons"];

export async function learnSpamLessons(
  rt: Runtime,
  jobs: ReadonlyArray<LearnSpamLessonsJob>,
): Promise<number> {
  const byWorkspace = new Map<string, LearnSpamLessonsJob[]>();
  for (const job of jobs) {
    const lessons = byWorkspace.get(job.workspaceId) ?? [];
    lessons.push(job);
    byWorkspace.set(job.workspaceId, lessons);
  }
  let learnt = 0;
  for (const [workspaceId, lessons] of byWorkspace) {
    learnt += await learnFromHandling(rt, workspaceId, lessons);
  }
  return learnt;
}
