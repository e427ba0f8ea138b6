import { describe, expect, it } from "vitest";
import { bytesToUuid, constantTimeEqual, uuidToBytes } from "./uuid-bytes.ts";

describe("UUID bytes", () => {
  it("round-trip a UUID, lower-cased", () => {
    const uuid = "5D2C1B0A-9E8F-4A7B-8C6D-5E4F3A2B1C0D";
    expect(uuidToBytes(uuid)).toHaveLength(16);
    expect(bytesToUuid(uuidToBytes(uuid))).toBe(uuid.toLowerCase());
  });

  it("refuse what is not a UUID", () => {
    expect(() => uuidToBytes("5d2c1b0a9e8f4a7b8c6d5e4f3a2b1c0d")).toThrow("not a UUID");
  });
});

describe("constant-time comparison", () => {
  it("tells equal byte strings from different ones and from other lengths", () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
  });
});
