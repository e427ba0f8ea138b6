// An organisation's domains: normalised, without repeats, never a shared mail provider.
import { describe, expect, it } from "vitest";
import { checkOrganisationDomains } from "./organisation-domains.ts";

describe("an organisation's mail domains", () => {
  it("are stored lower-case, without a leading @ and once each", () => {
    expect(
      checkOrganisationDomains(["Maison-Roux.FR", "@maison-roux.fr", " atelier.example "]),
    ).toEqual({
      domains: ["maison-roux.fr", "atelier.example"],
      problems: [],
    });
  });

  it("refuse a shared provider such as gmail.com, whatever its case", () => {
    const { problems } = checkOrganisationDomains(["roux.fr", "GMail.com", "orange.fr"]);
    expect(problems).toEqual([
      { index: 1, domain: "gmail.com", why: "shared" },
      { index: 2, domain: "orange.fr", why: "shared" },
    ]);
  });

  it("refuse what is not a host name", () => {
    const { problems } = checkOrganisationDomains([
      "roux",
      "a b.fr",
      "x@roux.fr",
      "-roux.fr",
      "roux..fr",
      "",
    ]);
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(problems.every((p) => p.why === "invalid_format")).toBe(true);
  });

  it("accept sub-domains and long top-level domains", () => {
    expect(checkOrganisationDomains(["mail.roux.co.uk", "roux.museum"]).problems).toEqual([]);
  });
});
