// The `rapport` command run for real, as a child process on a cloned database: what it prints, its exit
// codes, and that what it creates works through the API.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Booted, boot } from "../../src/boot.ts";
import { createToken } from "../../src/commands/access/create-token.ts";
import { sha256 } from "../../src/commands/access/secrets.ts";
import { systemActor } from "../../src/commands/events/record-event.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/app-type.ts";
import { cloneTemplate, type TestDatabase } from "../helpers/databases.ts";
import { testConfig } from "../helpers/desk.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let database: TestDatabase;
let dataDir: string;
let booted: Booted;
let app: App;

type Outcome = { code: number | null; stdout: string; stderr: string };

/** Runs `node bin/rapport.js …` from the repository root with only the environment it needs. */
function rapport(args: string[], stdin = ""): Promise<Outcome> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    DATABASE_URL: database.url,
    RAPPORT_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/rapport.js", ...args], { cwd: root, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await booted.rt.db.execute(query)).rows as T[];
}

beforeAll(async () => {
  database = await cloneTemplate(inject("templateUrl"));
  dataDir = mkdtempSync(path.join(tmpdir(), "rapport-cli-"));
  booted = await boot(testConfig(database.url, dataDir), { mode: "attach" });
  app = await buildApp(booted.rt, { ready: true, waitingFor: "" });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await booted?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("rapport token create", () => {
  it("prints the token as the last line of stdout, and the token works", async () => {
    const run = await rapport(["token", "create", "--name", "ci", "--role", "admin"]);
    expect(run.code, run.stderr).toBe(0);
    const token = run.stdout.trimEnd().split("\n").at(-1) ?? "";
    expect(token).toMatch(/^rpt_[\w-]{20,}$/);
    const stored = await rows<{ name: string; role: string; user_id: string | null }>(
      sql`select name, role, user_id from api_tokens where token_hash = ${sha256(token)}`,
    );
    expect(stored).toEqual([{ name: "ci", role: "admin", user_id: null }]);
    const me = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ role: "admin", user: null });
  });

  it("fails with exit code 1 and a clear message for a user that does not exist", async () => {
    const run = await rapport([
      "token",
      "create",
      "--name",
      "x",
      "--role",
      "advisor",
      "--user",
      "nobody@desk.test",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no user with the email nobody@desk.test");
    expect(run.stdout).toBe("");
  });
});

describe("rapport token revoke, list and --expires", () => {
  const lastLine = (run: Outcome) => run.stdout.trimEnd().split("\n").at(-1) ?? "";
  const me = (token: string) =>
    app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });

  it("revokes a token at once, and lists it as revoked", async () => {
    const made = await rapport(["token", "create", "--name", "to-revoke", "--role", "advisor"]);
    const token = lastLine(made);
    const [row] = await rows<{ id: string }>(
      sql`select id from api_tokens where token_hash = ${sha256(token)}`,
    );
    expect((await me(token)).statusCode).toBe(200);
    const run = await rapport(["token", "revoke", row?.id ?? ""]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`revoked ${row?.id}`);
    expect((await me(token)).statusCode).toBe(401);
    const listed = await rapport(["token", "list"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${row?.id}\\s+revoked\\s+advisor\\s+unbound`));
    expect(listed.stdout).not.toContain(token);
  });

  it("says so, exit code 1, for a token that does not exist, and 2 for a malformed id", async () => {
    const missing = await rapport(["token", "revoke", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such token");
    const malformed = await rapport(["token", "revoke", "nope"]);
    expect(malformed.code).toBe(2);
  });

  it("makes a token that expires, and refuses an expiry it cannot read as bad usage", async () => {
    const run = await rapport([
      "token",
      "create",
      "--name",
      "temp",
      "--role",
      "advisor",
      "--expires",
      "2d",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const [row] = await rows<{ days: number }>(
      sql`select round(extract(epoch from expires_at - created_at) / 86400)::int as days
          from api_tokens where token_hash = ${sha256(lastLine(run))}`,
    );
    expect(row?.days).toBe(2);
    const bad = await rapport([
      "token",
      "create",
      "--name",
      "x",
      "--role",
      "advisor",
      "--expires",
      "someday",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--expires");
    expect(bad.stdout).toBe("");
  });
});

describe("rapport user create", () => {
  it("reads the password from stdin, never prints it, and the user signs in with it", async () => {
    const password = "lanterne magique 2024";
    const run = await rapport(
      [
        "user",
        "create",
        "--email",
        "Nina@Desk.test",
        "--name",
        "Nina Rossi",
        "--role",
        "manager",
        "--password-stdin",
      ],
      `${password}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("nina@desk.test");
    expect(run.stdout).not.toContain(password);
    const signIn = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "nina@desk.test", password },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json().user).toMatchObject({ name: "Nina Rossi", role: "manager" });
  });

  it("refuses a password shorter than 10 characters as bad usage", async () => {
    const run = await rapport(
      [
        "user",
        "create",
        "--email",
        "short@desk.test",
        "--name",
        "Short",
        "--role",
        "advisor",
        "--password-stdin",
      ],
      "tiny\n",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("at least 10 characters");
    expect(await rows(sql`select id from users where email = 'short@desk.test'`)).toEqual([]);
  });
});

describe("bad usage", () => {
  it("exits 2 with a message on stderr for an unknown role, and creates nothing", async () => {
    const run = await rapport([
      "user",
      "create",
      "--email",
      "boss@desk.test",
      "--name",
      "B",
      "--role",
      "boss",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are advisor, manager, admin");
    expect(run.stdout).toBe("");
    expect(await rows(sql`select id from users where email = 'boss@desk.test'`)).toEqual([]);
  });

  it("exits 2 naming a missing option", async () => {
    const run = await rapport(["token", "create", "--role", "admin"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--name <name>' not specified");
    expect(run.stdout).toBe("");
  });

  it("exits 2 for an unknown command", async () => {
    const run = await rapport(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe("rapport --help", () => {
  it("exits 0 and explains the commands, the environment and the exit codes", async () => {
    const run = await rapport(["--help"]);
    expect(run.code).toBe(0);
    for (const word of [
      "start",
      "migrate",
      "demo",
      "user",
      "token",
      "DATABASE_URL",
      "RAPPORT_DATA_DIR",
    ]) {
      expect(run.stdout).toContain(word);
    }
    expect(run.stdout).toContain("Exit codes: 0 done, 1 failed, 2 bad usage");
  });

  it("explains a subcommand's options", async () => {
    const run = await rapport(["token", "create", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--role <role>");
    expect(run.stdout).toContain("last line");
  });
});

describe("rapport demo", () => {
  it("loads the demo story once", async () => {
    const first = await rapport(["demo"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe("demo story loaded");
    const [customers] = await rows<{ n: number }>(sql`select count(*) as n from customers`);
    expect(Number(customers?.n)).toBeGreaterThanOrEqual(50);
    const again = await rapport(["demo"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe("the demo story was already loaded");
  });

  it("tells what to publish in DNS for every brand's domain", async () => {
    const run = await rapport(["mail", "check", "--sender", "include:_spf.relay.example"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"v=spf1 include:_spf.relay.example -all"');
    expect(run.stdout).toMatch(
      /rapport\d{4}\._domainkey\.rapport\.localhost {2}TXT {2}"v=DKIM1; k=rsa; p=/,
    );
    expect(run.stdout).toContain("_dmarc.rapport.localhost");
  });
});

describe("rapport customer erase", () => {
  it("erases a customer as the API does, and refuses what is not a customer's id", async () => {
    const { token: adminToken } = await createToken(
      booted.rt,
      { workspaceId: booted.workspaceId, name: "erase", role: "admin" },
      systemActor,
    );
    const written = await app.inject({
      method: "POST",
      url: "/api/v1/messages/inbound",
      headers: { authorization: `Bearer ${adminToken}` },
      payload: {
        channel: "form",
        from: { email: "odile.perrin@example.fr", name: "Odile Perrin" },
        body: "Please forget me.",
      },
    });
    expect(written.statusCode, written.body).toBe(201);
    const id = written.json().customer_id as string;
    const run = await rapport(["customer", "erase", id]);
    expect(run.code, run.stderr).toBe(0);
    // Their message and the acknowledgement it was sent.
    expect(run.stdout.trim()).toBe(`erased customer ${id}: 1 conversations, 2 messages`);
    const left = await rows<{ n: number }>(
      sql`select count(*)::int as n from messages where body_text like '%forget me%'`,
    );
    expect(left[0]?.n).toBe(0);
    const bad = await rapport(["customer", "erase", "nobody"]);
    expect(bad.code).toBe(2);
    const missing = await rapport(["customer", "erase", "0190a1b2-0000-7000-8000-0000000000ee"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such customer");
  });
});
