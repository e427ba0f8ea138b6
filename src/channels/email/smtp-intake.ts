// The built-in SMTP receiver: mail for the brands' addresses only (no relay), 250 only after the
// commit, 451 when storage fails (the sender retries), 5xx with a reason for what we refuse.
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import type { Runtime } from "../../runtime.ts";
import { MailRefused, mailIntake } from "./ingest-mail.ts";

export type SmtpIntake = { port: number; close(): Promise<void> };

export const defaultMaxSize = 25 * 1024 * 1024;

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

export async function startSmtp(
  rt: Runtime,
  options: { host: string; port: number; maxSize?: number },
): Promise<SmtpIntake> {
  const mail = mailIntake(rt);
  const directory = mail.directory;
  const maxSize = options.maxSize ?? defaultMaxSize;
  const server = new SMTPServer({
    name: "rapport",
    banner: "Rapport mail intake",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxSize,
    disableReverseLookup: true,
    logger: false,
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
      readAll(stream, maxSize)
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
