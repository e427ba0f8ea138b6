import { describe, expect, it } from "vitest";
import type { User } from "../api/types.ts";
import { assigneeChoices } from "./assignee-choices.ts";

const user = (id: string, role: User["role"] = "advisor", active = true): User => ({
  id,
  email: `${id}@rapport.test`,
  name: id,
  role,
  languages: ["fr"],
  time_zone: null,
  active,
});
const users = [
  user("zoe"),
  user("yann"),
  user("other-brand"),
  user("marc", "manager"),
  user("ada", "admin"),
  user("gone", "advisor", false),
];

describe("whom the assignee picker offers", () => {
  it("the team's people and the managers and admins, not another brand's advisors", () => {
    const team = { manager_id: "marc", member_ids: ["zoe", "yann", "gone"] };
    expect(assigneeChoices(users, team, null).map((u) => u.id)).toEqual([
      "zoe",
      "yann",
      "marc",
      "ada",
    ]);
  });

  it("keeps the current assignee listed, even from elsewhere", () => {
    const team = { manager_id: "marc", member_ids: ["zoe"] };
    expect(assigneeChoices(users, team, "other-brand").map((u) => u.id)).toContain("other-brand");
  });

  it("every active user when the conversation has no team", () => {
    expect(assigneeChoices(users, null, null).map((u) => u.id)).toEqual([
      "zoe",
      "yann",
      "other-brand",
      "marc",
      "ada",
    ]);
  });
});
