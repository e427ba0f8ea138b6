// What each CLI command does; stdout carries only what was asked for (docs/CONTRACT.md §1).
import { asc } from "drizzle-orm";
import { boot } from "../boot.ts";
import { createToken } from "../commands/access/create-token.ts";
import { createUser } from "../commands/access/create-user.ts";
import { systemPrincipal } from "../commands/access/principal.ts";
import { revokeToken } from "../commands/access/revoke-token.ts";
import { generatedPassword } from "../commands/access/secrets.ts";
import { systemActor } from "../commands/events/record-event.ts";
import { defaultSenders, mailSetup } from "../commands/mail/brand-mail-setup.ts";
import { runCommand as runUseCase } from "../commands/run-command.ts";
import { loadConfig } from "../config.ts";
import { loadDemo } from "../demo/load-demo.ts";
import type { Role } from "../domain/access/roles.ts";
import { tokenStatusAt } from "../domain/access/tokens.ts";
import { bootServer } from "../server-boot.ts";
import type { Position } from "../store/queries/keyset.ts";
import { listTokens } from "../store/queries/tokens.ts";
import { brands } from "../store/schema/index.ts";
import { parseExpiry } from "./expiry.ts";
import { UsageError } from "./run-command.ts";

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export async function startCommand(): Promise<"keep-running"> {
  const config = loadConfig();
  // The database boots (a fresh cluster's initdb is the longest step of a first start) while the
  // HTTP and SMTP stacks load: they are imported here, so that the other commands never load them.
  const booting = bootServer(config);
  booting.catch(() => {}); // awaited by startServer, which reports a failure
  const server = import("../server.ts");
  const { startServer } = await server.catch(async (error) => {
    await booting.then((b) => b.close()).catch(() => {});
    throw error;
  });
  const running = await startServer(config, { booting });
  print(`Rapport is running: ${running.url}`);
  if (running.admin?.password) {
    print(`First admin: ${running.admin.email}  password: ${running.admin.password}  (shown once)`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.booted.rt.log.info({ signal }, "stopping");
    running.stop().then(
      () => process.exit(0),
      (error) => {
        running.booted.rt.log.error({ err: error }, "stopping failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  return "keep-running";
}

async function withDesk<T>(
  work: (booted: Awaited<ReturnType<typeof boot>>) => Promise<T>,
): Promise<T> {
  const booted = await boot(loadConfig(), { mode: "attach" });
  try {
    return await work(booted);
  } finally {
    await booted.close();
  }
}

export const migrateCommand = () => withDesk(async () => print("migrations applied"));

export const demoCommand = () =>
  withDesk(async ({ rt, workspaceId }) => {
    const loaded = await loadDemo(rt, workspaceId);
    print(loaded ? "demo story loaded" : "the demo story was already loaded");
  });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

type UserOptions = {
  email: string;
  name: string;
  role: Role;
  passwordStdin?: boolean;
  language: string;
};

export async function createUserCommand(options: UserOptions): Promise<void> {
  const password = options.passwordStdin ? await readStdin() : generatedPassword();
  if (password.length < 10) throw new UsageError("the password needs at least 10 characters");
  await withDesk(async ({ rt, workspaceId }) => {
    const languages = options.language
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean);
    const created = await createUser(
      rt,
      {
        workspaceId,
        email: options.email,
        name: options.name,
        role: options.role,
        password,
        languages,
      },
      systemActor,
    );
    print(`created ${created.role} ${created.email} (${created.id})`);
    if (!options.passwordStdin) print(`password: ${password}`);
  });
}

type TokenOptions = { name: string; role: Role; user?: string; expires?: string };

export async function createTokenCommand(options: TokenOptions): Promise<void> {
  const expiresAt = options.expires ? parseExpiry(options.expires, new Date()) : undefined;
  await withDesk(async ({ rt, workspaceId }) => {
    const { token } = await createToken(
      rt,
      { workspaceId, name: options.name, role: options.role, userEmail: options.user, expiresAt },
      systemActor,
    );
    print(token);
  });
}

export async function revokeTokenCommand(id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a token id`);
  await withDesk(async ({ rt, workspaceId }) => {
    await runUseCase(rt, revokeToken, systemPrincipal(workspaceId, systemActor), { id });
    print(`revoked ${id}`);
  });
}

export async function listTokensCommand(): Promise<void> {
  await withDesk(async ({ rt, workspaceId }) => {
    const now = rt.now();
    let after: Position | undefined;
    do {
      const page = await listTokens(rt.db, { workspaceId, after, limit: 100 });
      for (const t of page.rows) {
        const bound = t.userEmail ? `as ${t.userEmail}` : "unbound";
        const used = t.lastUsedAt ? `used ${t.lastUsedAt.toISOString()}` : "never used";
        print(`${t.id}  ${tokenStatusAt(t, now)}  ${t.role}  ${bound}  ${used}  ${t.name}`);
      }
      after = page.next ?? undefined;
    } while (after);
  });
}

type MailCheckOptions = { sender?: string[] };

export async function mailCheckCommand(options: MailCheckOptions): Promise<void> {
  await withDesk(async ({ rt }) => {
    const senders = options.sender ?? defaultSenders(rt.config.relayUrl);
    const all = await rt.db.select().from(brands).orderBy(asc(brands.createdAt));
    for (const brand of all) {
      const setup = await mailSetup(rt.db, brand, rt.now(), senders);
      if (!setup) {
        print(`${brand.name}: no address to send from\n`);
        continue;
      }
      print(`${brand.name} (${setup.domain})`);
      for (const r of setup.records) print(`  ${r.name}  ${r.type}  "${r.value}"\n    ${r.why}`);
      print("");
    }
  });
}
