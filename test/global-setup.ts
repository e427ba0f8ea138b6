// Integration tests run on a real PostgreSQL: the embedded cluster (fsync off, tests only) or the server
// named by RAPPORT_TEST_DB=server. Migrations run once into a template database; each test file clones it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { pino } from "pino";
import type { TestProject } from "vitest/node";
import { migrate, openDatabase } from "../src/store/database.ts";
import { type Cluster, clusterUrlFor, startCluster } from "../src/store/embedded/cluster.ts";
import { serverUrl, withDatabase } from "./helpers/databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateUrl: string;
    backend: "embedded" | "server";
  }
}

export default async function setup(project: TestProject) {
  const backend = process.env.RAPPORT_TEST_DB === "server" ? "server" : "embedded";
  let cluster: Cluster | null = null;
  let folder: string | null = null;
  let adminUrl: string;
  if (backend === "embedded") {
    folder = mkdtempSync(path.join(tmpdir(), "rapport-test-"));
    cluster = await startCluster({ dataDir: folder, log: pino({ level: "error" }), fsync: false });
    adminUrl = clusterUrlFor(cluster, "postgres");
  } else {
    adminUrl = serverUrl("postgres");
  }
  const template = `rapport_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const database = openDatabase(templateUrl, 2);
  await migrate(database.pool);
  await database.close();
  project.provide("templateUrl", templateUrl);
  project.provide("backend", backend);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`rapport_t${process.pid}_%`],
    );
    for (const row of leftovers.rows)
      await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await cluster?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  };
}
