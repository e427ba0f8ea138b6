// IMAP mailboxes that feed a brand: where to connect (the password sealed, src/store/sealed-box.ts),
// what to do with a mail once taken, the connection's state as last seen, and how far it was read
// (UIDVALIDITY and the last UID whose mail is committed and marked on the server).
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { brands } from "./brand.ts";
import { at, createdAt, tenant, updatedAt } from "./columns.ts";
import { workspaces } from "./workspace.ts";

export const mailboxStates = ["connecting", "idle", "polling", "error", "disabled"] as const;
export type MailboxState = (typeof mailboxStates)[number];
/** After a mail is committed: flag it (`\Seen` and the keyword), or move it to another folder. */
export const mailboxAfterTaking = ["flag", "move"] as const;
export type MailboxAfterTaking = (typeof mailboxAfterTaking)[number];

export const mailboxes = pgTable(
  "mailboxes",
  {
    ...tenant,
    brandId: uuid("brand_id").notNull(),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    /** TLS from the first byte (993); otherwise STARTTLS when the server offers it. */
    tls: boolean("tls").notNull(),
    user: text("user").notNull(),
    /** The password, sealed for "mailbox-password" and bound to this row's id; never returned. */
    passwordSealed: text("password_sealed").notNull(),
    folder: text("folder").notNull().default("INBOX"),
    afterTaking: text("after_taking", { enum: mailboxAfterTaking }).notNull().default("flag"),
    /** The keyword added beside `\Seen` when flagging. */
    keyword: text("keyword").notNull().default("$Rapport"),
    /** The folder a taken mail is moved to when `after_taking` is "move". */
    moveTo: text("move_to"),
    enabled: boolean("enabled").notNull().default(true),
    state: text("state", { enum: mailboxStates }).notNull().default("connecting"),
    lastError: text("last_error"),
    lastErrorAt: at("last_error_at"),
    lastSuccessAt: at("last_success_at"),
    uidValidity: bigint("uid_validity", { mode: "number" }),
    /** Every mail up to this UID (under `uid_validity`) is committed and marked on the server. */
    lastUid: bigint("last_uid", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
    foreignKey({
      columns: [t.workspaceId, t.brandId],
      foreignColumns: [brands.workspaceId, brands.id],
    }),
    index("mailboxes_brand").on(t.workspaceId, t.brandId),
    check("mailboxes_move_to", sql`${t.afterTaking} <> 'move' or ${t.moveTo} is not null`),
  ],
);
