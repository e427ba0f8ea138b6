// The real `rapport start` process on the embedded PostgreSQL: cold start, the CLI attaching to it,
// SIGKILL without losing committed data or leaving PostgreSQL behind, a second start refused, SIGTERM.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin", "rapport.js");
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "rapport-life-")), "data");
const env = {
  ...process.env,
  RAPPORT_DATA_DIR: dataDir,
  PORT: "0",
  SMTP_PORT: "0",
  RAPPORT_DEMO: "0",
  LOG_LEVEL: "warn",
  DATABASE_URL: "",
  RAPPORT_ADMIN_EMAIL: "",
  RAPPORT_ADMIN_PASSWORD: "",
};
const children: ChildProcess[] = [];

function postgresProcesses(): number[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => l.includes("bin/postgres") && l.includes(path.join(dataDir, "postgres")))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function start(): Promise<{
  child: ChildProcess;
  url: string;
  stdout: () => string;
  ms: number;
}> {
  const began = performance.now();
  const child = spawn(process.execPath, [bin, "start"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`rapport start exited ${child.exitCode}: ${stderr}`);
    const file = path.join(dataDir, "runtime.json");
    if (existsSync(file)) {
      const runtime = JSON.parse(readFileSync(file, "utf8"));
      if (runtime.pid === child.pid) {
        const health = await fetch(`${runtime.url}/healthz`).catch(() => null);
        if (health?.status === 200)
          return { child, url: runtime.url, stdout: () => stdout, ms: performance.now() - began };
      }
    }
    if (Date.now() > deadline) throw new Error(`rapport start did not become healthy: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [bin, ...args], {
      cwd: root,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const pid of postgresProcesses()) process.kill(pid, "SIGKILL");
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe("rapport start on the embedded PostgreSQL", () => {
  it("survives SIGKILL with its data, recovers its PostgreSQL, refuses a second start and stops on SIGTERM", async () => {
    const first = await start();
    expect(first.stdout()).toMatch(/Rapport is running: http:\/\/127\.0\.0\.1:\d+/);
    expect(first.stdout()).toMatch(/First admin: admin@rapport\.localhost {2}password: \S{10,}/);
    process.stdout.write(`cold start to healthy: ${Math.round(first.ms)} ms\n`);

    const created = cli(["token", "create", "--name", "lifecycle", "--role", "admin"]);
    expect(created.status, created.stderr).toBe(0);
    const token = created.stdout.trim().split("\n").at(-1) as string;
    expect(token).toMatch(/^rpt_/);
    const posted = await fetch(`${first.url}/api/v1/messages/inbound`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        channel: "api",
        from: { email: "kept@example.com" },
        body: "Do not lose me",
      }),
    });
    expect(posted.status).toBe(201);
    const { conversation_id } = (await posted.json()) as { conversation_id: string };

    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(postgresProcesses().length).toBeGreaterThan(0); // the orphan PostgreSQL is still there

    const second = await start();
    expect(second.stdout()).not.toMatch(/First admin/);
    const got = await fetch(`${second.url}/api/v1/conversations/${conversation_id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(got.status).toBe(200);
    const conversation = (await got.json()) as { messages: Array<{ body_text: string }> };
    expect(conversation.messages[0]?.body_text).toBe("Do not lose me");
    expect(postgresProcesses()).toHaveLength(1);

    const third = spawn(process.execPath, [bin, "start"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(third);
    let third_err = "";
    third.stderr?.on("data", (d) => (third_err += d));
    expect(await exited(third)).toBe(1);
    expect(third_err).toMatch(/already running/);

    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toBe(0);
    expect(postgresProcesses()).toHaveLength(0);
    expect(existsSync(path.join(dataDir, "runtime.json"))).toBe(false);
  });
});
