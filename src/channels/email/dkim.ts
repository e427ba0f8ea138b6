// DKIM for each brand (RFC 6376): the signature added to the exact bytes we send, with nodemailer's
// signer (relaxed/relaxed, rsa-sha256). Keys are made by src/commands/mail/dkim-key.ts.
import type { Readable } from "node:stream";
import DKIM from "nodemailer/lib/dkim";

export type DkimSigner = { domain: string; selector: string; privateKeyPem: string };

/**
 * The message with a DKIM-Signature header on top. Throws rather than sending unsigned mail:
 * nodemailer leaves the signature out, silently, when the key cannot sign.
 */
export async function signMail(raw: Buffer, signer: DkimSigner): Promise<Buffer> {
  const domain = signer.domain.toLowerCase();
  const dkim = new DKIM({
    domainName: domain,
    keySelector: signer.selector,
    privateKey: signer.privateKeyPem,
  });
  const signed = await collect(dkim.sign(raw));
  if (!signed.subarray(0, 16).toString("latin1").startsWith("DKIM-Signature:")) {
    throw new Error(`DKIM signing failed for ${signer.selector}._domainkey.${domain}`);
  }
  return signed;
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.once("error", reject);
    stream.once("end", () => resolve(Buffer.concat(chunks)));
  });
}
