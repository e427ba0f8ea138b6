import { createHash, createPrivateKey, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateDkimKey } from "../../commands/mail/dkim-key.ts";
import { dkimDnsRecord } from "../../domain/mail/dns-records.ts";
import { composeMail } from "./compose.ts";
import { signMail } from "./dkim.ts";

// A small RFC 6376 verifier (relaxed/relaxed, rsa-sha256) written for this test, so that the
// signature is checked by other code than the signer's. A maintained verifier (mailauth 4.13)
// should replace it once installed.
type Header = { name: string; line: string };

function splitMessage(raw: Buffer): { headers: Header[]; body: Buffer } {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, end).toString("latin1");
  const headers: Header[] = [];
  for (const line of head.split(/\r\n(?![ \t])/)) {
    headers.push({ name: line.slice(0, line.indexOf(":")).trim().toLowerCase(), line });
  }
  return { headers, body: raw.subarray(end + 4) };
}

function relaxedHeader(line: string): string {
  const colon = line.indexOf(":");
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line
    .slice(colon + 1)
    .replace(/\r\n/g, "")
    .replace(/[ \t]+/g, " ")
    .trim();
  return `${name}:${value}`;
}

function relaxedBody(body: Buffer): Buffer {
  const lines = body
    .toString("latin1")
    .split("\r\n")
    .map((line) => line.replace(/[ \t]+/g, " ").replace(/ $/, ""));
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return Buffer.from(lines.length === 0 ? "" : `${lines.join("\r\n")}\r\n`, "latin1");
}

function tags(value: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of value.split(";")) {
    const equals = pair.indexOf("=");
    if (equals > 0)
      map.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).replace(/\s+/g, ""));
  }
  return map;
}

function verifyDkim(raw: Buffer, dnsValue: string): { bodyHash: boolean; signature: boolean } {
  const { headers, body } = splitMessage(raw);
  const signatureHeader = headers.find((header) => header.name === "dkim-signature");
  if (!signatureHeader) throw new Error("no DKIM-Signature");
  const signature = tags(signatureHeader.line.slice(signatureHeader.line.indexOf(":") + 1));
  const bodyHash = createHash("sha256").update(relaxedBody(body)).digest("base64");

  // Each name in h= takes the next instance from the bottom (RFC 6376 §5.4.2).
  const used = new Set<Header>();
  const canonical: string[] = [];
  for (const name of (signature.get("h") ?? "").toLowerCase().split(":")) {
    const instance = headers.filter((h) => h.name === name && !used.has(h)).at(-1);
    if (!instance) continue;
    used.add(instance);
    canonical.push(`${relaxedHeader(instance.line)}\r\n`);
  }
  const unsigned = signatureHeader.line.replace(/([;\s]b=)[^;]*$/, "$1");
  canonical.push(relaxedHeader(unsigned));

  const p = tags(dnsValue).get("p") ?? "";
  const publicKey = createPublicKey({ key: Buffer.from(p, "base64"), format: "der", type: "spki" });
  return {
    bodyHash: bodyHash === signature.get("bh"),
    signature: verify(
      "sha256",
      Buffer.from(canonical.join(""), "latin1"),
      publicKey,
      Buffer.from(signature.get("b") ?? "", "base64"),
    ),
  };
}

const key = generateDkimKey();
const signer = {
  domain: "Brand.example",
  selector: "rapport2026",
  privateKeyPem: key.privateKeyPem,
};
const record = dkimDnsRecord({
  selector: "rapport2026",
  domain: "brand.example",
  publicKeyPem: key.publicKeyPem,
});

async function composed(): Promise<Buffer> {
  return composeMail({
    from: { name: "Brand Support", address: "support@brand.example" },
    to: { name: "Jeanne Dupré", address: "jeanne@customer.example" },
    subject: "Re: Ma commande est arrivée abîmée [#K7M2QX9A]",
    text: "Bonjour Jeanne,\n\nNous vous envoyons un nouveau colis dès aujourd'hui.   \n\n\n",
    html: "<p>Bonjour Jeanne,</p><p>Nous vous envoyons un nouveau colis.</p>",
    messageId: "<r-abc.def@brand.example>",
    inReplyTo: "<m1@customer.example>",
    references: ["<m1@customer.example>"],
    date: new Date("2026-11-03T10:00:00Z"),
  });
}

describe("DKIM keys", () => {
  it("are RSA 2048 in PEM, private PKCS#8 and public SubjectPublicKeyInfo", () => {
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPrivateKey(key.privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("are published as the DNS record the signature names", () => {
    expect(record.name).toBe("rapport2026._domainkey.brand.example");
    expect(record.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*$/);
  });
});

describe("signed mail", () => {
  it("carries a DKIM-Signature for the brand's domain and selector, on top", async () => {
    const signed = await signMail(await composed(), signer);
    const head = signed.toString("latin1").split("\r\n\r\n")[0] ?? "";
    expect(
      head.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=brand.example;"),
    ).toBe(true);
    expect(head).toMatch(/\bs=rapport2026;/);
    expect(head.replace(/\r\n\s+/g, " ")).toMatch(/\bh=from:subject:date:message-id:to:/i);
  });

  it("verifies with the published key: body hash and signature", async () => {
    const signed = await signMail(await composed(), signer);
    expect(verifyDkim(signed, record.value)).toEqual({ bodyHash: true, signature: true });
  });

  it("keeps the composed bytes after the signature unchanged", async () => {
    const raw = await composed();
    const signed = await signMail(raw, signer);
    expect(signed.subarray(signed.length - raw.length).equals(raw)).toBe(true);
  });

  it("fails verification when the body is changed on the way", async () => {
    const signed = (await signMail(await composed(), signer)).toString("latin1");
    const tampered = Buffer.from(signed.replace("Bonjour Jeanne", "Bonjour Jeannot"), "latin1");
    expect(verifyDkim(tampered, record.value).bodyHash).toBe(false);
  });

  it("fails verification when a signed header is changed on the way", async () => {
    const signed = (await signMail(await composed(), signer)).toString("latin1");
    const tampered = Buffer.from(signed.replace("To: ", "To: attacker@evil.example, "), "latin1");
    expect(verifyDkim(tampered, record.value)).toEqual({ bodyHash: true, signature: false });
  });

  it("fails verification with another brand's key", async () => {
    const other = generateDkimKey();
    const otherRecord = dkimDnsRecord({
      selector: "s",
      domain: "other.example",
      publicKeyPem: other.publicKeyPem,
    });
    const signed = await signMail(await composed(), signer);
    expect(verifyDkim(signed, otherRecord.value).signature).toBe(false);
  });

  it("is refused rather than sent unsigned when the key cannot sign", async () => {
    const broken = {
      ...signer,
      privateKeyPem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    };
    await expect(signMail(await composed(), broken)).rejects.toThrow(
      "DKIM signing failed for rapport2026._domainkey.brand.example",
    );
  });
});
