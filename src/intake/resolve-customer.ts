// Finds the customer behind a sender's identities, or creates them with those identities.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { normalizeEmail, normalizePhone } from "../domain/identity/normalize.ts";
import { isSharedMailDomain, mailDomain } from "../domain/identity/shared-mail-domains.ts";
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import { customerIdentities, customers, organisations } from "../store/schema/index.ts";

export type Sender = { email?: string | null; phone?: string | null; name?: string | null };
type Wanted = { kind: "email" | "phone"; value: string; display: string };

function wantedIdentities(sender: Sender): Wanted[] {
  const wanted: Wanted[] = [];
  if (sender.email)
    wanted.push({
      kind: "email",
      value: normalizeEmail(sender.email),
      display: sender.email.trim(),
    });
  const phone = sender.phone ? normalizePhone(sender.phone) : null;
  if (sender.phone && phone)
    wanted.push({ kind: "phone", value: phone, display: sender.phone.trim() });
  return wanted;
}

/** A new sender from an organisation's own mail domain joins that organisation (colleagues share threads). */
async function _organisationByDomain(
  tx: Tx,
  workspaceId: string,
  email: string,
): Promise<string | null> {
  const domain = mailDomain(normalizeEmail(email));
  if (!domain || isSharedMailDomain(domain)) return null;
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.workspaceId, workspaceId),
        sql`${organisations.domains} @> ${JSON.stringify([domain])}::jsonb`,
      ),
    )
    .limit(1);
  return organisation?.id ?? null;
}

export async function resolveCustomer(
  tx: Tx,
  rt: Runtime,
  workspaceId: string,
  sender: Sender,
): Promise<{ customerId: string; created: boolean }> {
  const wanted = wantedIdentities(sender);
  if (wanted.length === 0) throw new Error("a sender needs an email address or a phone number");
  const known = await tx
    .select()
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.workspaceId, workspaceId),
        or(
          ...wanted.map((w) =>
            and(eq(customerIdentities.kind, w.kind), eq(customerIdentities.value, w.value)),
          ),
        ),
      ),
    );
  // The email identity decides when both are known (a shared phone is common in families).
  const byKind = (kind: string) => known.find((k) => k.kind === kind);
  const found = byKind("email") ?? byKind("phone");
  let customerId = found?.customerId;
  let created = false;
  if (!customerId) {
    customerId = rt.newId();
    created = true;
    await tx
      .insert(customers)
      .values({ workspaceId, id: customerId, name: sender.name?.trim() ?? "" });
  }
  const missing = wanted.filter((w) => !known.some((k) => k.kind === w.kind));
  if (missing.length > 0) {
    const inserted = await tx
      .insert(customerIdentities)
      .values(
        missing.map((w) => ({
          workspaceId,
          id: rt.newId(),
          customerId: customerId as string,
          kind: w.kind,
          value: w.value,
          displayValue: w.display,
        })),
      )
      .onConflictDoNothing()
      .returning({ kind: customerIdentities.kind });
    if (created && inserted.length < missing.length) {
      // A concurrent first message from the same sender won the race: use their customer instead.
      const [winner] = await tx
        .select({ customerId: customerIdentities.customerId })
        .from(customerIdentities)
        .where(
          and(
            eq(customerIdentities.workspaceId, workspaceId),
            inArray(
              customerIdentities.value,
              missing.map((m) => m.value),
            ),
          ),
        )
        .limit(1);
      if (winner && winner.customerId !== customerId) {
        await tx
          .update(customerIdentities)
          .set({ customerId: winner.customerId })
          .where(
            and(
              eq(customerIdentities.workspaceId, workspaceId),
              eq(customerIdentities.customerId, customerId),
            ),
          );
        await tx
          .delete(customers)
          .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
        return { customerId: winner.customerId, created: false };
      }
    }
  }
  if (!created && sender.name && found) {
    await tx
      .update(customers)
      .set({ name: sender.name.trim() })
      .where(
        and(
          eq(customers.workspaceId, workspaceId),
          eq(customers.id, customerId),
          eq(customers.name, ""),
        ),
      );
  }
  return { customerId, created };
}
