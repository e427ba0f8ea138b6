// Feeds real mails to an SMTP receiver like a relay would: envelope sender from the From header
// (else a fixed one), several connections at once, every answer kept; a broken connection is re-opened.
import { parseMail } from "../../src/channels/email/parse.ts";
import { openSmtp, type SmtpAnswer, type SmtpSession } from "./smtp-client.ts";
import type { CorpusMail } from "./spam-corpus.ts";

export const fallbackSender = "relay-sender@corpus.example";
// A local part without spaces or specials, at a host name or an IPv4 literal: what MAIL FROM accepts.
const plainAddress =
  /^[^\s@<>()",;:\\[\]]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+|\[\d{1,3}(?:\.\d{1,3}){3}\])$/i;

/** The envelope sender a relay would use: the From address when it is a valid one, else a fixed one. */
export async function envelopeSender(raw: Buffer): Promise<string> {
  const address = (await parseMail(raw)).from?.address ?? "";
  return plainAddress.test(address) ? address : fallbackSender;
}

export type FedMail = { name: string; sender: string; answer: SmtpAnswer };

export async function feedOverSmtp(
  port: number,
  mails: CorpusMail[],
  options: { connections: number; recipient: string; onAnswer?: (done: number) => void },
): Promise<FedMail[]> {
  const results: FedMail[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      let session: SmtpSession | null = null;
      for (let i = next++; i < mails.length; i = next++) {
        const mail = mails[i] as CorpusMail;
        const sender = await envelopeSender(mail.raw);
        if (!session?.usable()) {
          session?.close();
          session = await openSmtp(port);
        }
        const answer = await session.send({ from: sender, to: [options.recipient] }, mail.raw);
        results.push({ name: mail.name, sender, answer });
        options.onAnswer?.(results.length);
      }
      session?.close();
    }),
  );
  return results;
}
