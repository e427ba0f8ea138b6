// A brand's DKIM key pair (RFC 6376), drawn with node:crypto: the randomness of the brand's mail
// setup, kept beside the use case that stores it.
import { generateKeyPairSync } from "node:crypto";

export type DkimKeyPair = { privateKeyPem: string; publicKeyPem: string };

/** RSA 2048: the size RFC 8301 asks signers for; larger keys overflow some DNS hosts' TXT. */
export function generateDkimKey(): DkimKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
