// A desk for integration tests: a fresh cloned database, the real app (through `inject`) and tokens per role.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { type Booted, boot } from "../../src/boot.ts";
import { createToken } from "../../src/commands/access/create-token.ts";
import { createUser } from "../../src/commands/access/create-user.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/app-type.ts";
import { startWorkers } from "../../src/jobs/workers.ts";
import { noDns } from "../../src/runtime.ts";
import { cloneTemplate } from "./databases.ts";

export type Desk = {
  app: App;
  booted: Booted;
  config: Config;
  workspaceId: string;
  tokens: { admin: string; manager: string; advisor: string; unbound: string };
  users: { advisor: { id: string; email: string }; manager: { id: string; email: string } };
  /** Authorization header for a role's token. */
  as(role: keyof Desk["tokens"]): { authorization: string };
  close(): Promise<void>;
};

export const testPassword = "correct horse battery staple";

export function testConfig(
  databaseUrl: string,
  dataDir: string,
  extra: Record<string, string> = {},
): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_DEMO: "0",
    PORT: "0",
    SMTP_PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...extra,
  });
}

/** `workers`: also run the job workers (sending mail into the outbox…), stopped by `close()`. */
export async function startDesk(
  extra: Record<string, string> = {},
  options: { workers?: boolean } = {},
): Promise<Desk> {
  const database = await cloneTemplate(inject("templateUrl"));
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-desk-"));
  const config = testConfig(database.url, dataDir, extra);
  const booted = await boot(config, { mode: "attach", dns: noDns });
  const { rt, workspaceId } = booted;
  const app = await buildApp(rt, { ready: true, waitingFor: "" });
  const workers = options.workers ? await startWorkers(rt) : null;
  await app.ready();
  const advisor = await createUser(
    rt,
    {
      workspaceId,
      email: "ada@desk.test",
      name: "Ada Advisor",
      role: "advisor",
      password: testPassword,
    },
    systemActor,
  );
  const manager = await createUser(
    rt,
    {
      workspaceId,
      email: "max@desk.test",
      name: "Max Manager",
      role: "manager",
      password: testPassword,
    },
    systemActor,
  );
  const admin = await createUser(
    rt,
    {
      workspaceId,
      email: "root@desk.test",
      name: "Alex Admin",
      role: "admin",
      password: testPassword,
    },
    systemActor,
  );
  const token = async (role: "advisor" | "manager" | "admin", userEmail?: string) =>
    (await createToken(rt, { workspaceId, name: `test ${role}`, role, userEmail }, systemActor))
      .token;
  const tokens = {
    admin: await token("admin", admin.email),
    manager: await token("manager", manager.email),
    advisor: await token("advisor", advisor.email),
    unbound: await token("admin"),
  };
  return {
    app,
    booted,
    config,
    workspaceId,
    tokens,
    users: {
      advisor: { id: advisor.id, email: advisor.email },
      manager: { id: manager.id, email: manager.email },
    },
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    async close() {
      await workers?.stop();
      await app.close();
      await booted.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
