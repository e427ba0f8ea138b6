import { describe, expect, it } from "vitest";
import { isSharedMailDomain, mailDomain } from "./shared-mail-domains.ts";

describe("shared mail domains", () => {
  it("knows webmail providers are no evidence of an organisation", () => {
    expect(isSharedMailDomain("GMail.com")).toBe(true);
    expect(isSharedMailDomain("orange.fr")).toBe(true);
    expect(isSharedMailDomain("maison-lumiere.fr")).toBe(false);
  });

  it("takes the domain of an address", () => {
    expect(mailDomain("Paul@Acme.COM")).toBe("acme.com");
    expect(mailDomain("nobody")).toBeNull();
    expect(mailDomain("trailing@")).toBeNull();
  });
});
