// A real IMAP server for tests: Debian's Dovecot on a free 127.0.0.1 port, with a throw-away
// configuration, one passwd-file user and a Maildir in a temporary folder; stopped (and the folder
// removed) by `stop()`. Mail is kept by a non-root user: as root, by `nobody`, with the folder made
// traversable the way the embedded PostgreSQL's is. With CI=true a missing Dovecot is a failure.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { freePort } from "../../src/store/embedded/cluster.ts";
import { ensureReachable } from "../../src/store/embedded/run-as.ts";

export const dovecotBinary = "/usr/sbin/dovecot";

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  /**
   * Delivers mails straight into the user's INBOX as a local delivery agent does (a file each in
   * the Maildir's `new`), much faster than APPEND for a thousand mails.
   */
  deliver(raws: string[]): void;
  stop(): Promise<void>;
};

/** Whether the tests may use Dovecot here; with CI=true its absence throws instead. */
export function dovecotAvailable(): boolean {
  if (existsSync(dovecotBinary)) return true;
  if (process.env.CI === "true" || process.env.CI === "1")
    throw new Error(`${dovecotBinary} is missing: install dovecot-imapd (CI=true requires it)`);
  return false;
}

type MailUser = { uid: number; gid: number; name: string };

/** Who keeps the mail: ourselves, or `nobody` when we are root (Dovecot serves no mail as root). */
function mailUser(): MailUser {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) {
    const name = execFileSync("id", ["-un"], { encoding: "utf8" }).trim();
    return { uid, gid: process.getgid?.() ?? uid, name };
  }
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "nobody"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g"), name: "nobody" };
}

function configText(dir: string, port: number, user: MailUser, root: boolean): string {
  const services = root
    ? "default_login_user = dovenull\ndefault_internal_user = dovecot\ndefault_internal_group = dovecot"
    : `default_login_user = ${user.name}\ndefault_internal_user = ${user.name}\ndefault_internal_group = ${user.name}`;
  return `# Throw-away Dovecot for Rapport's tests.
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = rapport-test-${port}
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${Math.min(user.uid, 500)}
first_valid_gid = ${Math.min(user.gid, 500)}
${services}
mail_location = maildir:${dir}/mail/%u
mail_uid = ${user.uid}
mail_gid = ${user.gid}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${user.uid} gid=${user.gid} home=${dir}/mail/%u
}
`;
}

/** Starts Dovecot with one user (`desk@imap.test`) on a free port; resolves once it listens. */
export async function startDovecot(
  user = "desk@imap.test",
  password = "imap-secret-1234",
): Promise<Dovecot> {
  const root = process.getuid?.() === 0;
  const owner = mailUser();
  const dir = mkdtempSync(path.join(tmpdir(), "rapport-dovecot-"));
  // Dovecot's own processes (dovecot, dovenull) and the mail user must reach the folder.
  if (root) ensureReachable(path.join(dir, "run"), owner, pino({ level: "silent" }));
  chmodSync(dir, 0o755);
  for (const sub of ["run", "state", "mail"]) mkdirSync(path.join(dir, sub));
  if (root) chownSync(path.join(dir, "mail"), owner.uid, owner.gid);
  writeFileSync(path.join(dir, "passwd"), `${user}:{PLAIN}${password}\n`);
  chmodSync(path.join(dir, "passwd"), 0o644);
  const port = await freePort();
  const config = path.join(dir, "dovecot.conf");
  writeFileSync(config, configText(dir, port, owner, root));
  const child: ChildProcess = spawn(dovecotBinary, ["-F", "-c", config], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (d) => (errors += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitListening(port, child, () => errors);
  const maildir = path.join(dir, "mail", user);
  let delivered = 0;
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    deliver(raws) {
      for (const sub of ["", "cur", "new", "tmp"]) {
        const folder = path.join(maildir, sub);
        if (existsSync(folder)) continue;
        mkdirSync(folder, { mode: 0o700 });
        if (root) chownSync(folder, owner.uid, owner.gid);
      }
      for (const raw of raws) {
        delivered += 1;
        const name = `${Date.now()}.R${delivered}.rapport-test`;
        const temporary = path.join(maildir, "tmp", name);
        writeFileSync(temporary, raw, { mode: 0o600 });
        if (root) chownSync(temporary, owner.uid, owner.gid);
        renameSync(temporary, path.join(maildir, "new", name));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitListening(port: number, child: ChildProcess, errors: () => string) {
  const { connect } = await import("node:net");
  for (let look = 0; look < 200; look++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited ${child.exitCode}: ${errors()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on ${port}: ${errors()}`);
}
