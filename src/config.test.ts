import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("RAPPORT_TRUST_PROXY", () => {
  const trust = (value?: string) => loadConfig({ RAPPORT_TRUST_PROXY: value }).trustProxy;

  it("trusts no proxy unless told: X-Forwarded-For is then ignored", () => {
    expect(trust()).toBe(false);
    expect(trust("0")).toBe(false);
    expect(trust("false")).toBe(false);
  });

  it("takes a number of proxy hops", () => {
    expect(trust("1")).toBe(1);
    expect(trust("2")).toBe(2);
  });

  it("takes addresses, CIDR ranges and proxy-addr's names", () => {
    expect(trust("127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback")).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses anything else, naming it, rather than trusting every peer", () => {
    for (const value of ["true", "*", "10.0.0.0/33", "proxy.example", "10.0.0.1/8/8"]) {
      expect(() => trust(value), value).toThrow(ConfigError);
    }
    expect(() => trust("10.0.0.1,everyone")).toThrow(/everyone/);
  });
});
