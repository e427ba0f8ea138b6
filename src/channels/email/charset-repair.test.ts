import { describe, expect, it } from "vitest";
import {
  decodeUtf8OrWindows1252,
  decodeWindows1252,
  isUtf8Label,
  isWindows1252Label,
} from "./charset-repair.ts";

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("decodeUtf8OrWindows1252", () => {
  it("reads valid UTF-8 as UTF-8", () => {
    expect(decodeUtf8OrWindows1252(Buffer.from("été € 😀"))).toBe("été € 😀");
  });

  it("reads the bytes that are not UTF-8 as windows-1252", () => {
    expect(decodeUtf8OrWindows1252(latin1("\xe9t\xe9 \x80 l\x92an"))).toBe("été € l’an");
  });

  it("keeps valid sequences next to invalid bytes", () => {
    const mixed = Buffer.concat([Buffer.from("€ "), latin1("\xe9"), Buffer.from(" é")]);
    expect(decodeUtf8OrWindows1252(mixed)).toBe("€ é é");
  });

  it("rejects overlong forms, surrogates and truncated sequences as UTF-8", () => {
    expect(decodeUtf8OrWindows1252(Uint8Array.from([0xc0, 0xaf]))).toBe("À¯");
    expect(decodeUtf8OrWindows1252(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe("í\u00a0€");
    expect(decodeUtf8OrWindows1252(Uint8Array.from([0x61, 0xe2, 0x82]))).toBe("aâ‚");
  });
});

describe("charset labels", () => {
  it("know the spellings of UTF-8, a missing label included", () => {
    for (const label of [undefined, "", "utf-8", "UTF8", "unicode-1-1-utf-8"]) {
      expect(isUtf8Label(label)).toBe(true);
    }
    expect(isUtf8Label("iso-8859-1")).toBe(false);
    expect(isUtf8Label("x-unknown")).toBe(false);
  });

  it("know that latin1 and us-ascii are windows-1252 to a decoder", () => {
    for (const label of ["windows-1252", "ISO-8859-1", "latin1", "us-ascii", "cp1252"]) {
      expect(isWindows1252Label(label)).toBe(true);
    }
    expect(isWindows1252Label("iso-8859-15")).toBe(false);
    expect(isWindows1252Label(undefined)).toBe(false);
  });

  it("decode windows-1252's own characters in 0x80–0x9F", () => {
    expect(decodeWindows1252(latin1("\x80\x85\x8c\x92\x9c\x9f\xe9"))).toBe("€…Œ’œŸé");
  });
});
