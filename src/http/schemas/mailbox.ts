// The API's view of IMAP mailboxes (CONTRACT §8 Mailboxes): what an admin writes (the password
// write-only) and what is read back — where it connects, what is done with a mail once taken, and
// the connection's state, last error and last success. The password is never part of an answer.
import { z } from "zod";
import type { Mailbox } from "../../store/queries/mailboxes.ts";
import { mailboxAfterTaking, mailboxStates } from "../../store/schema/mailbox.ts";

const iso = z.string().describe("ISO-8601 UTC");
/** No control characters: they would break the IMAP commands these values go into. */
const noControl = (value: string) =>
  [...value].every((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127);

const mailboxInput = {
  brand_id: z.uuid().describe("the brand this mailbox's mail is for, whatever its To says"),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:]+)$/, "a host name or address")
    .describe("the IMAP server's host name or address"),
  port: z.int().min(1).max(65_535).describe("993 with TLS, 143 without"),
  tls: z.boolean().describe("TLS from the first byte (993); false: STARTTLS when offered"),
  user: z.string().trim().min(1).max(320).refine(noControl, "no control characters"),
  password: z
    .string()
    .min(1)
    .max(1_000)
    .refine(noControl, "no control characters")
    .describe("write-only: kept sealed, never returned"),
  folder: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(noControl, "no control characters")
    .describe("the folder read (INBOX by default)"),
  after_taking: z
    .enum(mailboxAfterTaking)
    .describe("once committed: flag the mail (\\Seen and the keyword) or move it to `move_to`"),
  keyword: z
    .string()
    .regex(/^\$?[A-Za-z0-9_.-]{1,60}$/, "an IMAP keyword such as $Rapport")
    .describe("the keyword added with \\Seen ($Rapport by default)"),
  move_to: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(noControl, "no control characters")
    .nullable()
    .describe("the folder taken mail is moved to"),
  enabled: z.boolean().describe("false: the mailbox is not read"),
};

export const newMailboxBody = z
  .strictObject({
    brand_id: mailboxInput.brand_id,
    host: mailboxInput.host,
    port: mailboxInput.port,
    tls: mailboxInput.tls,
    user: mailboxInput.user,
    password: mailboxInput.password,
    folder: mailboxInput.folder.optional(),
    after_taking: mailboxInput.after_taking.optional(),
    keyword: mailboxInput.keyword.optional(),
    move_to: mailboxInput.move_to.optional(),
    enabled: mailboxInput.enabled.optional(),
  })
  .refine((b) => b.after_taking !== "move" || !!b.move_to, {
    message: "the folder to move taken mail to is required",
    path: ["move_to"],
  });

export const mailboxPatchBody = z
  .strictObject(
    Object.fromEntries(Object.entries(mailboxInput).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof mailboxInput]: z.ZodOptional<(typeof mailboxInput)[K]>;
    },
  )
  .refine((body) => Object.keys(body).length > 0, "nothing to change");

export const mailboxView = z.object({
  id: z.string(),
  brand_id: z.string(),
  host: z.string(),
  port: z.number(),
  tls: z.boolean(),
  user: z.string(),
  folder: z.string(),
  after_taking: z.enum(mailboxAfterTaking),
  keyword: z.string(),
  move_to: z.string().nullable(),
  enabled: z.boolean(),
  state: z.enum(mailboxStates).describe("the connection as last seen by the node holding it"),
  last_error: z.string().nullable().describe("the last failure, readable, never the password"),
  last_error_at: iso.nullable(),
  last_success_at: iso.nullable().describe("the last look at the folder that went through"),
  created_at: iso,
  updated_at: iso,
});

export function presentMailbox(m: Mailbox): z.infer<typeof mailboxView> {
  return {
    id: m.id,
    brand_id: m.brandId,
    host: m.host,
    port: m.port,
    tls: m.tls,
    user: m.user,
    folder: m.folder,
    after_taking: m.afterTaking,
    keyword: m.keyword,
    move_to: m.moveTo,
    enabled: m.enabled,
    state: m.state,
    last_error: m.lastError,
    last_error_at: m.lastErrorAt?.toISOString() ?? null,
    last_success_at: m.lastSuccessAt?.toISOString() ?? null,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}
