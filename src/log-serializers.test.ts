import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { errorSerializer, requestSerializer } from "./log-serializers.ts";

describe("log serializers", () => {
  it("logs a request's path without its query string", () => {
    expect(
      requestSerializer({
        id: "r1",
        method: "GET",
        url: "/api/v1/customers?email=marie@example.fr",
      }),
    ).toEqual({
      id: "r1",
      method: "GET",
      url: "/api/v1/customers",
    });
  });

  it("keeps a failed query's SQL but never its values", () => {
    const error = Object.assign(
      new Error("Failed query: insert into messages ... params: Bonjour, ma commande"),
      {
        name: "DrizzleQueryError",
        query: "insert into messages (body_text) values ($1)",
        params: ["Bonjour, ma commande"],
        cause: Object.assign(new Error("boom"), { code: "23505" }),
      },
    );
    const logged = JSON.stringify(errorSerializer(error));
    expect(logged).toContain("insert into messages");
    expect(logged).toContain("23505");
    expect(logged).not.toContain("Bonjour");
  });

  it("drops a database error's detail, which quotes the values", () => {
    const error = Object.assign(new Error("duplicate key"), {
      detail: "Key (value)=(marie@example.fr) already exists.",
    });
    expect(JSON.stringify(errorSerializer(error))).not.toContain("marie@example.fr");
  });

  it("keeps neither line of a failed query's values, nor values of one met as a cause", () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    const failed = new DrizzleQueryError(
      'insert into "users" ("email", "password_hash") values ($1, $2)',
      ["marie@example.fr", hash],
      Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
        code: "23505",
        detail: "Key (workspace_id, email)=(w, marie@example.fr) already exists.",
      }),
    );
    const wrapped = new Error("the user could not be created", { cause: failed });
    for (const error of [failed, wrapped]) {
      const logged = JSON.stringify(errorSerializer(error));
      expect(logged).toContain('insert into \\"users\\"');
      expect(logged).toContain("23505");
      expect(logged).not.toContain("marie@example.fr");
      expect(logged).not.toContain("argon2");
    }
  });
});
