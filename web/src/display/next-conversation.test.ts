import { describe, expect, it } from "vitest";
import { inboxFilterOf, needsNextPage, nextConversationId } from "./next-conversation.ts";

describe("send and next", () => {
  it("reads the view the advisor came from", () => {
    expect(inboxFilterOf("/")).toEqual({
      view: "unanswered",
      mine: false,
      q: "",
      brand: null,
      tag: null,
    });
    expect(inboxFilterOf("/?view=waiting&mine=1&brand=b1&tag=refund")).toEqual({
      view: "waiting",
      mine: true,
      q: "",
      brand: "b1",
      tag: "refund",
    });
    // A search from the unanswered watch looks through every conversation.
    expect(inboxFilterOf("/?q=lamp").view).toBe("all");
  });

  it("opens the one after this one, or the first when this one left the view", () => {
    expect(nextConversationId(["a", "b", "c"], "b")).toBe("c");
    expect(nextConversationId(["b", "c"], "a")).toBe("b");
    expect(nextConversationId([], "a")).toBeNull();
  });

  it("starts the view again after its last one, and opens nothing when no other is left", () => {
    expect(nextConversationId(["a", "b", "c"], "c")).toBe("a");
    expect(nextConversationId(["a"], "a")).toBeNull();
  });

  it("reads the next page when this one ends the page", () => {
    expect(needsNextPage(["a", "b"], "b")).toBe(true);
    expect(needsNextPage(["a", "b"], "a")).toBe(false);
    expect(needsNextPage(["a", "b"], "z")).toBe(false);
    expect(needsNextPage([], "z")).toBe(false);
  });
});
