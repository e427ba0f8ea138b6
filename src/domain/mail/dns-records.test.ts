import { describe, expect, it } from "vitest";
import { brandDnsRecords, dkimDnsRecord } from "./dns-records.ts";

// A real SubjectPublicKeyInfo would be longer; the record only moves its base64 across.
const PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END PUBLIC KEY-----
`;
const KEY_BASE64 =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u";

const input = {
  domain: "Brand.example.",
  senders: ["_spf.relay.example", "203.0.113.5", "2001:db8::/32"],
  dkim: { selector: "rapport2026", publicKeyPem: PUBLIC_KEY_PEM },
  dmarcReports: "dmarc@brand.example",
};

describe("DKIM DNS records", () => {
  it("publish the public key under <selector>._domainkey.<domain>", () => {
    expect(
      dkimDnsRecord({
        selector: "Rapport2026",
        domain: "brand.example",
        publicKeyPem: PUBLIC_KEY_PEM,
      }),
    ).toEqual({
      name: "rapport2026._domainkey.brand.example",
      type: "TXT",
      value: `v=DKIM1; k=rsa; p=${KEY_BASE64}`,
    });
  });

  it("refuse a private key, a PKCS#1 key and a selector that is no DNS label", () => {
    const domain = "brand.example";
    expect(() =>
      dkimDnsRecord({
        selector: "s",
        domain,
        publicKeyPem: "-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----",
      }),
    ).toThrow("BEGIN PUBLIC KEY");
    expect(() =>
      dkimDnsRecord({
        selector: "s",
        domain,
        publicKeyPem: "-----BEGIN RSA PUBLIC KEY-----\nAA==\n-----END RSA PUBLIC KEY-----",
      }),
    ).toThrow("BEGIN PUBLIC KEY");
    expect(() => dkimDnsRecord({ selector: "a b", domain, publicKeyPem: PUBLIC_KEY_PEM })).toThrow(
      "not a valid DKIM selector",
    );
  });
});

describe("a brand's DNS records", () => {
  it("are SPF, DKIM and DMARC, each with why it is needed", () => {
    const records = brandDnsRecords(input);
    expect(records.map(({ name, type, value }) => ({ name, type, value }))).toEqual([
      {
        name: "brand.example",
        type: "TXT",
        value: "v=spf1 include:_spf.relay.example ip4:203.0.113.5 ip6:2001:db8::/32 -all",
      },
      {
        name: "rapport2026._domainkey.brand.example",
        type: "TXT",
        value: `v=DKIM1; k=rsa; p=${KEY_BASE64}`,
      },
      {
        name: "_dmarc.brand.example",
        type: "TXT",
        value: "v=DMARC1; p=quarantine; rua=mailto:dmarc@brand.example; adkim=r; aspf=r",
      },
    ]);
    for (const record of records) expect(record.why.length).toBeGreaterThan(40);
    expect(records[0]?.why).toContain("one SPF record only");
  });

  it("take explicit SPF mechanisms as they are, and refuse what is not one", () => {
    const records = brandDnsRecords({
      ...input,
      senders: ["mx", "ip4:198.51.100.0/24", "a:out.brand.example"],
    });
    expect(records[0]?.value).toBe("v=spf1 mx ip4:198.51.100.0/24 a:out.brand.example -all");
    expect(() => brandDnsRecords({ ...input, senders: [] })).toThrow("at least one sender");
    expect(() => brandDnsRecords({ ...input, senders: ["include:a.example -all +all"] })).toThrow(
      "not a valid SPF sender",
    );
    expect(() => brandDnsRecords({ ...input, senders: ["ip4:relay.example"] })).toThrow(
      "not a valid SPF sender",
    );
  });

  it("use the DMARC policy asked for", () => {
    const records = brandDnsRecords({
      ...input,
      dmarcPolicy: "reject",
      dmarcReports: "mailto:d@brand.example",
    });
    expect(records[2]?.value).toBe(
      "v=DMARC1; p=reject; rua=mailto:d@brand.example; adkim=r; aspf=r",
    );
  });

  it("say what the other domain must publish when DMARC reports go there", () => {
    const records = brandDnsRecords({ ...input, dmarcReports: "reports@dmarc-service.example" });
    expect(records[2]?.why).toContain(
      'dmarc-service.example must publish brand.example._report._dmarc.dmarc-service.example TXT "v=DMARC1"',
    );
    expect(brandDnsRecords(input)[2]?.why).not.toContain("_report");
  });

  it("refuse a report address that could break the record", () => {
    expect(() => brandDnsRecords({ ...input, dmarcReports: "a@b.example; p=none" })).toThrow(
      "not an address for DMARC reports",
    );
  });
});
