// Reading the settings (brands, teams, users, calendars, SLA policies, canned answers): keyset-paged
// lists newest first and one row by id, always within one workspace.
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Role } from "../../domain/access/roles.ts";
import type { Db, Tx } from "../database.ts";
import {
  brands,
  calendars,
  cannedAnswers,
  slaPolicies,
  teamMembers,
  teams,
  users,
} from "../schema/index.ts";
import { after, createdPosition, type Keyset, orderOf, type Position, pageOf } from "./keyset.ts";
import { inWorkspace } from "./workspace-scope.ts";

export type PageRequest = { workspaceId: string; after?: Position | undefined; limit: number };

const positionOf = createdPosition;

/** Settings list newest first: every settings table has `created_at` and `id`. */
const byCreation = (t: { createdAt: Keyset["id"]; id: Keyset["id"] }): Keyset => ({
  at: t.createdAt,
  id: t.id,
});

export async function listBrands(db: Db, r: PageRequest) {
  const rows = await db
    .select()
    .from(brands)
    .where(inWorkspace(brands, r.workspaceId, after(byCreation(brands), r.after)))
    .orderBy(...orderOf(byCreation(brands)))
    .limit(r.limit + 1);
  return pageOf(rows, r.limit, positionOf);
}

export async function getBrand(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(brands)
    .where(inWorkspace(brands, workspaceId, eq(brands.id, id)));
  return row ?? null;
}

export type Team = typeof teams.$inferSelect & { memberIds: string[] };

async function withMembers(
  db: Tx,
  workspaceId: string,
  rows: Array<typeof teams.$inferSelect>,
): Promise<Team[]> {
  if (rows.length === 0) return [];
  const members = await db
    .select()
    .from(teamMembers)
    .where(
      inWorkspace(
        teamMembers,
        workspaceId,
        inArray(
          teamMembers.teamId,
          rows.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(teamMembers.userId));
  return rows.map((t) => ({
    ...t,
    memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId),
  }));
}

export async function listTeams(db: Db, r: PageRequest) {
  const rows = await db
    .select()
    .from(teams)
    .where(inWorkspace(teams, r.workspaceId, after(byCreation(teams), r.after)))
    .orderBy(...orderOf(byCreation(teams)))
    .limit(r.limit + 1);
  const paged = pageOf(rows, r.limit, positionOf);
  return { rows: await withMembers(db, r.workspaceId, paged.rows), next: paged.next };
}

export async function getTeam(db: Tx, workspaceId: string, id: string): Promise<Team | null> {
  const rows = await db
    .select()
    .from(teams)
    .where(inWorkspace(teams, workspaceId, eq(teams.id, id)));
  const [team] = await withMembers(db, workspaceId, rows);
  return team ?? null;
}

export type UserFilter = PageRequest & { role?: Role | undefined; active?: boolean | undefined };

export async function listUsers(db: Db, f: UserFilter) {
  const where: Array<SQL | undefined> = [
    inWorkspace(users, f.workspaceId),
    after(byCreation(users), f.after),
  ];
  if (f.role) where.push(eq(users.role, f.role));
  if (f.active !== undefined) where.push(eq(users.active, f.active));
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(...orderOf(byCreation(users)))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, positionOf);
}

export async function getUser(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(inWorkspace(users, workspaceId, eq(users.id, id)));
  return row ?? null;
}

export async function listCalendars(db: Db, r: PageRequest) {
  const rows = await db
    .select()
    .from(calendars)
    .where(inWorkspace(calendars, r.workspaceId, after(byCreation(calendars), r.after)))
    .orderBy(...orderOf(byCreation(calendars)))
    .limit(r.limit + 1);
  return pageOf(rows, r.limit, positionOf);
}

export async function getCalendar(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(calendars)
    .where(inWorkspace(calendars, workspaceId, eq(calendars.id, id)));
  return row ?? null;
}

export async function listSlaPolicies(db: Db, r: PageRequest & { brandId?: string | undefined }) {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(
      inWorkspace(
        slaPolicies,
        r.workspaceId,
        r.brandId ? eq(slaPolicies.brandId, r.brandId) : undefined,
        after(byCreation(slaPolicies), r.after),
      ),
    )
    .orderBy(...orderOf(byCreation(slaPolicies)))
    .limit(r.limit + 1);
  return pageOf(rows, r.limit, positionOf);
}

export async function getSlaPolicy(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(slaPolicies)
    .where(inWorkspace(slaPolicies, workspaceId, eq(slaPolicies.id, id)));
  return row ?? null;
}

export type CannedAnswerFilter = PageRequest & {
  language?: string | undefined;
  brandId?: string | undefined;
};

export async function listCannedAnswers(db: Db, f: CannedAnswerFilter) {
  const rows = await db
    .select()
    .from(cannedAnswers)
    .where(
      inWorkspace(
        cannedAnswers,
        f.workspaceId,
        f.language ? eq(cannedAnswers.language, f.language) : undefined,
        f.brandId ? eq(cannedAnswers.brandId, f.brandId) : undefined,
        after(byCreation(cannedAnswers), f.after),
      ),
    )
    .orderBy(...orderOf(byCreation(cannedAnswers)))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, positionOf);
}

export async function getCannedAnswer(db: Tx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(cannedAnswers)
    .where(inWorkspace(cannedAnswers, workspaceId, eq(cannedAnswers.id, id)));
  return row ?? null;
}
