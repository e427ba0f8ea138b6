// A sending MTA in miniature, for process tests, benches and scripts: one SMTP connection reused for
// many mails, every server answer (2xx, 4xx, 5xx) reported, a lost connection reported as such.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import SMTPConnection from "nodemailer/lib/smtp-connection";

export type SmtpEnvelope = { from: string; to: string[] };

/** The server's answer to one mail; `code` 0 when the connection broke before an answer came. */
export type SmtpAnswer = { code: number; text: string; ms: number };

export type SmtpSession = {
  send(envelope: SmtpEnvelope, raw: Buffer | string): Promise<SmtpAnswer>;
  /** False once the connection broke or the server refused something (a fresh one is then needed). */
  usable(): boolean;
  close(): void;
};

/** One plain-text mail over SMTP to the desk's port, answered 250 or rejected. */
export function sendPlainMail(
  port: number,
  mail: { from: string; to: string; subject: string; body: string; messageId?: string },
) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
  });
  const messageId = mail.messageId ?? `<${randomUUID()}@example.com>`;
  return transport.sendMail({
    envelope: { from: mail.from, to: [mail.to] },
    raw:
      `From: ${mail.from}\r\nTo: ${mail.to}\r\nSubject: ${mail.subject}\r\n` +
      `Message-ID: ${messageId}\r\nDate: ${new Date().toUTCString()}\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${mail.body}\r\n`,
  });
}

export function openSmtp(port: number, host = "127.0.0.1"): Promise<SmtpSession> {
  const connection = new SMTPConnection({
    host,
    port,
    secure: false,
    ignoreTLS: true,
    name: "sender.test",
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 120_000,
    socketCloseTimeout: 0,
  });
  let usable = true;
  // Errors also reach the callback of the send in flight; this listener keeps them from crashing us.
  connection.on("error", () => {
    usable = false;
  });
  connection.on("end", () => {
    usable = false;
  });
  const session: SmtpSession = {
    send(envelope, raw) {
      const began = performance.now();
      return new Promise((resolve) => {
        connection.send(envelope, raw, (error, info) => {
          const ms = performance.now() - began;
          if (!error && info)
            return resolve({ code: Number(info.response.slice(0, 3)), text: info.response, ms });
          usable = false;
          const failure = error as (Error & { responseCode?: number; response?: string }) | null;
          resolve({
            code: failure?.responseCode ?? 0,
            text: failure?.response ?? failure?.message ?? "no answer",
            ms,
          });
        });
      });
    },
    usable: () => usable,
    close() {
      usable = false;
      connection.close();
    },
  };
  // A refused or dropped connection only emits `error`/`end`: the connect callback never runs then.
  return new Promise((resolve, reject) => {
    const fail = (error?: Error) =>
      reject(error ?? new Error("connection closed before the greeting"));
    connection.once("error", fail);
    connection.once("end", fail);
    connection.connect((error) => {
      connection.off("error", fail);
      connection.off("end", fail);
      if (error) reject(error);
      else resolve(session);
    });
  });
}
