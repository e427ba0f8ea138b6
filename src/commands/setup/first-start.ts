// What a fresh database needs before anyone can work: the shared secret, a workspace, a brand, an admin.
import { randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Config } from "../../config.ts";
import type { Runtime } from "../../runtime.ts";
import type { Db } from "../../store/database.ts";
import { brands, instanceSettings, users, workspaces } from "../../store/schema/index.ts";
import { createUser } from "../access/create-user.ts";
import { generatedPassword } from "../access/secrets.ts";
import { systemActor } from "../events/record-event.ts";

/** RAPPORT_SECRET, or one generated once and kept in the database so that every node shares it. */
export async function ensureSecret(db: Db, config: Config): Promise<string> {
  if (config.secret) return config.secret;
  await db
    .insert(instanceSettings)
    .values({ key: "secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, "secret"));
  return row?.value as string;
}

/** The default workspace (the oldest), created with its first brand on the very first start. */
export async function ensureWorkspace(
  rt: Runtime,
): Promise<{ workspaceId: string; created: boolean }> {
  return rt.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7243552)`);
    const [existing] = await tx
      .select()
      .from(workspaces)
      .orderBy(asc(workspaces.createdAt))
      .limit(1);
    if (existing) return { workspaceId: existing.id, created: false };
    const workspaceId = rt.newId();
    await tx.insert(workspaces).values({ id: workspaceId, name: "Rapport" });
    await tx.insert(brands).values({
      workspaceId,
      id: rt.newId(),
      name: "Support",
      slug: "support",
      addresses: [rt.config.supportAddress],
      language: "en",
      timeZone: "Europe/Paris",
    });
    return { workspaceId, created: true };
  });
}

/** The first admin; the password is returned only when Rapport generated it (to print it once). */
export async function ensureAdmin(rt: Runtime, workspaceId: string) {
  const [admin] = await rt.db.select().from(users).where(eq(users.role, "admin")).limit(1);
  if (admin) return null;
  const email = rt.config.adminEmail ?? "admin@rapport.localhost";
  const password = rt.config.adminPassword ?? generatedPassword();
  await createUser(
    rt,
    { workspaceId, email, name: "Administrator", role: "admin", password, languages: ["en", "fr"] },
    systemActor,
  );
  return { email, password: rt.config.adminPassword ? null : password };
}
