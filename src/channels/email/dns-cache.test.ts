import { describe, expect, it } from "vitest";
import { cachedDns } from "./dns-cache.ts";

function counting(fail = false) {
  const asked: string[] = [];
  const lookup = async (name: string, type: string) => {
    asked.push(`${type} ${name}`);
    if (fail) throw Object.assign(new Error("no such name"), { code: "ENOTFOUND" });
    return [[`v=spf1 -all ${name}`]];
  };
  return { asked, lookup };
}

describe("DNS answers kept for mail authentication", () => {
  it("asks once for the same question, whatever its case, while the answer is fresh", async () => {
    let now = 0;
    const { asked, lookup } = counting();
    const dns = cachedDns(lookup, { now: () => now, answerMs: 1000 });
    await dns("example.org", "TXT");
    await dns("EXAMPLE.org", "TXT");
    now = 999;
    await dns("example.org", "TXT");
    expect(asked).toEqual(["TXT example.org"]);
    now = 1001;
    await dns("example.org", "TXT");
    expect(asked).toHaveLength(2);
  });

  it("tells questions of another type or name apart", async () => {
    const { asked, lookup } = counting();
    const dns = cachedDns(lookup);
    await dns("example.org", "TXT");
    await dns("example.org", "MX");
    await dns("_dmarc.example.org", "TXT");
    expect(asked).toHaveLength(3);
  });

  it("shares a question in flight and keeps a failure for its own, shorter while", async () => {
    let now = 0;
    const { asked, lookup } = counting(true);
    const dns = cachedDns(lookup, { now: () => now, failureMs: 10, answerMs: 1000 });
    const both = await Promise.allSettled([dns("gone.test", "TXT"), dns("gone.test", "TXT")]);
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(asked).toHaveLength(1);
    now = 11;
    await expect(dns("gone.test", "TXT")).rejects.toThrow("no such name");
    expect(asked).toHaveLength(2);
  });

  it("forgets the oldest questions past its size", async () => {
    const { asked, lookup } = counting();
    const dns = cachedDns(lookup, { entries: 2 });
    await dns("a.test", "TXT");
    await dns("b.test", "TXT");
    await dns("c.test", "TXT");
    await dns("a.test", "TXT");
    expect(asked).toEqual(["TXT a.test", "TXT b.test", "TXT c.test", "TXT a.test"]);
  });
});
