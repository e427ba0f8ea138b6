// Another advisor on a test desk: created through the API as the admin, with a token bound to them.
import { expect } from "vitest";
import { createToken } from "../../src/commands/access/create-token.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import type { Desk } from "./desk.ts";

export type DeskAdvisor = { id: string; headers: { authorization: string } };

export async function addAdvisor(desk: Desk, name: string, email: string): Promise<DeskAdvisor> {
  const res = await desk.app.inject({
    method: "POST",
    url: "/api/v1/users",
    headers: desk.as("admin"),
    payload: { name, email, role: "advisor" },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { token } = await createToken(
    desk.booted.rt,
    { workspaceId: desk.workspaceId, name, role: "advisor", userEmail: email },
    systemActor,
  );
  return { id: res.json().id as string, headers: { authorization: `Bearer ${token}` } };
}
