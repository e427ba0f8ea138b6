// What creating and changing an organisation share: who may, the people it names (active users of the
// workspace, a backup other than the advisor) and its domains, each held by one organisation only.
import { and, eq, ne, sql } from "drizzle-orm";
import { mayChangeOrganisations } from "../../domain/access/policies.ts";
import { checkOrganisationDomains } from "../../domain/organisation/organisation-domains.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { organisations } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { referencedUser } from "../settings/guards.ts";

export type OrganisationFields = {
  name: string;
  domains: string[];
  isPartner: boolean;
  partnerManagerId: string | null;
  advisorId: string | null;
  backupId: string | null;
  notes: string;
};

export const organisationFields = [
  "name",
  "domains",
  "isPartner",
  "partnerManagerId",
  "advisorId",
  "backupId",
  "notes",
] as const satisfies ReadonlyArray<keyof OrganisationFields>;

/** The advisory lock under which a workspace's organisation domains are claimed. */
export const organisationDomainLock = 7243570;

export function requireOrganisationRole(p: Principal): void {
  if (!mayChangeOrganisations(p)) {
    throw new DeskError(
      "forbidden",
      `changing an organisation needs the manager or admin role; you act as ${p.role}`,
    );
  }
}

const people = [
  ["advisorId", "advisor_id"],
  ["backupId", "backup_id"],
  ["partnerManagerId", "partner_manager_id"],
] as const;

/** The people newly named (not those kept as they were): active users of the workspace. */
export async function checkPeople(
  tx: Tx,
  workspaceId: string,
  before: Pick<OrganisationFields, "advisorId" | "backupId" | "partnerManagerId"> | null,
  next: Pick<OrganisationFields, "advisorId" | "backupId" | "partnerManagerId">,
): Promise<void> {
  if (next.advisorId && next.advisorId === next.backupId) {
    throw new DeskError(
      "invalid_input",
      "backup_id: the backup must be another user than the advisor",
    );
  }
  for (const [key, field] of people) {
    const id = next[key];
    if (!id || id === before?.[key]) continue;
    const user = await referencedUser(tx, workspaceId, id, field);
    if (!user.active) throw new DeskError("invalid_input", `${field}: ${user.name} is inactive`);
  }
}

/**
 * The domains as stored: a malformed or shared one is a 400 naming each; under a workspace lock (two
 * concurrent writes cannot both take a domain), one held by another organisation is a 409.
 */
export async function claimDomains(
  tx: Tx,
  workspaceId: string,
  given: readonly string[],
  organisationId: string,
): Promise<string[]> {
  const { domains, problems } = checkOrganisationDomains(given);
  if (problems.length > 0) {
    const errors = problems.map((problem) => ({
      where: "body",
      path: `/domains/${problem.index}`,
      code: problem.why === "shared" ? "invalid" : "invalid_format",
      message:
        problem.why === "shared"
          ? `${problem.domain} is a shared mail provider: its senders belong to no one organisation`
          : `"${problem.domain}" is not a mail domain such as example.com`,
    }));
    const first = errors[0];
    throw new DeskError("invalid_input", `body ${first?.path}: ${first?.message}`, { errors });
  }
  if (domains.length === 0) return domains;
  await tx.execute(
    sql`select pg_advisory_xact_lock(${organisationDomainLock}, hashtext(${workspaceId}))`,
  );
  const others = await tx
    .select({ name: organisations.name, domains: organisations.domains })
    .from(organisations)
    .where(
      and(
        eq(organisations.workspaceId, workspaceId),
        ne(organisations.id, organisationId),
        sql`${organisations.domains} ?| ${sql.param(domains)}::text[]`,
      ),
    );
  for (const other of others) {
    const taken = domains.find((d) => other.domains.includes(d));
    if (taken) {
      throw new DeskError(
        "conflict",
        `the domain ${taken} already belongs to the organisation ${other.name}`,
        { domain: taken },
      );
    }
  }
  return domains;
}
