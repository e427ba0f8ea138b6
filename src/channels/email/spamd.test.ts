import { describe, expect, it } from "vitest";
import { parseSpamdAddress, parseSpamdAnswer, SpamdUnavailable } from "./spamd.ts";

describe("the spamd protocol", () => {
  it("reads the verdict, the score, the threshold and the rules that fired", () => {
    const answer =
      "SPAMD/1.1 0 EX_OK\r\nContent-length: 30\r\nSpam: True ; 1004.2 / 5.0\r\n\r\nGTUBE,MISSING_DATE,NO_RELAYS";
    expect(parseSpamdAnswer(answer)).toEqual({
      spam: true,
      score: 1004.2,
      threshold: 5,
      symbols: ["GTUBE", "MISSING_DATE", "NO_RELAYS"],
    });
  });

  it("reads a clean verdict with a negative score", () => {
    expect(parseSpamdAnswer("SPAMD/1.1 0 EX_OK\r\nSpam: False ; -0.1 / 5.0\r\n\r\n")).toMatchObject(
      { spam: false, score: -0.1, symbols: [] },
    );
  });

  it("treats an error status as spamd being unavailable", () => {
    expect(() => parseSpamdAnswer("SPAMD/1.0 76 Bad header line: xx\r\n\r\n")).toThrow(
      SpamdUnavailable,
    );
  });

  it("takes host:port, IPv6 in brackets included", () => {
    expect(parseSpamdAddress("127.0.0.1:783")).toEqual({ host: "127.0.0.1", port: 783 });
    expect(parseSpamdAddress("[::1]:783")).toEqual({ host: "::1", port: 783 });
    expect(() => parseSpamdAddress("localhost")).toThrow(/host:port/);
  });
});
