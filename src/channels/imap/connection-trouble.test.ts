import { describe, expect, it } from "vitest";
import { connectionTrouble, retryDelayMs } from "./connection-trouble.ts";

const place = "imap.example:993";

describe("connectionTrouble", () => {
  it("says a refused login without the password the server echoed", () => {
    const error = Object.assign(new Error("Command failed"), {
      authenticationFailed: true,
      responseText: "Authentication failed for s3cret-pass",
    });
    const text = connectionTrouble(error, place, ["s3cret-pass"]);
    expect(text).toBe(
      "the server refused the user name or password (Authentication failed for •••)",
    );
  });

  it("names an unreachable server", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
    });
    expect(connectionTrouble(error, place, [])).toBe(
      "nothing answers at imap.example:993 (connection refused)",
    );
  });

  it("keeps any other message on one bounded line, secrets removed", () => {
    const error = new Error(`odd\nfailure with hunter22 ${"x".repeat(900)}`);
    const text = connectionTrouble(error, place, ["hunter22"]);
    expect(text).not.toContain("hunter22");
    expect(text).not.toContain("\n");
    expect(text.length).toBe(500);
  });
});

describe("retryDelayMs", () => {
  it("doubles from a second up to the ceiling", () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 5_000))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });
});
