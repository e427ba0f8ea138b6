// The demo story loaded on first start (filled in by the demo work).
import type { Runtime } from "../runtime.ts";

export async function loadDemo(_rt: Runtime, _workspaceId: string): Promise<boolean> {
  return false;
}
