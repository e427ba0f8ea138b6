import { describe, expect, it } from "vitest";
import { parseAuthenticationResults, senderDisowned } from "./authentication-results.ts";

describe("Authentication-Results fields", () => {
  it("name the verifier and each method's result with its properties", () => {
    const parsed = parseAuthenticationResults(
      "mx.Example.NET; spf=fail smtp.mailfrom=shop.example; dkim=pass header.d=shop.example header.s=s1; dmarc=fail header.from=shop.example",
    );
    expect(parsed).toEqual({
      authservId: "mx.example.net",
      results: [
        { method: "spf", result: "fail", properties: { "smtp.mailfrom": "shop.example" } },
        {
          method: "dkim",
          result: "pass",
          properties: { "header.d": "shop.example", "header.s": "s1" },
        },
        { method: "dmarc", result: "fail", properties: { "header.from": "shop.example" } },
      ],
    });
  });

  it("ignore comments, nested ones and those holding semicolons or equal signs", () => {
    const parsed = parseAuthenticationResults(
      "mx.example.net (a (nested) comment; with=signs); spf=softfail (sender 203.0.113.5 is not permitted; see spf=pass) smtp.mailfrom=a.example",
    );
    expect(parsed?.results).toEqual([
      { method: "spf", result: "softfail", properties: { "smtp.mailfrom": "a.example" } },
    ]);
  });

  it("keep quoted values whole, semicolons and parentheses included", () => {
    const parsed = parseAuthenticationResults(
      'mx.example.net; dkim=fail reason="signature did not verify; (bad) body hash" header.d=a.example',
    );
    expect(parsed?.results[0]?.properties).toEqual({
      reason: "signature did not verify; (bad) body hash",
      "header.d": "a.example",
    });
  });

  it("read a method version, folded lines and spaces around equal signs", () => {
    const parsed = parseAuthenticationResults(
      "mx.example.net 1;\r\n\tdkim/1 = FAIL\r\n header.i=@a.example;\r\n\tdmarc=pass",
    );
    expect(parsed?.results.map((r) => `${r.method}=${r.result}`)).toEqual([
      "dkim=fail",
      "dmarc=pass",
    ]);
  });

  it("hold no results for `none`", () => {
    expect(parseAuthenticationResults("mx.example.net; none")).toEqual({
      authservId: "mx.example.net",
      results: [],
    });
  });

  it("are refused without an authserv-id", () => {
    expect(parseAuthenticationResults("spf=fail smtp.mailfrom=a.example")).toBeNull();
    expect(parseAuthenticationResults("   ")).toBeNull();
  });
});

describe("a sender disowned by its own domain", () => {
  const rapport = (results: string) => [`rapport; ${results}`];

  it("is one whose DMARC fails", () => {
    expect(senderDisowned(rapport("spf=softfail smtp.mailfrom=a.example; dmarc=fail"))).toBe(true);
  });

  it("is one whose SPF fails with no signature that verifies", () => {
    expect(senderDisowned(rapport("spf=fail smtp.mailfrom=a.example; dkim=none"))).toBe(true);
    expect(senderDisowned(rapport("spf=fail smtp.mailfrom=a.example; dkim=fail"))).toBe(true);
  });

  it("is not a forwarded mail whose signature still verifies", () => {
    expect(
      senderDisowned(rapport("spf=fail smtp.mailfrom=a.example; dkim=pass header.d=a.example")),
    ).toBe(false);
  });

  it("is not a mail that passes, a softfail alone, or a mail checked by nobody", () => {
    expect(senderDisowned(rapport("spf=pass; dkim=pass; dmarc=pass"))).toBe(false);
    expect(senderDisowned(rapport("spf=softfail smtp.mailfrom=a.example"))).toBe(false);
    expect(senderDisowned([])).toBe(false);
  });

  it("counts a failure whichever verifier wrote it", () => {
    expect(senderDisowned(["relay.example; spf=pass", "rapport; dmarc=fail"])).toBe(true);
  });
});
