// Erases a person on request (the right to erasure): their profile is anonymised and kept for the
// figures, their identities go, and so does everything their conversations and messages held; one
// `customer.erased` event without personal data records it. Files go once the change committed.
import { and, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { DeskError } from "../../errors.ts";
import {
  conversations,
  customerIdentities,
  customers,
  events,
  identitySightings,
  messages,
  portalLinks,
  portalSessions,
} from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { blankEvents, type Erased, eraseConversations, eraseMessages } from "./erasure.ts";

export type CustomerErasure = Erased & { customerId: string; erasedAt: Date };

export async function eraseCustomer(
  uow: UnitOfWork,
  p: Principal,
  { id }: { id: string },
): Promise<CustomerErasure> {
  const { tx, now } = uow;
  const ws = p.workspaceId;
  // The profile and those merged into it: one person.
  const people = await tx
    .select({ id: customers.id, name: customers.name, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(
      and(eq(customers.workspaceId, ws), or(eq(customers.id, id), eq(customers.mergedIntoId, id))),
    )
    .for("update");
  const root = people.find((c) => c.id === id);
  if (!root) throw new DeskError("not_found", "no such customer");
  if (root.mergedIntoId) {
    throw new DeskError(
      "conflict",
      `this profile was merged into the customer ${root.mergedIntoId}: erase that one`,
    );
  }
  const ids = people.map((c) => c.id);
  const identities = await tx
    .delete(customerIdentities)
    .where(and(eq(customerIdentities.workspaceId, ws), inArray(customerIdentities.customerId, ids)))
    .returning({
      kind: customerIdentities.kind,
      value: customerIdentities.value,
      display: customerIdentities.displayValue,
    });
  // Their portal links (which hold the address they were mailed to) and sessions go too.
  for (const table of [portalLinks, portalSessions]) {
    await tx.delete(table).where(and(eq(table.workspaceId, ws), inArray(table.customerId, ids)));
  }
  // The identities they were seen with, and theirs seen on other profiles' messages, go too.
  await tx
    .delete(identitySightings)
    .where(
      and(
        eq(identitySightings.workspaceId, ws),
        or(
          inArray(identitySightings.customerId, ids),
          ...identities.map((i) =>
            and(eq(identitySightings.kind, i.kind), eq(identitySightings.value, i.value)),
          ),
        ),
      ),
    );
  const theirs = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, ws), inArray(conversations.customerId, ids)));
  const erased = await eraseConversations(
    tx,
    ws,
    theirs.map((c) => c.id),
    now,
  );
  // What they wrote in someone else's conversation (a colleague's thread) is blanked as well.
  const elsewhere = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, ws),
        inArray(messages.authorCustomerId, ids),
        sql`${messages.subject} || ${messages.bodyText} <> ''`,
      ),
    );
  const blanked = await eraseMessages(
    tx,
    ws,
    elsewhere.map((m) => m.id),
  );
  // Events about them, by them, or naming one of their addresses anywhere in the workspace.
  const named = [
    ...new Set(identities.flatMap((i) => [i.value, i.display]).filter((v) => v.length >= 5)),
  ];
  const payload = sql`coalesce(${events.before}::text, '') || coalesce(${events.after}::text, '') || coalesce(${events.data}::text, '')`;
  await blankEvents(
    tx,
    ws,
    or(
      inArray(events.customerId, ids),
      and(eq(events.actorKind, "customer"), inArray(events.actorId, ids)),
      ...named.map((v) => ilike(payload, `%${v.replace(/[\\%_]/g, "\\$&")}%`)),
    ) ?? sql`false`,
  );
  await tx
    .update(customers)
    .set({
      name: "",
      notes: "",
      contactTimes: "",
      importantDates: [],
      preferences: [],
      tags: [],
      preferredLanguage: null,
      timeZone: null,
      preferredChannel: null,
      erasedAt: now,
      updatedAt: now,
    })
    .where(and(eq(customers.workspaceId, ws), inArray(customers.id, ids)));
  await uow.record({
    type: "customer.erased",
    customerId: id,
    data: { conversations: erased.conversations, messages: erased.messages },
  });
  return {
    ...erased,
    blobKeys: [...erased.blobKeys, ...blanked.blobKeys],
    outboxNames: [...erased.outboxNames, ...blanked.outboxNames],
    customerId: id,
    erasedAt: now,
  };
}
