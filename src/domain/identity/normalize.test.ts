import { describe, expect, it } from "vitest";
import {
  countryCode,
  normalizeChatId,
  normalizeEmail,
  normalizePhone,
  normalizeSocialHandle,
  suggestionKey,
} from "./normalize.ts";

describe("identity normalisation", () => {
  it("finds an email address again whatever its case and surrounding spaces", () => {
    expect(normalizeEmail("  Marie.Dupont@Example.FR ")).toBe("marie.dupont@example.fr");
  });

  it.each([
    ["+33 6 12-34-56-78", null, "+33612345678"],
    ["0033 6 12 34 56 78", null, "+33612345678"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["06.12.34.56.78", "fr", "+33612345678"],
    ["(0)6 12 34 56 78", "FR", "+33612345678"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["+44 20 7946 0958", "FR", "+442079460958"],
    ["(415) 555-0132", "US", "+14155550132"],
  ])("writes %s (brand country %s) in E.164 as %s", (written, country, expected) => {
    expect(normalizePhone(written, country)).toBe(expected);
  });

  it("keeps a national number's digits when no country tells where it is from", () => {
    expect(normalizePhone("06.12.34.56.78")).toBe("0612345678");
    expect(normalizePhone("06 12 34 56 78", "not a country")).toBe("0612345678");
  });

  it("refuses what cannot be a phone number", () => {
    expect(normalizePhone("call me")).toBeNull();
    expect(normalizePhone("12")).toBeNull();
    expect(normalizePhone("1".repeat(20))).toBeNull();
    expect(normalizePhone("06 12 34 56 78 ext. 12", "FR")).toBeNull();
  });

  it("reads a country code in any case and refuses others", () => {
    expect(countryCode(" fr ")).toBe("FR");
    expect(countryCode("FRA")).toBeNull();
    expect(countryCode(null)).toBeNull();
  });

  it("keeps a chat visitor id as the widget gave it", () => {
    expect(normalizeChatId("  v_7Hk2-aa ")).toBe("v_7Hk2-aa");
    expect(normalizeChatId("   ")).toBeNull();
  });

  it("writes a social handle as network:handle, lower-case, without the @", () => {
    expect(normalizeSocialHandle("@Marie_D", "Instagram")).toBe("instagram:marie_d");
    expect(normalizeSocialHandle("Instagram:@Marie_D")).toBe("instagram:marie_d");
    expect(normalizeSocialHandle("marie d", "x")).toBeNull();
  });

  it.each([
    ["marie+shop@example.fr", "marie@example.fr"],
    ["marie@example.fr", "marie@example.fr"],
    ["marie.dupont@gmail.com", "mariedupont@gmail.com"],
    ["m.a.r.i.e.dupont+promo@googlemail.com", "mariedupont@gmail.com"],
    ["marie.dupont@example.fr", "marie.dupont@example.fr"],
  ])("gives %s the suggestion key %s", (email, key) => {
    expect(suggestionKey("email", email)).toBe(key);
  });

  it("gives no suggestion key to other kinds", () => {
    expect(suggestionKey("phone", "+33612345678")).toBeNull();
  });
});
