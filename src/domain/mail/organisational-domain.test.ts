import { describe, expect, it } from "vitest";
import { addressDomain, organisationalDomain } from "./organisational-domain.ts";

describe("organisational domains", () => {
  it("keep the last two labels of a host", () => {
    expect(organisationalDomain("Mail.Shop.Example.com.")).toBe("example.com");
    expect(organisationalDomain("example.fr")).toBe("example.fr");
  });

  it("keep three labels under a known second-level suffix", () => {
    expect(organisationalDomain("mail.shop.example.co.uk")).toBe("example.co.uk");
    expect(organisationalDomain("www.impots.gouv.fr")).toBe("impots.gouv.fr");
  });

  it("are none for IP literals and words without a dot", () => {
    expect(organisationalDomain("203.0.113.5")).toBeNull();
    expect(organisationalDomain("localhost")).toBeNull();
    expect(organisationalDomain("not a host")).toBeNull();
  });
});

describe("address domains", () => {
  it("are lower-cased and taken after the last @", () => {
    expect(addressDomain('"a@b"@Example.COM')).toBe("example.com");
  });

  it("are none without an @ or a domain", () => {
    expect(addressDomain("postmaster")).toBeNull();
    expect(addressDomain("someone@")).toBeNull();
  });
});
