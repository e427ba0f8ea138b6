// A whole running Rapport (HTTP, SMTP, jobs) on a fresh cloned database, for SMTP and browser tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { type DnsLookup, noDns } from "../../src/runtime.ts";
import { type Running, startServer } from "../../src/server.ts";
import { cloneTemplate } from "./databases.ts";
import { testConfig, testPassword } from "./desk.ts";

export type TestServer = {
  url: string;
  smtpPort: number;
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
  running: Running;
  stop(): Promise<void>;
};

/** `dns` answers the mail-authentication look-ups (none by default: tests make no DNS traffic). */
export async function startTestServer(
  extra: Record<string, string> = {},
  dns: DnsLookup = noDns,
): Promise<TestServer> {
  const database = await cloneTemplate(inject("templateUrl"));
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-server-"));
  const adminEmail = "admin@rapport.test";
  const config = testConfig(database.url, dataDir, {
    RAPPORT_DEMO: "1",
    RAPPORT_ADMIN_EMAIL: adminEmail,
    RAPPORT_ADMIN_PASSWORD: testPassword,
    ...extra,
  });
  const running = await startServer(config, { dns });
  return {
    url: running.url,
    smtpPort: running.smtpPort,
    dataDir,
    adminEmail,
    adminPassword: testPassword,
    running,
    async stop() {
      await running.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
