// Changes a customer's profile (name, email addresses and phone numbers, preferences, notes,
// important dates, structured preferences and tags, advisor and backup, organisation), with an event
// holding the values before and after, and the preferences and tags added or removed.
import { and, eq, inArray } from "drizzle-orm";
import type { Channel } from "../../domain/conversation/status.ts";
import { identityChanges } from "../../domain/identity/identity-changes.ts";
import type { Language } from "../../domain/language.ts";
import {
  cleanPreferences,
  cleanTags,
  type Preference,
  preferenceChanges,
  tagChanges,
} from "../../domain/profile/preferences.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { getProfile, type Profile } from "../../store/queries/customers.ts";
import { phoneCountryOf } from "../../store/queries/identity.ts";
import { inWorkspace } from "../../store/queries/workspace-scope.ts";
import { customerIdentities, customers, type ImportantDate } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { changesBetween, presentFields } from "../settings/changes.ts";
import { referencedOrganisation, referencedUser } from "../settings/guards.ts";
import type { UnitOfWork } from "../unit-of-work.ts";

export type CustomerPatch = Partial<{
  name: string;
  preferredLanguage: Language | null;
  timeZone: string | null;
  preferredChannel: Channel | null;
  contactTimes: string;
  notes: string;
  importantDates: ImportantDate[];
  /** The whole list of structured preferences. */
  preferences: Preference[];
  /** The whole list of tags. */
  tags: string[];
  advisorId: string | null;
  backupId: string | null;
  organisationId: string | null;
  /** The whole list of the customer's email addresses, as written. */
  emails: string[];
  /** The whole list of their phone numbers, as written. */
  phones: string[];
}>;

const profileFields = [
  "name",
  "preferredLanguage",
  "timeZone",
  "preferredChannel",
  "contactTimes",
  "notes",
  "importantDates",
  "preferences",
  "tags",
  "advisorId",
  "backupId",
  "organisationId",
  "emails",
  "phones",
] as const;

/** The email addresses and phone numbers of a profile as the advisor sees them, for the event. */
const reachOf = (identities: Profile["identities"], kind: "email" | "phone") =>
  identities.filter((i) => i.kind === kind).map((i) => i.displayValue || i.value);

/**
 * Makes the customer's email and phone identities the ones written. An address that already
 * identifies another customer is refused: the two are the same person, which a merge settles.
 */
async function editIdentities(
  uow: UnitOfWork,
  p: Principal,
  profile: Profile,
  patch: CustomerPatch,
): Promise<boolean> {
  const country = patch.phones ? await phoneCountryOf(uow.tx, p.workspaceId, profile.id) : null;
  const changes = identityChanges(
    profile.identities,
    { email: patch.emails, phone: patch.phones },
    country,
  );
  const [invalid] = changes.invalid;
  if (invalid) {
    throw new DeskError("invalid_input", `${invalid.kind}s: "${invalid.written}" is not valid`);
  }
  for (const wanted of changes.add) {
    const [owner] = await uow.tx
      .select({ customerId: customerIdentities.customerId })
      .from(customerIdentities)
      .where(
        inWorkspace(
          customerIdentities,
          p.workspaceId,
          eq(customerIdentities.kind, wanted.kind),
          eq(customerIdentities.value, wanted.value),
        ),
      );
    if (owner) {
      throw new DeskError(
        "conflict",
        `${wanted.displayValue} already identifies another customer (${owner.customerId}): merge them instead`,
        { customer_id: owner.customerId },
      );
    }
  }
  if (changes.remove.length > 0) {
    await uow.tx
      .delete(customerIdentities)
      .where(
        inWorkspace(
          customerIdentities,
          p.workspaceId,
          inArray(customerIdentities.id, changes.remove),
        ),
      );
  }
  if (changes.add.length > 0) {
    await uow.tx.insert(customerIdentities).values(
      changes.add.map((i) => ({
        workspaceId: p.workspaceId,
        id: uow.newId(),
        customerId: profile.id,
        kind: i.kind,
        value: i.value,
        displayValue: i.displayValue,
        matchKey: i.matchKey,
        createdAt: uow.now,
      })),
    );
  }
  return changes.add.length + changes.remove.length > 0;
}

