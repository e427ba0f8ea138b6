// The SLA rules changed (a policy, a calendar, a brand's hours): the stored due times of the
// workspace's conversations follow them, recomputed by a job committed with the change. One job
// waits per workspace at most, however many rules change before it runs.
import type { UnitOfWork } from "../unit-of-work.ts";

export function recomputeClocksLater(uow: UnitOfWork, workspaceId: string): Promise<void> {
  return uow.enqueue("recompute-clocks", { workspaceId }, { singletonKey: workspaceId });
}
