// Changes a mailbox: where it connects, its password (sealed again), what is done after taking a
// mail, or whether it is taken at all. A new server, account or folder is read from its start
// again (the intake's dedupe key keeps each mail once); the poller restarts it with the change.
import { and, eq } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import { mailboxes } from "../../store/schema/index.ts";
import { seal } from "../../store/sealed-box.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { changesBetween, presentFields } from "./changes.ts";
import { type MailboxFields, mailboxFields } from "./create-mailbox.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";

export type MailboxPatch = Partial<MailboxFields> & { password?: string | undefined };

/** Fields whose change points at other mail: what was read of the old one says nothing of it. */
const placeFields = ["host", "port", "user", "folder"] as const;

export async function updateMailbox(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: MailboxPatch },
) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  const ws = and(eq(mailboxes.workspaceId, p.workspaceId), eq(mailboxes.id, id));
  const [before] = await tx.select().from(mailboxes).where(ws).for("update");
  if (!before) throw new DeskError("not_found", "no such mailbox");
  if (patch.brandId) await referencedBrand(tx, p.workspaceId, patch.brandId, "brand_id");
  const { password, ...fields } = patch;
  const next = { ...before, ...presentFields(fields) };
  if (next.afterTaking === "move" && !next.moveTo)
    throw new DeskError("invalid_input", "move_to: the folder to move taken mail to is required");
  const changes = changesBetween(before, next, mailboxFields);
  if (!changes && password === undefined) return before;
  const elsewhere = placeFields.some((f) => before[f] !== next[f]);
  const [after] = await tx
    .update(mailboxes)
    .set({
      brandId: next.brandId,
      host: next.host,
      port: next.port,
      tls: next.tls,
      user: next.user,
      folder: next.folder,
      afterTaking: next.afterTaking,
      keyword: next.keyword,
      moveTo: next.moveTo,
      enabled: next.enabled,
      ...(password === undefined
        ? {}
        : { passwordSealed: seal(uow.runtime.secret, "mailbox-password", id, password) }),
      ...(elsewhere ? { uidValidity: null, lastUid: 0 } : {}),
      state: next.enabled ? "connecting" : "disabled",
      lastError: null,
      lastErrorAt: null,
      updatedAt: now,
    })
    .where(ws)
    .returning();
  if (!after) throw new Error("the mailbox vanished");
  await uow.record({
    type: "mailbox.updated",
    data: { mailbox_id: id, ...(password === undefined ? {} : { password_changed: true }) },
    ...(changes ?? {}),
  });
  return after;
}
