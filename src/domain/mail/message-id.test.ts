import { describe, expect, it } from "vitest";
import { messageIdList, normalizeMessageId } from "./message-id.ts";

describe("normalizeMessageId", () => {
  it("drops the angle brackets and surrounding space", () => {
    expect(normalizeMessageId("  <CAF=abc+1@mail.gmail.com> ")).toBe("CAF=abc+1@mail.gmail.com");
  });

  it("takes the id out of an In-Reply-To that holds prose around it", () => {
    expect(normalizeMessageId('Your message of "Mon, 1 Jul" <x1@example.com>')).toBe(
      "x1@example.com",
    );
  });

  it("accepts an id written without brackets", () => {
    expect(normalizeMessageId("x1@example.com")).toBe("x1@example.com");
  });

  it("returns null for a missing or empty value, or prose without an id", () => {
    expect(normalizeMessageId(null)).toBeNull();
    expect(normalizeMessageId("  ")).toBeNull();
    expect(normalizeMessageId("<>")).toBeNull();
    expect(normalizeMessageId("message from Marie")).toBeNull();
  });
});

describe("messageIdList", () => {
  it("lists every id of a References value in order", () => {
    expect(messageIdList("<a@x>\r\n <b@y>  <c@z>")).toEqual(["a@x", "b@y", "c@z"]);
  });

  it("splits bare ids on spaces and commas", () => {
    expect(messageIdList("a@x, b@y c@z")).toEqual(["a@x", "b@y", "c@z"]);
  });
});
