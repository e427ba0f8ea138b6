import { describe, expect, it } from "vitest";
import { excerptOf } from "./excerpt.ts";

describe("excerptOf", () => {
  it("puts a message on one line, without the quoted history", () => {
    const body = [
      "Hello,",
      "",
      "my  parcel\tarrived broken.",
      "On Tue, 3 Mar 2026, Support <support@shop.test> wrote:",
      "> Thank you for your order",
      ">> older",
    ].join("\r\n");
    expect(excerptOf(body)).toBe("Hello, my parcel arrived broken.");
  });

  it("leaves out a French reply's quote introduction too", () => {
    expect(excerptOf("Merci !\nLe 3 mars 2026, Support a écrit :\n> Bonjour")).toBe("Merci !");
  });

  it("cuts a long message at a word, with an ellipsis, within the length asked", () => {
    const long = "word ".repeat(100);
    const excerpt = excerptOf(long, 30);
    expect(excerpt.length).toBeLessThanOrEqual(30);
    expect(excerpt).toBe("word word word word word word…");
  });

  it("cuts a long word where it must", () => {
    expect(excerptOf("x".repeat(50), 10)).toBe("xxxxxxxxx…");
  });

  it("keeps a short message whole and an empty one empty", () => {
    expect(excerptOf("Thanks")).toBe("Thanks");
    expect(excerptOf("  \n ")).toBe("");
  });
});
