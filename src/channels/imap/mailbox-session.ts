// One mailbox held by this node: connect, open the folder, take what is new, then wait for more —
// with IDLE when the server has it (woken by its EXISTS), else by looking again every poll interval —
// and on any failure record the state and a readable error, close, and connect again after a
// growing wait. Its state and last error are kept on the mailbox row for settings to show.
import { ImapFlow } from "imapflow";
import type { Runtime } from "../../runtime.ts";
import {
  getMailbox,
  type Mailbox,
  recordMailboxState,
  recordMailboxSuccess,
} from "../../store/queries/mailboxes.ts";
import { open } from "../../store/sealed-box.ts";
import { connectionTrouble, retryDelayMs } from "./connection-trouble.ts";
import { type MailIntake, StorageTrouble, takeNewMail } from "./take-mail.ts";

export type SessionTimes = {
  /** Between two looks at a server without IDLE, and the longest IDLE before looking anyway. */
  pollMs: number;
  /** The longest wait before connecting again after a failure. */
  maxRetryMs: number;
};

export type MailboxSession = { stop(): Promise<void> };

/** A wait that `wake` ends early. */
function alarm() {
  let ring: () => void = () => {};
  return {
    wait(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        ring = done;
      });
    },
    wake: () => ring(),
  };
}

/** Sealed under another instance secret (RAPPORT_SECRET changed): it must be entered again. */
class PasswordUnreadable extends Error {
  constructor() {
    super("the stored password cannot be read with this desk's secret; enter it again");
  }
}

function passwordOf(rt: Runtime, mailbox: Mailbox): string {
  try {
    return open(rt.secret, "mailbox-password", mailbox.id, mailbox.passwordSealed);
  } catch {
    throw new PasswordUnreadable();
  }
}

function clientFor(mailbox: Mailbox, password: string): ImapFlow {
  return new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.tls,
    auth: { user: mailbox.user, pass: password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 16_000,
    clientInfo: { name: "Rapport" },
  });
}

export function startMailboxSession(
  rt: Runtime,
  held: { workspaceId: string; id: string },
  intake: MailIntake,
  times: SessionTimes,
): MailboxSession {
  let stopped = false;
  const live: { client: ImapFlow | null } = { client: null };
  const pause = alarm();

  async function connectAndTake(
    mailbox: Mailbox,
    password: string,
    connected: () => void,
  ): Promise<void> {
    const current = clientFor(mailbox, password);
    live.client = current;
    // A dropped connection is reported here and through the failing command, which decides.
    current.on("error", () => {});
    // New mail told at any moment (during a look too): the next wait does not begin.
    let news = false;
    const arrived = () => {
      news = true;
      pause.wake();
    };
    current.on("exists", arrived);
    current.on("close", arrived);
    await recordMailboxState(rt.db, mailbox, "connecting", null);
    await current.connect();
    const lock = await current.getMailboxLock(mailbox.folder);
    try {
      const idles = current.capabilities.has("IDLE");
      const waiting = idles ? "idle" : "polling";
      while (!stopped) {
        news = false;
        const taken = await takeNewMail(rt, current, mailbox, intake);
        if (taken > 0) rt.log.info({ mailbox: mailbox.id, taken }, "mail taken from the mailbox");
        await recordMailboxSuccess(rt.db, mailbox, waiting, rt.now());
        connected();
        if (stopped) break;
        if (news) continue;
        // IDLE until the server says a mail arrived (or the connection closes); the next command
        // (the look) ends it. Without IDLE, the next look is the poll.
        if (idles) void current.idle().catch(() => undefined);
        await pause.wait(times.pollMs);
        if (!current.usable && !stopped) throw new Error("the connection was closed");
      }
    } finally {
      lock.release();
    }
  }

  /** After a failure: its state and reason kept, then a growing wait before trying again. */
  async function failed(mailbox: Mailbox | null, error: unknown, failures: number, secret: string) {
    const text = connectionTrouble(
      error,
      mailbox ? `${mailbox.host}:${mailbox.port}` : "the database",
      [secret],
    );
    rt.log.warn(
      // The IMAP library's errors may carry what was sent: only the intake's failure is logged.
      {
        mailbox: held.id,
        failures,
        trouble: text,
        ...(error instanceof StorageTrouble ? { err: error.cause } : {}),
      },
      "mailbox connection failed",
    );
    if (mailbox)
      await recordMailboxState(rt.db, mailbox, "error", { text, at: rt.now() }).catch(() => {});
    await pause.wait(retryDelayMs(failures, times.maxRetryMs));
  }

  const running = (async () => {
    let failures = 0;
    while (!stopped) {
      let mailbox: Mailbox | null = null;
      let password = "";
      try {
        mailbox = await getMailbox(rt.db, held.workspaceId, held.id);
        // Gone or disabled: the poller lets it go at its next look.
        if (!mailbox?.enabled) return;
        password = passwordOf(rt, mailbox);
        await connectAndTake(mailbox, password, () => {
          failures = 0;
        });
      } catch (error) {
        if (stopped) break;
        failures += 1;
        await failed(mailbox, error, failures, password);
      } finally {
        live.client?.close();
        live.client = null;
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      pause.wake();
      live.client?.close();
      await running;
    },
  };
}
