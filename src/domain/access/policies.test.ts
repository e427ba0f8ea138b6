import { describe, expect, it } from "vitest";
import {
  leavesNoActiveAdmin,
  mayChangeOrganisations,
  mayChangeSettings,
  mayLeadTeam,
  mayUpdateTeam,
} from "./policies.ts";

const maxId = "00000000-0000-7000-8000-000000000001";
const otherId = "00000000-0000-7000-8000-000000000002";

describe("settings policies", () => {
  it("lets only admins change settings", () => {
    expect(mayChangeSettings({ role: "admin", userId: null })).toBe(true);
    expect(mayChangeSettings({ role: "manager", userId: maxId })).toBe(false);
    expect(mayChangeSettings({ role: "advisor", userId: maxId })).toBe(false);
  });
});

describe("team policies", () => {
  const team = { managerId: maxId };

  it("lets an admin change any team, its manager included", () => {
    expect(mayUpdateTeam({ role: "admin", userId: otherId }, team, { managerId: otherId })).toBe(
      true,
    );
  });

  it("lets a manager rename and staff the team they manage", () => {
    expect(mayUpdateTeam({ role: "manager", userId: maxId }, team, {})).toBe(true);
    expect(mayUpdateTeam({ role: "manager", userId: maxId }, team, { managerId: maxId })).toBe(
      true,
    );
  });

  it("does not let a manager hand their team to someone else", () => {
    expect(mayUpdateTeam({ role: "manager", userId: maxId }, team, { managerId: otherId })).toBe(
      false,
    );
    expect(mayUpdateTeam({ role: "manager", userId: maxId }, team, { managerId: null })).toBe(
      false,
    );
  });

  it("does not let a manager change a team managed by someone else", () => {
    expect(mayUpdateTeam({ role: "manager", userId: otherId }, team, {})).toBe(false);
  });

  it("does not let a manager token that acts for nobody change a team", () => {
    expect(mayUpdateTeam({ role: "manager", userId: null }, { managerId: null }, {})).toBe(false);
  });

  it("never lets an advisor change a team, even one naming them", () => {
    expect(mayUpdateTeam({ role: "advisor", userId: maxId }, team, {})).toBe(false);
  });

  it("names only active managers and admins as a team's manager", () => {
    expect(mayLeadTeam({ role: "manager", active: true })).toBe(true);
    expect(mayLeadTeam({ role: "admin", active: true })).toBe(true);
    expect(mayLeadTeam({ role: "advisor", active: true })).toBe(false);
    expect(mayLeadTeam({ role: "manager", active: false })).toBe(false);
  });
});

describe("the last active admin", () => {
  const admin = { id: maxId };

  it("cannot be demoted", () => {
    expect(leavesNoActiveAdmin([maxId], admin, { role: "manager", active: true })).toBe(true);
  });

  it("cannot be deactivated", () => {
    expect(leavesNoActiveAdmin([maxId], admin, { role: "admin", active: false })).toBe(true);
  });

  it("may be changed otherwise", () => {
    expect(leavesNoActiveAdmin([maxId], admin, { role: "admin", active: true })).toBe(false);
  });

  it("may step down when another active admin remains", () => {
    expect(leavesNoActiveAdmin([maxId, otherId], admin, { role: "advisor", active: true })).toBe(
      false,
    );
  });

  it("is not at stake when someone who is not an active admin changes", () => {
    expect(leavesNoActiveAdmin([], admin, { role: "admin", active: true })).toBe(false);
    expect(leavesNoActiveAdmin([], admin, { role: "advisor", active: false })).toBe(false);
    expect(leavesNoActiveAdmin([otherId], admin, { role: "advisor", active: false })).toBe(false);
  });
});

describe("organisations", () => {
  it("are changed by managers and admins, read only by advisors", () => {
    expect(mayChangeOrganisations({ role: "admin", userId: null })).toBe(true);
    expect(mayChangeOrganisations({ role: "manager", userId: maxId })).toBe(true);
    expect(mayChangeOrganisations({ role: "advisor", userId: otherId })).toBe(false);
  });
});
