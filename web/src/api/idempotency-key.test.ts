import { afterEach, describe, expect, it, vi } from "vitest";
import { logInteraction } from "./customers.ts";
import { attemptKeys, newIdempotencyKey } from "./idempotency-key.ts";
import { createSetting } from "./settings.ts";
import { createToken } from "./tokens.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Answers 201 to every call and keeps the Idempotency-Key each one carried. */
function recordKeys(): Array<string | undefined> {
  const keys: Array<string | undefined> = [];
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    keys.push((init.headers as Record<string, string>)["Idempotency-Key"]);
    return new Response(JSON.stringify({ id: "x" }), {
      status: 201,
      headers: { "content-type": "application/json" },
    });
  });
  return keys;
}

describe("one Idempotency-Key per attempt of a create", () => {
  it("a retry of the same content keeps its key; new content or a success takes a fresh one", () => {
    const keys = attemptKeys();
    const first = keys.keyFor({ name: "Support" });
    expect(keys.keyFor({ name: "Support" })).toBe(first);
    const changed = keys.keyFor({ name: "Support FR" });
    expect(changed).not.toBe(first);
    keys.done();
    expect(keys.keyFor({ name: "Support FR" })).not.toBe(changed);
  });

  it("keys are 32 hex digits, never twice the same", () => {
    const made = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(made.size).toBe(100);
    for (const key of made) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("every create of the console sends the key it was given", async () => {
    const sent = recordKeys();
    await createSetting("teams", { name: "Support" } as never, "k-team");
    await createToken({ name: "ci", role: "advisor" } as never, "k-token");
    await logInteraction("c1", { channel: "phone", summary: "Called" } as never, "k-call");
    expect(sent).toEqual(["k-team", "k-token", "k-call"]);
  });
});
