// Roles of the people who use the desk, ordered: advisor < manager < admin.

export const roles = ["advisor", "manager", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { advisor: 0, manager: 1, admin: 2 };

/** True when `held` is at least `needed`. */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return rank[held] >= rank[needed];
}
