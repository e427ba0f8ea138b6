// The built-in SMTP receiver: mail for the brands' addresses only (no relay), 250 only after the
// commit, 451 when storage fails (the sender retries), 5xx with a reason for what we refuse; no
// sender holds more of it than its share (connections, recipients, time in DATA).
import { readFileSync } from "node:fs";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { SmtpLimits } from "../../config.ts";
import type { Runtime } from "../../runtime.ts";
import { MailRefused, mailIntake } from "./ingest-mail.ts";

export type SmtpIntake = { port: number; close(): Promise<void> };

export const defaultMaxSize = 25 * 1024 * 1024;
/** Recipients in one transaction: the 101st is told 452, and the sender sends the rest later. */
export const maxRecipients = 100;

export type SmtpOptions = {
  host: string;
  port: number;
  maxSize?: number;
  limits: SmtpLimits;
  /** PEM files of the certificate offered with STARTTLS; without them STARTTLS is not offered. */
  tls?: { certFile: string; keyFile: string } | undefined;
};

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The message's bytes; past `limit` they are drained, not kept (the answer will be 552). */
function readAll(stream: SMTPServerDataStream, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.on("error", reject);
    stream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

export async function startSmtp(rt: Runtime, options: SmtpOptions): Promise<SmtpIntake> {
  const mail = mailIntake(rt);
  const directory = mail.directory;
  const maxSize = options.maxSize ?? defaultMaxSize;
  const { limits } = options;
  // Read once at start: a missing or unreadable file stops the start with its name.
  const certificate = options.tls && {
    cert: readFileSync(options.tls.certFile),
    key: readFileSync(options.tls.keyFile),
  };

  /** Cuts a session that is still sending its message when the DATA deadline passes. */
  function cutSlowSender(session: SMTPServerSession) {
    for (const connection of server.connections) {
      if (connection.id !== session.id) continue;
      rt.log.info({ session: session.id }, "DATA took too long; connection cut");
      connection.send(421, "4.4.2 the message took too long to arrive, closing", false);
    }
  }

  const server = new SMTPServer({
    name: "rapport",
    banner: "Rapport mail intake",
    authOptional: true,
    disabledCommands: certificate ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...certificate,
    size: maxSize,
    maxClients: limits.maxConnections,
    maxRecipients,
    disableReverseLookup: true,
    logger: false,
    onConnect(session, callback) {
      let fromClient = 0;
      for (const connection of server.connections)
        if (connection.remoteAddress === session.remoteAddress) fromClient += 1;
      if (fromClient > limits.maxConnectionsPerClient)
        return callback(
          smtpError(421, "4.7.0 too many connections from your address, try again later"),
        );
      callback();
    },
    onRcptTo(address, _session, callback) {
      directory.forRecipient(address.address).then(
        (brand) =>
          brand
            ? callback()
            : callback(
                smtpError(
                  550,
                  `5.1.1 <${address.address}>: no such recipient here (this server relays nothing)`,
                ),
              ),
        (error) => {
          rt.log.error({ err: error }, "recipient check failed");
          callback(smtpError(451, "4.3.0 temporary failure, try again later"));
        },
      );
    },
    onData(stream, session, callback) {
      let cut = false;
      const deadline = setTimeout(() => {
        cut = true;
        cutSlowSender(session);
      }, limits.dataTimeoutMs);
      deadline.unref();
      readAll(stream, maxSize)
        .finally(() => clearTimeout(deadline))
        .then(async (raw) => {
          if (stream.sizeExceeded) {
            return callback(smtpError(552, `5.3.4 message too big (at most ${maxSize} bytes)`));
          }
          const envelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            recipients: session.envelope.rcptTo.map((r) => r.address),
            clientIp: session.remoteAddress,
            helo: session.hostNameAppearsAs,
          };
          const outcome = await mail.ingest(raw, envelope);
          if (outcome.kind === "aside") return callback(null, `2.0.0 ${outcome.note}`);
          const { intake } = outcome;
          callback(
            null,
            `2.0.0 stored as ${intake.reference}${intake.duplicate ? " (already received)" : ""}`,
          );
        })
        .catch((error) => {
          if (cut) return; // the sender was told 421 and will send again
          if (error instanceof MailRefused)
            return callback(smtpError(error.code, `5.6.0 ${error.message}`));
          rt.log.error({ err: error, session: session.id }, "could not store a mail");
          callback(smtpError(451, "4.3.0 could not store the message now, try again later"));
        });
    },
  });
  server.on("error", (error) => rt.log.error({ err: error }, "SMTP server error"));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
