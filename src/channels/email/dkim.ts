// DKIM for each brand (RFC 6376): its RSA key pair, and the signature added to the exact bytes
// we send, with nodemailer's signer (relaxed/relaxed, rsa-sha256).
import { generateKeyPairSync } from "node:crypto";
import type { Readable } from "node:stream";
import DKIM from "nodemailer/lib/dkim";

export type DkimKeyPair = { privateKeyPem: string; publicKeyPem: string };

export type DkimSigner = { domain: string; selector: string; privateKeyPem: string };

/** RSA 2048: the size RFC 8301 asks signers for; larger keys overflow some DNS hosts' TXT. */
export function generateDkimKey(): DkimKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

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
