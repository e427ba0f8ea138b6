import { describe, expect, it } from "vitest";
import { isPresenceSignal, type PresenceSignal, presenceBook } from "./presence.ts";

const camille = (state: PresenceSignal["state"], conversation = "c1"): PresenceSignal => ({
  kind: "presence",
  conversation_id: conversation,
  user_id: "u-camille",
  name: "Camille",
  state,
});

describe("who views or answers a conversation", () => {
  it("tells a new viewer and a change to typing, not a heartbeat that changes nothing", () => {
    const book = presenceBook(() => 0);
    expect(book.hear(camille("viewing"))).toBe(true);
    expect(book.hear(camille("viewing"))).toBe(false);
    expect(book.hear(camille("typing"))).toBe(true);
    expect(book.viewers("c1")).toEqual([
      { user_id: "u-camille", name: "Camille", state: "typing" },
    ]);
    expect(book.viewers("c2")).toEqual([]);
  });

  it("forgets a viewer who left at once, and one silent for 30 s", () => {
    let now = 0;
    const book = presenceBook(() => now);
    book.hear(camille("viewing"));
    expect(book.hear(camille("left"))).toBe(true);
    expect(book.viewers("c1")).toEqual([]);
    book.hear(camille("viewing", "c2"));
    now = 29_000;
    expect(book.expire()).toEqual([]);
    now = 31_000;
    expect(book.expire()).toEqual(["c2"]);
    expect(book.viewers("c2")).toEqual([]);
  });

  it("recognises only well-formed presence signals", () => {
    expect(isPresenceSignal({ ...camille("viewing") })).toBe(true);
    expect(isPresenceSignal({ ...camille("viewing"), state: "dancing" })).toBe(false);
    expect(isPresenceSignal({ kind: "online", user_id: "u", stream_id: "s" })).toBe(false);
  });
});
