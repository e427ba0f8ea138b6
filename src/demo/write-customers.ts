// Writes the demo's customers as they were on their first day — profile, identities, advisor and
// backup — each with its "customer.created" event at that date.
import { type EventInput, recordEvents, systemActor } from "../commands/events/record-event.ts";
import { normalizeEmail, normalizePhone } from "../domain/identity/normalize.ts";
import type { Runtime } from "../runtime.ts";
import { customerIdentities, customers } from "../store/schema/index.ts";
import { daysBefore, isoDateFrom } from "./story-clock.ts";
import type { StaffKey, StoryCustomer } from "./story-types.ts";
import type { Setting } from "./write-setting.ts";

export type StoredCustomer = {
  id: string;
  name: string;
  email: string;
  since: Date;
  advisor: StaffKey | undefined;
};

/**
 * Writes every customer inside the story's transaction (`rt.db` is that transaction): three
 * multi-row statements (profiles, identities, events) rather than three per customer.
 */
export async function writeCustomers(
  rt: Runtime,
  workspaceId: string,
  setting: Setting,
  story: StoryCustomer[],
): Promise<Map<string, StoredCustomer>> {
  const now = rt.now();
  const stored = new Map<string, StoredCustomer>();
  const profiles: Array<typeof customers.$inferInsert> = [];
  const identities: Array<typeof customerIdentities.$inferInsert> = [];
  const created: EventInput[] = [];
  for (const c of story) {
    const id = rt.newId();
    // A day before their first story day, so that no message of theirs predates their profile.
    const since = daysBefore(now, c.since + 1);
    profiles.push({
      workspaceId,
      id,
      name: c.name,
      preferredLanguage: c.language,
      timeZone: c.timeZone ?? (c.language === "fr" ? "Europe/Paris" : "Europe/London"),
      preferredChannel: c.preferredChannel ?? null,
      notes: c.notes ?? "",
      importantDates: (c.importantDates ?? []).map((d) => ({
        label: d.label,
        date: isoDateFrom(now, d.inDays),
      })),
      advisorId: c.advisor ? setting.staff[c.advisor].id : null,
      backupId: c.backup ? setting.staff[c.backup].id : null,
      organisationId: c.organisation === "duval" ? setting.partnerId : null,
      createdAt: since,
      updatedAt: since,
    });
    identities.push({
      workspaceId,
      id: rt.newId(),
      customerId: id,
      kind: "email",
      value: normalizeEmail(c.email),
      displayValue: c.email,
      verified: true,
      createdAt: since,
    });
    const phone = c.phone ? normalizePhone(c.phone) : null;
    if (c.phone && phone) {
      identities.push({
        workspaceId,
        id: rt.newId(),
        customerId: id,
        kind: "phone",
        value: phone,
        displayValue: c.phone,
        createdAt: since,
      });
    }
    created.push({
      workspaceId,
      id: rt.newId(),
      at: since,
      type: "customer.created",
      actor: systemActor,
      customerId: id,
      data: { source: "demo" },
    });
    stored.set(c.key, { id, name: c.name, email: c.email, since, advisor: c.advisor });
  }
  if (profiles.length === 0) return stored;
  await rt.db.insert(customers).values(profiles);
  await rt.db.insert(customerIdentities).values(identities);
  await recordEvents(rt.db, created);
  return stored;
}
