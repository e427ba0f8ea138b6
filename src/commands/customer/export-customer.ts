// Everything Rapport holds about a person (the right of access), as a ZIP streamed while it is
// written: the profile with its identities, each conversation with its messages and attachments'
// metadata, their orders, the timeline's events, and the stored files (raw mails, attachments). Each entry is
// read from the database or the blob store only when the archive reaches it, so memory holds one
// conversation at a time, whatever the person's history.
import { Readable } from "node:stream";
import { type AnyColumn, and, asc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import { ZipFile } from "yazl";
import type { Runtime } from "../../runtime.ts";
import { type Profile, profilesOf } from "../../store/queries/customers.ts";
import {
  attachments,
  conversations,
  customers,
  events,
  messages,
  orders,
} from "../../store/schema/index.ts";

/** A stored row as JSON: snake_case names as in the database, search vectors left out. */
function stored(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === "searchVector") continue;
    out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  }
  return out;
}

/** `column = any($1)`: one parameter however many ids (a long history has thousands). */
const anyOf = (column: AnyColumn, ids: string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`;

const storedProfile = (p: Profile) => ({
  ...stored(p),
  identities: p.identities.map(stored),
  organisation: p.organisation && stored(p.organisation),
});

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A name safe in any unzip tool: letters, digits and a few signs, never a path. */
const safeName = (name: string) =>
  name
    .replace(/[^\p{L}\p{N}._ -]/gu, "_")
    .replace(/^\.+/, "_")
    .slice(0, 120) || "file";

type StreamCallback = (error: Error | null, stream: NodeJS.ReadableStream) => void;

/** An entry's content, made only when the archive reaches it. */
const lazy =
  (produce: () => Promise<Uint8Array | string> | AsyncIterable<string>) => (cb: StreamCallback) => {
    const made = produce();
    if (Symbol.asyncIterator in made) return cb(null, Readable.from(made));
    made.then(
      (bytes) => cb(null, Readable.from([typeof bytes === "string" ? bytes : Buffer.from(bytes)])),
      (error: Error) => cb(error, Readable.from([])),
    );
  };

const eventPage = 500;

/** The events about the person or their conversations, oldest first, as one JSON array. */
async function* eventsOf(
  rt: Runtime,
  workspaceId: string,
  ids: string[],
  conversationIds: string[],
): AsyncGenerator<string> {
  const about = or(
    inArray(events.customerId, ids),
    conversationIds.length > 0 ? anyOf(events.conversationId, conversationIds) : undefined,
  );
  let after: { at: Date; id: string } | null = null;
  let first = true;
  yield "[";
  for (;;) {
    const keyset: SQL | undefined = after
      ? or(
          gt(events.createdAt, after.at),
          and(eq(events.createdAt, after.at), gt(events.id, after.id)),
        )
      : undefined;
    const rows = await rt.db
      .select()
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), about, keyset))
      .orderBy(asc(events.createdAt), asc(events.id))
      .limit(eventPage);
    for (const row of rows) {
      yield `${first ? "\n" : ",\n"}${JSON.stringify(stored(row))}`;
      first = false;
    }
    const last = rows.at(-1);
    if (!last || rows.length < eventPage) break;
    after = { at: last.createdAt, id: last.id };
  }
  yield "\n]\n";
}

/** The archive of a customer, or null when there is no such customer in the workspace. */
export async function exportCustomer(
  rt: Runtime,
  workspaceId: string,
  id: string,
): Promise<Readable | null> {
  const [customer] = await rt.db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  if (!customer) return null;
  // Profiles merged into this one are the same person.
  const merged = await rt.db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.mergedIntoId, id)));
  const [profile, ...mergedProfiles] = await profilesOf(rt.db, workspaceId, [customer, ...merged]);
  const ids = [customer.id, ...merged.map((c) => c.id)];
  const theirs = await rt.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.customerId, ids)))
    .orderBy(asc(conversations.createdAt));
  const files = theirs.length
    ? await rt.db
        .select({
          messageId: messages.id,
          raw: messages.rawBlobKey,
          attachmentId: attachments.id,
          filename: attachments.filename,
          blobKey: attachments.blobKey,
        })
        .from(messages)
        .leftJoin(
          attachments,
          and(
            eq(attachments.workspaceId, messages.workspaceId),
            eq(attachments.messageId, messages.id),
          ),
        )
        .where(
          and(
            eq(messages.workspaceId, workspaceId),
            anyOf(
              messages.conversationId,
              theirs.map((c) => c.id),
            ),
          ),
        )
    : [];

  const zip = new ZipFile();
  const mtime = rt.now();
  zip.addBuffer(
    Buffer.from(
      json({
        exported_at: mtime.toISOString(),
        customer: profile && storedProfile(profile),
        merged_profiles: mergedProfiles.map(storedProfile),
      }),
    ),
    "customer.json",
    { mtime },
  );
  for (const c of theirs) {
    zip.addReadStreamLazy(
      `conversations/${c.reference}.json`,
      { mtime },
      lazy(() => conversationJson(rt, workspaceId, c)),
    );
  }
  const raws = new Set<string>();
  for (const f of files) {
    if (f.raw && !raws.has(f.messageId)) {
      raws.add(f.messageId);
      const key = f.raw;
      zip.addReadStreamLazy(
        `mail/${f.messageId}.eml`,
        { mtime },
        lazy(() => rt.blobs.get(key)),
      );
    }
    if (f.attachmentId && f.blobKey) {
      const key = f.blobKey;
      zip.addReadStreamLazy(
        `attachments/${f.messageId}/${f.attachmentId}-${safeName(f.filename ?? "")}`,
        { mtime },
        lazy(() => rt.blobs.get(key)),
      );
    }
  }
  // Their orders (and their merged profiles'), oldest first: what they bought is held about them too.
  zip.addReadStreamLazy(
    "orders.json",
    { mtime },
    lazy(async () =>
      json(
        (
          await rt.db
            .select()
            .from(orders)
            .where(and(eq(orders.workspaceId, workspaceId), anyOf(orders.customerId, ids)))
            .orderBy(asc(orders.orderedAt), asc(orders.id))
        ).map(stored),
      ),
    ),
  );
  zip.addReadStreamLazy(
    "events.json",
    { mtime },
    lazy(() =>
      eventsOf(
        rt,
        workspaceId,
        ids,
        theirs.map((c) => c.id),
      ),
    ),
  );
  zip.end();
  // A failure half-way (a file gone from the blob store) cuts the download instead of hiding it.
  const output = zip.outputStream as Readable;
  zip.on("error", (error: Error) => output.destroy(error));
  return output;
}

async function conversationJson(
  rt: Runtime,
  workspaceId: string,
  c: typeof conversations.$inferSelect,
): Promise<string> {
  const rows = await rt.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, c.id)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = rows.length
    ? await rt.db
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.workspaceId, workspaceId),
            anyOf(
              attachments.messageId,
              rows.map((m) => m.id),
            ),
          ),
        )
    : [];
  return json({
    ...stored(c),
    messages: rows.map((m) => ({
      ...stored(m),
      attachments: files.filter((a) => a.messageId === m.id).map(stored),
    })),
  });
}
