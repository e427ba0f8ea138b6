// The one way mail leaves Rapport: through the relay (SMTP_RELAY_URL), or, without one, as an
// .eml file in the outbox folder holding the exact bytes a relay would get (written atomically).
import { mkdir, open, rename } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "pino";

export type Envelope = { from: string; to: string[] };
export type DeliveryOutcome =
  | { ok: true; response: string }
  | { ok: false; permanent: boolean; response: string };
export type Deliver = (
  envelope: Envelope,
  raw: Buffer,
  name: string,
  at: Date,
) => Promise<DeliveryOutcome>;

export function outboxDelivery(dataDir: string): Deliver {
  const folder = path.join(dataDir, "outbox");
  return async (_envelope, raw, name, at) => {
    await mkdir(folder, { recursive: true });
    const stamp = at
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z");
    const file = path.join(folder, `${stamp}-${name}.eml`);
    const temporary = `${file}.tmp`;
    const handle = await open(temporary, "w", 0o640);
    try {
      await handle.writeFile(raw);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return { ok: true, response: `written to the outbox as ${path.basename(file)}` };
  };
}

export function relayDelivery(url: string, log: Logger): Deliver {
  const transport = nodemailer.createTransport(url);
  return async (envelope, raw) => {
    try {
      const info = await transport.sendMail({ envelope, raw });
      return { ok: true, response: String(info.response ?? "accepted") };
    } catch (error) {
      const e = error as { responseCode?: number; response?: string; message: string };
      const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
      log.warn({ responseCode: e.responseCode, permanent }, "the relay refused a mail");
      return { ok: false, permanent, response: e.response ?? e.message };
    }
  };
}

export function chooseDelivery(
  relayUrl: string | undefined,
  dataDir: string,
  log: Logger,
): Deliver {
  if (relayUrl) return relayDelivery(relayUrl, log);
  log.warn(
    { outbox: path.join(dataDir, "outbox") },
    "no SMTP_RELAY_URL: outbound mail is written to the outbox folder",
  );
  return outboxDelivery(dataDir);
}
