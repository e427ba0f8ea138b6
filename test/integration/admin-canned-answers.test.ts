// Deleting a canned answer through the API: admins only, the text kept in the audit trail, and a
// missing or foreign id a 404 that changes nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cannedAnswers, events } from "../../src/store/schema/index.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";

let desk: Desk;
beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk?.close());

type Role = "admin" | "manager" | "advisor";
const call = (method: "GET" | "POST" | "DELETE", url: string, role: Role, payload?: object) =>
  desk.app.inject({ method, url, headers: desk.as(role), ...(payload ? { payload } : {}) });

const create = async (title: string) => {
  const res = await call("POST", "/api/v1/canned-answers", "admin", {
    title,
    language: "fr",
    body: "Bonjour {{customer.name}},\n\nVotre colis est parti.",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const countAnswers = async () =>
  (await desk.booted.rt.db.select({ n: sql<number>`count(*)::int` }).from(cannedAnswers))[0]?.n;

describe("deleting a canned answer", () => {
  it("removes it from the list and records its text in the audit trail", async () => {
    const id = await create("Colis parti");
    const res = await call("DELETE", `/api/v1/canned-answers/${id}`, "admin");
    expect(res.statusCode, res.body).toBe(204);
    expect((await call("GET", `/api/v1/canned-answers/${id}`, "advisor")).statusCode).toBe(404);
    const list = (await call("GET", "/api/v1/canned-answers", "advisor")).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const [event] = await desk.booted.rt.db
      .select()
      .from(events)
      .where(
        sql`${events.type} = 'canned_answer.deleted' and ${events.data}->>'canned_answer_id' = ${id}`,
      );
    expect(event?.before).toMatchObject({ title: "Colis parti", language: "fr" });
  });

  it("is refused to managers and advisors, leaving the answer in place", async () => {
    const id = await create("Retour");
    const before = await countAnswers();
    for (const role of ["manager", "advisor"] as const) {
      const res = await call("DELETE", `/api/v1/canned-answers/${id}`, role);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe("forbidden");
    }
    expect(await countAnswers()).toBe(before);
  });

  it("answers 404 for an id it does not hold, and 400 for a malformed one", async () => {
    const missing = await call(
      "DELETE",
      "/api/v1/canned-answers/00000000-0000-4000-8000-000000000000",
      "admin",
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("not_found");
    const malformed = await call("DELETE", "/api/v1/canned-answers/nope", "admin");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe("invalid_input");
  });
});
