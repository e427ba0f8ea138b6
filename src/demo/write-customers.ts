// Writes the demo's customers as they were on their first day — profile, identities, advisor and
// backup — each with its "customer.created" event at that date.
import { type EventInput, recordEvents, systemActor } from "../commands/events/record-event.ts";
import type { UnitOfWork } from "../commands/unit-of-work.ts";
import { normalizeEmail, normalizePhone, suggestionKey } from "../domain/identity/normalize.ts";
import { customerIdentities, customers } from "../store/schema/index.ts";
import { daysBefore, isoDateFrom } from "./story-clock.ts";
import type { StaffKey, StoryCustomer } from "./story-types.ts";
import type { Setting } from "./write-setting.ts";

export type StoredCustomer = {
  id: string;
  name: string;
  email: string;
  /** Their email identity: the intake names it on each message it resolved through it. */
  emailIdentityId: string;
  since: Date;
  advisor: StaffKey | undefined;
  backup: StaffKey | undefined;
  /** Their organisation: its members may write in each other's conversations. */
  organisationId: string | null;
};

/**
 * Writes every customer in the story's unit of work: three multi-row statements (profiles,
 * identities, events) rather than three per customer.
 */
export async function writeCustomers(
  uow: UnitOfWork,
  workspaceId: string,
  setting: Setting,
  story: StoryCustomer[],
): Promise<Map<string, StoredCustomer>> {
  const now = uow.now;
  const stored = new Map<string, StoredCustomer>();
  const profiles: Array<typeof customers.$inferInsert> = [];
  const identities: Array<typeof customerIdentities.$inferInsert> = [];
  const created: EventInput[] = [];
  for (const c of story) {
    const id = uow.newId();
    const organisationId = c.organisation === "duval" ? setting.partnerId : null;
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
        kind: d.kind,
        date: isoDateFrom(now, d.inDays),
      })),
      advisorId: c.advisor ? setting.staff[c.advisor].id : null,
      backupId: c.backup ? setting.staff[c.backup].id : null,
      organisationId,
      createdAt: since,
      updatedAt: since,
    });
    const emailIdentityId = uow.newId();
    identities.push({
      workspaceId,
      id: emailIdentityId,
      customerId: id,
      kind: "email",
      value: normalizeEmail(c.email),
      displayValue: c.email,
      matchKey: suggestionKey("email", normalizeEmail(c.email)),
      verified: true,
      createdAt: since,
    });
    const phone = c.phone ? normalizePhone(c.phone) : null;
    if (c.phone && phone) {
      identities.push({
        workspaceId,
        id: uow.newId(),
        customerId: id,
        kind: "phone",
        value: phone,
        displayValue: c.phone,
        createdAt: since,
      });
    }
    created.push({
      workspaceId,
      id: uow.newId(),
      at: since,
      type: "customer.created",
      actor: systemActor,
      customerId: id,
      data: { source: "demo" },
    });
    stored.set(c.key, {
      id,
      name: c.name,
      email: c.email,
      emailIdentityId,
      since,
      advisor: c.advisor,
      backup: c.backup,
      organisationId,
    });
  }
  if (profiles.length === 0) return stored;
  await uow.tx.insert(customers).values(profiles);
  await uow.tx.insert(customerIdentities).values(identities);
  await recordEvents(uow.tx, created);
  return stored;
}
