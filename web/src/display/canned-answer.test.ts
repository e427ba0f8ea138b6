import { describe, expect, it } from "vitest";
import { fillVariables, firstNameOf, matchCannedAnswers, slashQuery } from "./canned-answer.ts";

describe("filling a canned answer's variables", () => {
  const values = {
    "customer.first_name": "Nina",
    "customer.name": "Nina Petit",
    "advisor.name": "Ada Advisor",
    "conversation.reference": "K7M2QX9A",
    "brand.name": "Lumière",
  };

  it("fills every known variable, with or without spaces inside the braces", () => {
    expect(
      fillVariables(
        "Hello {{customer.first_name}} ({{ customer.name }}), about {{conversation.reference}}.\n{{advisor.name}}, {{brand.name}}",
        values,
      ),
    ).toBe("Hello Nina (Nina Petit), about K7M2QX9A.\nAda Advisor, Lumière");
  });

  it("fills the same variable as often as it appears", () => {
    expect(fillVariables("{{advisor.name}} / {{advisor.name}}", values)).toBe(
      "Ada Advisor / Ada Advisor",
    );
  });

  it("leaves an unknown variable as written, never an empty hole", () => {
    expect(fillVariables("Order {{order.number}} for {{customer.name}}", values)).toBe(
      "Order {{order.number}} for Nina Petit",
    );
  });

  it("leaves a variable visible when its value is missing or blank", () => {
    expect(fillVariables("Hello {{customer.first_name}},", { "customer.first_name": null })).toBe(
      "Hello {{customer.first_name}},",
    );
    expect(fillVariables("Hello {{customer.name}},", { "customer.name": "  " })).toBe(
      "Hello {{customer.name}},",
    );
  });

  it("does not read a value as a pattern", () => {
    expect(fillVariables("{{customer.name}}", { "customer.name": "$& $1 $$" })).toBe("$& $1 $$");
  });

  it("takes the first word of a name as the first name", () => {
    expect(firstNameOf("  Nina   Petit ")).toBe("Nina");
    expect(firstNameOf("")).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});

describe("finding a canned answer by name", () => {
  const answers = [
    { title: "Retours et remboursement" },
    { title: "Order shipped" },
    { title: "Réparation gratuite" },
  ];

  it("matches every typed word, accents and case folded, titles starting with it first", () => {
    expect(matchCannedAnswers(answers, "re").map((a) => a.title)).toEqual([
      "Réparation gratuite",
      "Retours et remboursement",
    ]);
    expect(matchCannedAnswers(answers, "REPAR").map((a) => a.title)).toEqual([
      "Réparation gratuite",
    ]);
    expect(matchCannedAnswers(answers, "order ship").map((a) => a.title)).toEqual([
      "Order shipped",
    ]);
    expect(matchCannedAnswers(answers, "")).toHaveLength(3);
    expect(matchCannedAnswers(answers, "xyz")).toEqual([]);
  });

  it("reads a search only from a slash at the very start", () => {
    expect(slashQuery("/")).toBe("");
    expect(slashQuery("/ret")).toBe("ret");
    expect(slashQuery("Hello /ret")).toBeNull();
    expect(slashQuery("/ret\nmore")).toBeNull();
  });
});
