// Whom a conversation may be given in the picker: the active people of its team (the
// conversation's, else its brand's) and every manager and admin — not every user of every brand.
// Without a team, every active user; the current assignee always stays listed.
import type { User } from "../api/types.ts";

export type TeamPeople = { manager_id: string | null; member_ids: string[] };

export function assigneeChoices(
  users: readonly User[],
  team: TeamPeople | null,
  currentId: string | null,
): User[] {
  const ofTeam = team ? new Set([...team.member_ids, team.manager_id]) : null;
  return users.filter(
    (u) =>
      u.id === currentId ||
      (u.active && (!ofTeam || ofTeam.has(u.id) || u.role === "manager" || u.role === "admin")),
  );
}
