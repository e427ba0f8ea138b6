import { describe, expect, it } from "vitest";
import { onlineBook } from "./online.ts";

describe("who has an open console stream", () => {
  it("holds a user while one of their streams beats, and lets them go 45 s after the last", () => {
    let now = 1_000_000;
    const book = onlineBook(() => now);
    book.hear("w", { kind: "online", user_id: "camille", stream_id: "s1" });
    now += 44_000;
    expect([...book.online("w").keys()]).toEqual(["camille"]);
    now += 2_000;
    expect(book.online("w").size).toBe(0);
  });

  it("keeps a user online while another of their streams is open", () => {
    const book = onlineBook(() => 0);
    book.hear("w", { kind: "online", user_id: "camille", stream_id: "s1" });
    book.hear("w", { kind: "online", user_id: "camille", stream_id: "s2" });
    book.hear("w", { kind: "offline", user_id: "camille", stream_id: "s1" });
    expect([...book.online("w").keys()]).toEqual(["camille"]);
    book.hear("w", { kind: "offline", user_id: "camille", stream_id: "s2" });
    expect(book.online("w").size).toBe(0);
  });

  it("keeps workspaces apart and ignores other signals", () => {
    const book = onlineBook(() => 0);
    book.hear("w", { kind: "online", user_id: "camille", stream_id: "s1" });
    book.hear("w", { kind: "presence", conversation_id: "c" });
    expect(book.online("other").size).toBe(0);
    expect(book.online("w").get("camille")).toEqual(new Date(0));
  });
});
