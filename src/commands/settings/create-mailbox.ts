// Connects a brand to an existing IMAP mailbox: its mail is taken by the poller
// (src/channels/imap/) and enters through the same intake as SMTP. The password is sealed, bound
// to the new row, and never written anywhere else (not in the event, not in the answer).
import { type MailboxAfterTaking, mailboxes } from "../../store/schema/index.ts";
import { seal } from "../../store/sealed-box.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { snapshotOf } from "./changes.ts";
import { referencedBrand, requireSettingsRole } from "./guards.ts";

export type MailboxFields = {
  brandId: string;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  folder: string;
  afterTaking: MailboxAfterTaking;
  keyword: string;
  moveTo: string | null;
  enabled: boolean;
};

/** What the events show of a mailbox: everything but its password. */
export const mailboxFields = [
  "brandId",
  "host",
  "port",
  "tls",
  "user",
  "folder",
  "afterTaking",
  "keyword",
  "moveTo",
  "enabled",
] as const;

export type NewMailbox = Pick<MailboxFields, "brandId" | "host" | "port" | "tls" | "user"> &
  Partial<MailboxFields> & { password: string };

export async function createMailbox(uow: UnitOfWork, p: Principal, input: NewMailbox) {
  requireSettingsRole(p);
  const { tx, now } = uow;
  await referencedBrand(tx, p.workspaceId, input.brandId, "brand_id");
  const id = uow.newId();
  const enabled = input.enabled ?? true;
  const [mailbox] = await tx
    .insert(mailboxes)
    .values({
      workspaceId: p.workspaceId,
      id,
      brandId: input.brandId,
      host: input.host,
      port: input.port,
      tls: input.tls,
      user: input.user,
      passwordSealed: seal(uow.runtime.secret, "mailbox-password", id, input.password),
      folder: input.folder ?? "INBOX",
      afterTaking: input.afterTaking ?? "flag",
      keyword: input.keyword ?? "$Rapport",
      moveTo: input.moveTo ?? null,
      enabled,
      state: enabled ? "connecting" : "disabled",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!mailbox) throw new Error("insert returned no mailbox");
  await uow.record({
    type: "mailbox.created",
    after: { id: mailbox.id, ...snapshotOf(mailbox, mailboxFields) },
  });
  return mailbox;
}
