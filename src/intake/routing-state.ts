// What routing needs to know of a batch's new conversations, read set-oriented: their customers'
// advisor, backup and partner organisation in one query; the brands' teams, with every person who
// may be given one and their open load, in a second (none when there is nobody to look for).
import { sql } from "drizzle-orm";
import { fullWeek } from "../commands/settings/weekly-hours.ts";
import type { Candidate } from "../domain/routing/route-conversation.ts";
import type { Tx } from "../store/database.ts";
import type { WeeklySchedule } from "../store/schema/index.ts";

/** A customer's chain: their own advisor and backup win over their organisation's. */
export type CustomerChain = {
  advisorId: string | null;
  backupId: string | null;
  partnerManagerId: string | null;
};

export type TeamChain = { id: string; name: string; managerId: string | null; memberIds: string[] };

export type RoutingPeople = {
  chains: Map<string, CustomerChain>;
  teams: Map<string, TeamChain>;
  people: Map<string, Candidate>;
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v));

/** Reads the chains of these customers and the people of these teams (two statements). */
export async function loadRoutingPeople(
  tx: Tx,
  workspaceId: string,
  customerIds: string[],
  teamIds: string[],
): Promise<RoutingPeople> {
  const chainRows = await tx.execute<{
    id: string;
    advisor_id: string | null;
    backup_id: string | null;
    partner_manager_id: string | null;
  }>(sql`
    select c.id,
      coalesce(c.advisor_id, o.advisor_id) as advisor_id,
      coalesce(c.backup_id, case when c.advisor_id is null then o.backup_id end) as backup_id,
      case when o.is_partner then o.partner_manager_id end as partner_manager_id
    from customers c
    left join organisations o on o.workspace_id = c.workspace_id and o.id = c.organisation_id
    where c.workspace_id = ${workspaceId}
      and c.id = any(${uuidArray(customerIds)})`);
  const chains = new Map(
    chainRows.rows.map((r) => [
      r.id,
      { advisorId: r.advisor_id, backupId: r.backup_id, partnerManagerId: r.partner_manager_id },
    ]),
  );
  const named = [...chains.values()].flatMap((c) =>
    [c.advisorId, c.backupId, c.partnerManagerId].filter((id): id is string => id !== null),
  );
  const teams = new Map<string, TeamChain>();
  const people = new Map<string, Candidate>();
  // Nobody named and no team to look in: nothing more to read.
  if (teamIds.length === 0 && named.length === 0) return { chains, teams, people };
  const rows = await tx.execute<{
    id: string;
    name: string;
    active: boolean;
    schedule: WeeklySchedule | null;
    time_zone: string | null;
    out_of_office_from: string | null;
    out_of_office_until: string | null;
    capacity: number | null;
    teams: Array<{ id: string; name: string; manager_id: string | null; member: boolean }> | null;
    open_load: number;
    last_activity_at: string | null;
  }>(sql`
    with wanted as (
      select t.id, t.name, t.manager_id from teams t
      where t.workspace_id = ${workspaceId} and t.id = any(${uuidArray(teamIds)})
    ), roles as (
      select m.user_id, w.id as team_id, w.name, w.manager_id, true as member
      from team_members m join wanted w on w.id = m.team_id
      where m.workspace_id = ${workspaceId}
      union all
      select w.manager_id, w.id, w.name, w.manager_id, false from wanted w where w.manager_id is not null
      union all
      select unnest(${uuidArray(named)}), null, null, null, false
    )
    select u.id, u.name, u.active, u.schedule, u.time_zone, u.out_of_office_from,
      u.out_of_office_until, u.capacity,
      json_agg(json_build_object('id', r.team_id, 'name', r.name, 'manager_id', r.manager_id,
        'member', r.member)) filter (where r.team_id is not null) as teams,
      (select count(*) from conversations c
        where c.workspace_id = ${workspaceId} and c.assignee_id = u.id
          and c.status in ('new', 'open', 'waiting_customer', 'waiting_third_party'))::int as open_load,
      (select c.last_activity_at from conversations c
        where c.workspace_id = ${workspaceId} and c.assignee_id = u.id
        order by c.last_activity_at desc, c.id desc limit 1) as last_activity_at
    from roles r join users u on u.workspace_id = ${workspaceId} and u.id = r.user_id
    group by u.id, u.workspace_id`);
  for (const r of rows.rows) {
    people.set(r.id, {
      id: r.id,
      name: r.name,
      active: r.active,
      schedule: r.schedule
        ? { timeZone: r.time_zone ?? "UTC", weeklyHours: fullWeek(r.schedule), holidays: [] }
        : null,
      outOfOffice:
        r.out_of_office_from || r.out_of_office_until
          ? { from: iso(r.out_of_office_from), until: iso(r.out_of_office_until) }
          : null,
      capacity: r.capacity,
      openLoad: Number(r.open_load),
      lastAssignedAt: iso(r.last_activity_at),
    });
    for (const t of r.teams ?? []) {
      const team = teams.get(t.id) ?? {
        id: t.id,
        name: t.name,
        managerId: t.manager_id,
        memberIds: [],
      };
      if (t.member) team.memberIds.push(r.id);
      teams.set(t.id, team);
    }
  }
  return { chains, teams, people };
}

/** A uuid[] parameter. */
function uuidArray(ids: string[]) {
  return sql`${`{${[...new Set(ids)].join(",")}}`}::uuid[]`;
}