/** A customer's advisor or backup: an active user of the workspace. */
async function checkAdvisor(tx: Tx, workspaceId: string, id: string, field: string) {
  const user = await referencedUser(tx, workspaceId, id, field);
  if (!user.active) throw new DeskError("invalid_input", `${field}: ${user.name} is inactive`);
}

export async function lockCustomer(tx: Tx, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))
    .for("update");
  if (!row) throw new DeskError("not_found", "no such customer");
  if (row.mergedIntoId) {
    throw new DeskError(
      "conflict",
      `this profile was merged into the customer ${row.mergedIntoId}: change that one`,
    );
  }
  return row;
}

/** The preferences and tags added and removed, for the timeline to say in words. */
function listsChanged(
  before: { preferences: Preference[]; tags: string[] },
  next: { preferences: Preference[]; tags: string[] },
) {
  const preferences = preferenceChanges(before.preferences, next.preferences);
  const tags = tagChanges(before.tags, next.tags);
  const some = (c: { added: unknown[]; removed: unknown[] }) =>
    c.added.length + c.removed.length > 0;
  return { ...(some(preferences) ? { preferences } : {}), ...(some(tags) ? { tags } : {}) };
}

export async function updateCustomer(
  uow: UnitOfWork,
  p: Principal,
  { id, patch }: { id: string; patch: CustomerPatch },
) {
  const { tx, now } = uow;
  const row = await lockCustomer(tx, p.workspaceId, id);
  const profile = await getProfile(tx, p.workspaceId, id);
  if (!profile) throw new Error("the customer vanished");
  const edited = (await editIdentities(uow, p, profile, patch))
    ? await getProfile(tx, p.workspaceId, id)
    : profile;
  if (!edited) throw new Error("the customer vanished");
  const before = {
    ...row,
    emails: reachOf(profile.identities, "email"),
    phones: reachOf(profile.identities, "phone"),
  };
  const next = {
    ...before,
    ...presentFields(patch),
    preferences: patch.preferences ? cleanPreferences(patch.preferences) : before.preferences,
    tags: patch.tags ? cleanTags(patch.tags) : before.tags,
    emails: reachOf(edited.identities, "email"),
    phones: reachOf(edited.identities, "phone"),
  };
  if (next.advisorId && next.advisorId === next.backupId) {
    throw new DeskError(
      "invalid_input",
      "backup_id: the backup must be another user than the advisor",
    );
  }
  if (patch.advisorId && patch.advisorId !== before.advisorId) {
    await checkAdvisor(tx, p.workspaceId, patch.advisorId, "advisor_id");
  }
  if (patch.backupId && patch.backupId !== before.backupId) {
    await checkAdvisor(tx, p.workspaceId, patch.backupId, "backup_id");
  }
  if (patch.organisationId && patch.organisationId !== before.organisationId) {
    await referencedOrganisation(tx, p.workspaceId, patch.organisationId, "organisation_id");
  }
  const changes = changesBetween(before, next, profileFields);
  if (changes) {
    await tx
      .update(customers)
      .set({
        name: next.name,
        preferredLanguage: next.preferredLanguage,
        timeZone: next.timeZone,
        preferredChannel: next.preferredChannel,
        contactTimes: next.contactTimes,
        notes: next.notes,
        importantDates: next.importantDates,
        preferences: next.preferences,
        tags: next.tags,
        advisorId: next.advisorId,
        backupId: next.backupId,
        organisationId: next.organisationId,
        updatedAt: now,
      })
      .where(and(eq(customers.workspaceId, p.workspaceId), eq(customers.id, id)));
    await uow.record({
      type: "customer.updated",
      customerId: id,
      data: {
        fields: Object.keys(changes.after),
        ...listsChanged(before, next),
      },
      ...changes,
    });
  }
  const after = changes ? await getProfile(tx, p.workspaceId, id) : profile;
  if (!after) throw new Error("the customer vanished");
  return after;
}
