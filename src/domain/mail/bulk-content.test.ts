import { describe, expect, it } from "vitest";
import { bulkContentReasons } from "./bulk-content.ts";

const rules = (text: string | null, html: string | null = null) =>
  bulkContentReasons({ text, html }).map((r) => [r.rule, r.points]);

describe("content signs of bulk mail", () => {
  it("say nothing of an ordinary customer's message", () => {
    expect(
      rules("Hello, my order 1234 has not arrived. Could you check where it is? Thanks, Marie"),
    ).toEqual([]);
  });

  it("notice HTML with no plain-text part", () => {
    expect(rules(null, "<p>Hello</p>")).toEqual([["html_only", 1]]);
  });

  it("notice a text mostly in capitals, but not a short one", () => {
    expect(rules("BUY THE BEST PRODUCTS AT THE LOWEST PRICES ".repeat(6))).toEqual([
      ["shouting_body", 1],
    ]);
    expect(rules("URGENT PLEASE HELP")).toEqual([]);
  });

  it("notice large sums of money", () => {
    expect(rules("You can earn $1,000,000 this year")).toEqual([["money_amounts", 1]]);
    expect(rules("It costs 25 dollars")).toEqual([]);
  });

  it("notice instructions to leave a mailing list", () => {
    expect(rules("To be removed from our list, reply with REMOVE")).toEqual([
      ["removal_instructions", 1.5],
    ]);
  });

  it("notice a greeting that names nobody", () => {
    expect(rules("Dear friend, I have a proposal")).toEqual([["impersonal_greeting", 1]]);
    expect(rules("Dear Marie, thanks")).toEqual([]);
  });

  it("notice five or more exclamation marks", () => {
    expect(rules("Wow! Great! Amazing! Now! Yes!")).toEqual([["exclamations", 1]]);
    expect(rules("Thanks! It works!")).toEqual([]);
  });

  it("notice a mail made of images with little text", () => {
    expect(rules("See below", '<img src="cid:offer">')).toEqual([["image_heavy", 1]]);
  });

  it("notice hidden text in the HTML", () => {
    expect(rules("Hello", '<font color="#ffffff">cheap pills</font>')).toEqual([
      ["hidden_text", 1.5],
    ]);
    expect(rules("Hello", '<div style="display:none">x</div>')).toEqual([["hidden_text", 1.5]]);
  });

  it("notice a pushed sale, leaving the phrases the phrase rule counts to it", () => {
    expect(rules("Limited time: order now, no obligation")).toEqual([["sales_pressure", 1.5]]);
    expect(rules("Call toll free for your free quote")).toEqual([["sales_pressure", 1.5]]);
    expect(rules("Act now, 100% free")).toEqual([]);
    expect(rules("I want my money back, the quote was wrong")).toEqual([]);
  });
});
