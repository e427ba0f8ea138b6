// Test databases: cloned from the migrated template per test file, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server for server-mode tests: DATABASE_URL, else the local one on 127.0.0.1:5432. */
export function serverUrl(database: string): string {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  return withDatabase(base, database);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** One statement on the server's `postgres` database (creating or dropping a database). */
export async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { url: string; drop(): Promise<void> };

/** A fresh database cloned from the template (CREATE DATABASE … TEMPLATE): migrated, empty. */
export async function cloneTemplate(templateUrl: string): Promise<TestDatabase> {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `rapport_t${template.split("_").at(-1)}_${randomBytes(5).toString("hex")}`;
  const adminUrl = withDatabase(templateUrl, "postgres");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(templateUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
