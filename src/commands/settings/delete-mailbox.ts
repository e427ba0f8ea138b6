// Disconnects a mailbox: its mail already taken stays in the desk; the poller lets it go at its next
// look. The event keeps where it connected, never its password.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { mailboxes } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { snapshotOf } from "./changes.ts";
import { mailboxFields } from "./create-mailbox.ts";
import { requireSettingsRole } from "./guards.ts";

export async function deleteMailbox(uow: UnitOfWork, p: Principal, { id }: { id: string }) {
  requireSettingsRole(p);
  const ws = and(eq(mailboxes.workspaceId, p.workspaceId), eq(mailboxes.id, id));
  const [gone] = await uow.tx.delete(mailboxes).where(ws).returning();
  if (!gone) throw new DeskError("not_found", "no such mailbox");
  await uow.record({
    type: "mailbox.deleted",
    data: { mailbox_id: id },
    before: snapshotOf(gone, mailboxFields),
    after: null,
  });
}
