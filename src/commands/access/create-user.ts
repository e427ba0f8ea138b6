// Creates a user of the desk (advisor, manager or admin), with an argon2-hashed password.
import { and, eq } from "drizzle-orm";
import type { Role } from "../../domain/access/roles.ts";
import { DeskError } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import { users } from "../../store/schema/index.ts";
import { type Actor, recordEvent } from "../events/record-event.ts";
import { hashPassword } from "./secrets.ts";

export type CreateUserInput = {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  password?: string | undefined;
  languages?: string[] | undefined;
  timeZone?: string | undefined;
};

export async function createUser(rt: Runtime, input: CreateUserInput, actor: Actor) {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return rt.db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, input.workspaceId), eq(users.email, email)));
    if (taken.length > 0)
      throw new DeskError("conflict", `a user with the email ${email} exists already`);
    const [user] = await tx
      .insert(users)
      .values({
        workspaceId: input.workspaceId,
        id: rt.newId(),
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        languages: input.languages ?? ["en"],
        timeZone: input.timeZone ?? null,
      })
      .returning();
    if (!user) throw new Error("insert returned no user");
    await recordEvent(tx, {
      workspaceId: input.workspaceId,
      id: rt.newId(),
      at: rt.now(),
      type: "user.created",
      actor,
      after: { id: user.id, email, role: input.role },
    });
    return user;
  });
}
