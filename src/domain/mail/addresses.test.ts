import { describe, expect, it } from "vitest";
import { matchBrandAddress, normalizeAddress, splitAddress, stripTag } from "./addresses.ts";

describe("normalizeAddress", () => {
  it("lower-cases the whole address, local part included", () => {
    expect(normalizeAddress("  <Marie.Dupont@Example.FR> ")).toBe("marie.dupont@example.fr");
  });
});

describe("splitAddress", () => {
  it("splits at the last @ so a quoted local part may hold one", () => {
    expect(splitAddress('"a@b"@Example.com')).toEqual({ local: '"a@b"', domain: "example.com" });
  });

  it("returns null for something that is not an address", () => {
    expect(splitAddress("postmaster")).toBeNull();
    expect(splitAddress("@example.com")).toBeNull();
    expect(splitAddress("marie@")).toBeNull();
  });
});

describe("stripTag", () => {
  it("drops the +tag and lower-cases", () => {
    expect(stripTag("Support+Urgent@Brand.example")).toBe("support@brand.example");
  });

  it("keeps an address without a tag as it is", () => {
    expect(stripTag("support@brand.example")).toBe("support@brand.example");
  });
});

describe("matchBrandAddress", () => {
  const brands = ["support@brand.example", "SAV@Autre.example"];

  it("matches a recipient whatever its case", () => {
    expect(matchBrandAddress("Support@BRAND.example", brands)).toEqual({
      brandAddress: "support@brand.example",
      tag: null,
    });
    expect(matchBrandAddress("sav@autre.example", brands)?.brandAddress).toBe("SAV@Autre.example");
  });

  it("matches a +tag and returns the tag", () => {
    expect(matchBrandAddress("support+R-ABC@brand.example", brands)).toEqual({
      brandAddress: "support@brand.example",
      tag: "r-abc",
    });
  });

  it("does not match another address of the same domain, nor the same local part elsewhere", () => {
    expect(matchBrandAddress("supportx@brand.example", brands)).toBeNull();
    expect(matchBrandAddress("support@brand.example.evil", brands)).toBeNull();
    expect(matchBrandAddress("support@other.example", brands)).toBeNull();
  });

  it("prefers the brand address that itself holds a + over its base", () => {
    const withTags = ["support@brand.example", "support+fr@brand.example"];
    expect(matchBrandAddress("support+fr@brand.example", withTags)).toEqual({
      brandAddress: "support+fr@brand.example",
      tag: null,
    });
    expect(matchBrandAddress("support+fr+r-x@brand.example", withTags)).toEqual({
      brandAddress: "support+fr@brand.example",
      tag: "r-x",
    });
  });

  it("returns null for a recipient that is not an address", () => {
    expect(matchBrandAddress("support", brands)).toBeNull();
  });
});
