// Finds the customers behind the senders of a batch of messages, or creates them with their
// identities: three reads (the owners, locked against merges, read again: settled-owners.ts), at
// most four writes, whatever the batch's size. An identity a sender brings
// that another customer holds is kept as a sighting: evidence for a merge suggestion.
import { sql } from "drizzle-orm";
import {
  normalizeChatId,
  normalizeEmail,
  normalizePhone,
  normalizeSocialHandle,
  suggestionKey,
} from "../domain/identity/normalize.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import { customerIdentities, customers, identitySightings } from "../store/schema/index.ts";
import { RetryBatch } from "./retry-batch.ts";
import { settledOwners } from "./settled-owners.ts";

export type Sender = {
  email?: string | null;
  phone?: string | null;
  /** The chat widget's visitor id. */
  chatId?: string | null;
  /** A social handle, "network:handle" or with `network` apart. */
  social?: { handle: string; network?: string | null } | null;
  name?: string | null;
  /** Where a phone number without its international prefix is read (the brand's country). */
  country?: string | null;
  /** Other addresses on the message (its Cc): evidence when another customer holds one. */
  seenWith?: string[];
};
type Wanted = { kind: "email" | "phone" | "chat" | "social"; value: string; display: string };

export type ResolvedCustomer = {
  customerId: string;
  /** The identity that decided (the email's when the sender has one). */
  identityId: string;
  created: boolean;
  organisationId: string | null;
};

function wantedIdentities(sender: Sender): Wanted[] {
  const wanted: Wanted[] = [];
  if (sender.email)
    wanted.push({
      kind: "email",
      value: normalizeEmail(sender.email),
      display: sender.email.trim(),
    });
  const phone = sender.phone ? normalizePhone(sender.phone, sender.country) : null;
  if (sender.phone && phone)
    wanted.push({ kind: "phone", value: phone, display: sender.phone.trim() });
  const chat = sender.chatId ? normalizeChatId(sender.chatId) : null;
  if (sender.chatId && chat)
    wanted.push({ kind: "chat", value: chat, display: sender.chatId.trim() });
  const social = sender.social
    ? normalizeSocialHandle(sender.social.handle, sender.social.network)
    : null;
  if (sender.social && social) wanted.push({ kind: "social", value: social, display: social });
  return wanted;
}

const keyOf = (w: { kind: string; value: string }) => `${w.kind}\u0000${w.value}`;

/**
 * One customer per sender, in order. Senders met earlier in the batch resolve to the same customer;
 * a new sender's identities race another node's only across nodes: the loser retries its batch.
 */
export async function resolveCustomers(
  tx: Tx,
  rt: Runtime,
  workspaceId: string,
  senders: Sender[],
): Promise<ResolvedCustomer[]> {
  const wanted = senders.map((sender) => {
    const list = wantedIdentities(sender);
    if (list.length === 0) {
      throw new Error("a sender needs an email address, a phone number, a chat id or a handle");
    }
    return list;
  });
  const seenWith = senders.map((sender) =>
    (sender.seenWith ?? []).map((email) => ({
      kind: "email" as const,
      value: normalizeEmail(email),
      display: email,
    })),
  );
  const distinct = new Map([...wanted.flat(), ...seenWith.flat()].map((w) => [keyOf(w), w]));
  const known = await settledOwners(tx, workspaceId, [...distinct.values()]);
  type Owner = { customerId: string; name: string; organisationId: string | null };
  const identityIds = new Map<string, string>(known.map((k) => [keyOf(k), k.identityId]));
  const owners = new Map<string, Owner>(known.map((k) => [keyOf(k), k]));
  const newCustomers: Array<typeof customers.$inferInsert> = [];
  const newIdentities: Array<typeof customerIdentities.$inferInsert> = [];
  const named = new Map<string, string>();
  const sightings = new Map<string, typeof identitySightings.$inferInsert>();
  const resolved = senders.map((sender, i): ResolvedCustomer => {
    const list = wanted[i] ?? [];
    // The email identity decides when both are known (a shared phone is common in families).
    const found =
      owners.get(keyOf(list.find((w) => w.kind === "email") ?? { kind: "", value: "" })) ??
      list.map((w) => owners.get(keyOf(w))).find((o) => o !== undefined);
    let owner = found;
    const created = !owner;
    if (!owner) {
      owner = { customerId: rt.newId(), name: sender.name?.trim() ?? "", organisationId: null };
      newCustomers.push({ workspaceId, id: owner.customerId, name: owner.name });
    } else if (sender.name?.trim() && owner.name === "") {
      named.set(owner.customerId, sender.name.trim());
      owner.name = sender.name.trim();
    }
    for (const w of [...list, ...(seenWith[i] ?? [])]) {
      const holder = owners.get(keyOf(w));
      if (holder && holder.customerId !== owner.customerId) {
        sightings.set(`${owner.customerId}\u0000${keyOf(w)}`, {
          workspaceId,
          id: rt.newId(),
          customerId: owner.customerId,
          kind: w.kind,
          value: w.value,
        });
      }
    }
    for (const w of list) {
      if (owners.has(keyOf(w))) continue;
      owners.set(keyOf(w), owner);
      const identityId = rt.newId();
      identityIds.set(keyOf(w), identityId);
      newIdentities.push({
        workspaceId,
        id: identityId,
        customerId: owner.customerId,
        kind: w.kind,
        value: w.value,
        displayValue: w.display,
        matchKey: suggestionKey(w.kind, w.value),
      });
    }
    // The identity that decided: the first of the sender's that this customer holds.
    const decided = list.find((w) => owners.get(keyOf(w))?.customerId === owner.customerId);
    return {
      customerId: owner.customerId,
      identityId: identityIds.get(keyOf(decided ?? { kind: "", value: "" })) ?? "",
      created,
      organisationId: owner.organisationId,
    };
  });
  if (newCustomers.length > 0) await tx.insert(customers).values(newCustomers);
  if (newIdentities.length > 0) {
    const inserted = await tx
      .insert(customerIdentities)
      .values(newIdentities)
      .onConflictDoNothing()
      .returning({ id: customerIdentities.id });
    // Another node gave one of these identities to a customer of its own meanwhile: start again.
    if (inserted.length < newIdentities.length) throw new RetryBatch("a sender's identity");
  }
  if (sightings.size > 0) {
    await tx
      .insert(identitySightings)
      .values([...sightings.values()])
      .onConflictDoNothing();
  }
  if (named.size > 0) {
    await tx.execute(sql`
      update customers c set name = v.name
      from jsonb_to_recordset(${JSON.stringify([...named].map(([id, name]) => ({ id, name })))}::jsonb)
        as v(id uuid, name text)
      where c.workspace_id = ${workspaceId} and c.id = v.id and c.name = ''`);
  }
  return resolved;
}
