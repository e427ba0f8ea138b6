import { describe, expect, it } from "vitest";
import { repairEncodedWords, repairHeaderBlock } from "./header-repair.ts";

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("repairHeaderBlock", () => {
  it("returns the very same bytes when there is nothing to repair", () => {
    const raw = latin1("From: a@x.example\r\nSubject: =?utf-8?Q?caf=C3=A9?=\r\n\r\nbody \xe9\r\n");
    const result = repairHeaderBlock(raw);
    expect(result.repaired).toBe(false);
    expect(result.raw).toBe(raw);
  });

  it("repairs the headers only, leaving the body's bytes alone", () => {
    const raw = latin1("Subject: caf\xe9\r\n\r\nbody \xe9\r\n");
    const result = repairHeaderBlock(raw);
    expect(result.repaired).toBe(true);
    expect(Buffer.from(result.raw).toString("latin1")).toBe(
      `${Buffer.from("Subject: café").toString("latin1")}\r\n\r\nbody \xe9\r\n`,
    );
  });

  it("rewrites windows-1252 words without calling it the sender's fault", () => {
    const result = repairHeaderBlock(latin1("Subject: =?windows-1252?Q?l=92an?=\r\n\r\nb\r\n"));
    expect(result.repaired).toBe(false);
    expect(Buffer.from(result.raw).toString()).toContain("=?utf-8?B?");
  });
});

describe("repairEncodedWords", () => {
  it("leaves words in other charsets and valid UTF-8 words as they are", () => {
    const value = "=?iso-8859-15?Q?=A4?= =?utf-8?Q?=C3=A9?=";
    expect(repairEncodedWords(value)).toEqual({ text: value, mislabelled: false });
  });

  it("rewrites only the mislabelled run of a mixed header", () => {
    const { text, mislabelled } = repairEncodedWords("=?iso-8859-15?Q?=A4?= =?utf-8?Q?=E9?= fin");
    expect(mislabelled).toBe(true);
    expect(text).toBe(
      `=?iso-8859-15?Q?=A4?= =?utf-8?B?${Buffer.from("é").toString("base64")}?= fin`,
    );
  });
});
