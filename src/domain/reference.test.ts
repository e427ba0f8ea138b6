// Conversation references: unbiased drawing, canonical form, and finding them in subjects.
import { describe, expect, it } from "vitest";
import {
  formatReference,
  isReference,
  newReference,
  normalizeReference,
  parseReferences,
  referenceAlphabet,
} from "./reference.ts";

function bytesFrom(values: number[]) {
  let position = 0;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = values[position++ % values.length] ?? 0;
    return out;
  };
}

describe("newReference", () => {
  it("maps each byte to a letter of the 31-letter alphabet", () => {
    expect(newReference(bytesFrom([0, 1, 2, 3, 4, 5, 6, 30]))).toBe("2345678Z");
  });

  it("wraps bytes modulo 31 below the rejection threshold", () => {
    expect(newReference(bytesFrom([31, 62, 247, 0, 0, 0, 0, 0]))).toBe("22Z22222");
  });

  it("drops bytes of 248 and above so no letter is favoured", () => {
    const reference = newReference(bytesFrom([248, 255, 9, 250, 9, 9, 9, 9, 9, 9, 9]));
    expect(reference).toBe("BBBBBBBB");
  });

  it("gives up instead of looping forever on a source that only yields rejected bytes", () => {
    expect(() => newReference(bytesFrom([255]))).toThrow(/no reference/);
  });

  it("draws every letter equally often over all accepted byte values", () => {
    const counts = new Map<string, number>();
    const allBytes = Array.from({ length: 256 }, (_, i) => i);
    const source = bytesFrom(allBytes);
    for (let i = 0; i < 248; i++) {
      for (const letter of newReference(source)) counts.set(letter, (counts.get(letter) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    expect(new Set(counts.values()).size).toBe(1);
  });

  it("never uses 0, O, 1, I or L", () => {
    expect(referenceAlphabet).toHaveLength(31);
    expect(referenceAlphabet).not.toMatch(/[0O1IL]/);
  });
});

describe("isReference", () => {
  it("accepts eight letters of the alphabet", () => {
    expect(isReference("K7M2QX9A")).toBe(true);
  });

  it("refuses lower case, wrong lengths and ambiguous letters", () => {
    expect(isReference("k7m2qx9a")).toBe(false);
    expect(isReference("K7M2QX9")).toBe(false);
    expect(isReference("K7M2QX9AB")).toBe(false);
    expect(isReference("K7M2QX0A")).toBe(false);
    expect(isReference("K7M2QXLA")).toBe(false);
  });
});

describe("normalizeReference", () => {
  it("accepts a bracketed or lower-case reference typed by a person", () => {
    expect(normalizeReference(" [#k7m2qx9a] ")).toBe("K7M2QX9A");
    expect(normalizeReference("k7m2qx9a")).toBe("K7M2QX9A");
  });

  it("answers null for anything that is not a reference", () => {
    expect(normalizeReference("[#K7M2QX0A]")).toBeNull();
    expect(normalizeReference("")).toBeNull();
  });
});

describe("formatReference", () => {
  it("wraps the reference as shown in subjects", () => {
    expect(formatReference("K7M2QX9A")).toBe("[#K7M2QX9A]");
  });
});

describe("parseReferences", () => {
  it("finds a reference at the end of a reply subject", () => {
    expect(parseReferences("Re: Ma commande [#K7M2QX9A]")).toEqual(["K7M2QX9A"]);
  });

  it("normalises lower-case tokens to upper case", () => {
    expect(parseReferences("re: [#k7m2qx9a]")).toEqual(["K7M2QX9A"]);
  });

  it("keeps several references in order, without repeats", () => {
    expect(parseReferences("[#K7M2QX9A] Fwd: [#ABCDEFGH] [#k7m2qx9a]")).toEqual([
      "K7M2QX9A",
      "ABCDEFGH",
    ]);
  });

  it("ignores tokens with letters outside the alphabet or the wrong length", () => {
    expect(parseReferences("[#K7M2QX0A] [#K7M2QX9] [#K7M2QX9AB] [K7M2QX9A]")).toEqual([]);
  });

  it("finds nothing in a subject without a token", () => {
    expect(parseReferences("Where is my parcel?")).toEqual([]);
  });
});
