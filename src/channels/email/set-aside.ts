// Mail kept but never a conversation (a bounce about nothing we sent, an automatic reply to nothing):
// its raw bytes stay in the blob store and the timeline says why it was set aside.
import { systemActor } from "../../commands/events/record-event.ts";
import { openUnit } from "../../commands/unit-of-work.ts";
import type { EventData } from "../../domain/events/catalogue.ts";
import type { Runtime } from "../../runtime.ts";

export type SetAside = { workspaceId: string; data: EventData<"mail.set_aside"> };

/** Records mail set aside, one statement per workspace. */
export async function recordSetAside(rt: Runtime, list: SetAside[]): Promise<void> {
  const byWorkspace = new Map<string, SetAside[]>();
  for (const aside of list) {
    byWorkspace.set(aside.workspaceId, [...(byWorkspace.get(aside.workspaceId) ?? []), aside]);
  }
  for (const [workspaceId, asides] of byWorkspace) {
    await rt.db.transaction((tx) =>
      openUnit(rt, tx, { workspaceId, actor: systemActor }).recordAll(
        asides.map((aside) => ({ type: "mail.set_aside", data: aside.data })),
      ),
    );
  }
}
