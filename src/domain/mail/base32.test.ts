import { describe, expect, it } from "vitest";
import { decodeBase32, encodeBase32 } from "./base32.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("base32", () => {
  it("encodes the RFC 4648 test vectors in lower case without padding", () => {
    expect(encodeBase32(bytes(""))).toBe("");
    expect(encodeBase32(bytes("f"))).toBe("my");
    expect(encodeBase32(bytes("fo"))).toBe("mzxq");
    expect(encodeBase32(bytes("foo"))).toBe("mzxw6");
    expect(encodeBase32(bytes("foob"))).toBe("mzxw6yq");
    expect(encodeBase32(bytes("fooba"))).toBe("mzxw6ytb");
    expect(encodeBase32(bytes("foobar"))).toBe("mzxw6ytboi");
  });

  it("decodes what it encodes, whatever the case", () => {
    const random = Uint8Array.from({ length: 26 }, (_, i) => (i * 97 + 13) % 256);
    expect(decodeBase32(encodeBase32(random))).toEqual(random);
    expect(decodeBase32(encodeBase32(random).toUpperCase())).toEqual(random);
  });

  it("rejects foreign characters and non-zero padding bits", () => {
    expect(decodeBase32("mzxw1")).toBeNull();
    expect(decodeBase32("mz")).toBeNull();
    expect(decodeBase32("m")).toBeNull();
  });
});
