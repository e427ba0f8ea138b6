// The workspace scope as the SQL it writes: the workspace first, then the other conditions; and the
// mark of a statement that reaches across workspaces, which the tenancy test looks for.
import { eq } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { customers } from "../schema/index.ts";
import { acrossWorkspaces, acrossWorkspacesMark, inWorkspace } from "./workspace-scope.ts";

const dialect = new PgDialect();

describe("inWorkspace", () => {
  it("puts the workspace before the other conditions", () => {
    const query = dialect.sqlToQuery(inWorkspace(customers, "w1", eq(customers.id, "c1")));
    expect(query.sql).toBe('("customers"."workspace_id" = $1 and "customers"."id" = $2)');
    expect(query.params).toEqual(["w1", "c1"]);
  });

  it("scopes by the workspace alone when given nothing else", () => {
    const query = dialect.sqlToQuery(inWorkspace(customers, "w1", undefined));
    expect(query.sql).toBe('"customers"."workspace_id" = $1');
  });
});

describe("acrossWorkspaces", () => {
  it("is always true and carries its reason as a comment, which cannot be closed early", () => {
    const query = dialect.sqlToQuery(acrossWorkspaces("a token */ or 1=1 names its workspace"));
    expect(query.sql).toBe(
      `true /* ${acrossWorkspacesMark} a token  or 1=1 names its workspace */`,
    );
    expect(query.params).toEqual([]);
  });
});
