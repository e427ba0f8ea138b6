import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.ts";

const secret = "a secret for cursors";
const position = {
  at: new Date("2026-03-02T10:15:00.123Z"),
  id: "0195f3a2-7c1d-7a00-8000-000000000001",
};

function refusal(cursor: string): unknown {
  try {
    decodeCursor(secret, cursor);
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return "accepted";
}

describe("list cursors", () => {
  it("give back the position they were made from, rank included", () => {
    expect(decodeCursor(secret, encodeCursor(secret, position))).toEqual(position);
    const ranked = { ...position, rank: 0.5 };
    expect(decodeCursor(secret, encodeCursor(secret, ranked))).toEqual(ranked);
  });

  it("refuse a signature holding a multibyte character as an invalid cursor", () => {
    const [payload, signature = ""] = encodeCursor(secret, position).split(".");
    // As many characters as the real signature, more bytes.
    expect(refusal(`${payload}.é${signature.slice(1)}`)).toBe("invalid_cursor");
    expect(refusal(`${payload}.${"€".repeat(22)}`)).toBe("invalid_cursor");
  });

  it("refuse a cursor that is not a signed position", () => {
    for (const cursor of ["", ".", "abc", "abc.", ".abc", "x.y.z", "é.é"]) {
      expect(refusal(cursor), cursor).toBe("invalid_cursor");
    }
  });

  it("refuse a correctly signed payload that does not hold a position", () => {
    for (const key of ["not json", "[]", '["yesterday","x"]', "null", '{"at":1}']) {
      expect(refusal(signedAsTheServerSigns(key)), key).toBe("invalid_cursor");
    }
  });
});

/** A payload with the server's signature, to reach the checks that follow the signature's. */
function signedAsTheServerSigns(key: string): string {
  const payload = Buffer.from(key).toString("base64url");
  const signature = createHmac("sha256", secret)
    .update(`cursor:${payload}`)
    .digest("base64url")
    .slice(0, 22);
  return `${payload}.${signature}`;
}
