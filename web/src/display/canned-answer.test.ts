import { describe, expect, it } from "vitest";
import {
  fillVariables,
  firstNameOf,
  formatPromise,
  matchCannedAnswers,
  promiseDueOf,
  slashQuery,
  variantsFor,
} from "./canned-answer.ts";

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

describe("the promise time in a canned answer", () => {
  const due = "2026-12-07T10:00:00Z";

  it("is said in the customer's language and time zone", () => {
    expect(formatPromise(due, "fr", "Europe/Paris")).toBe("lundi 7 décembre à 11:00");
    expect(formatPromise(due, "en", "America/New_York")).toBe("Monday, December 7 at 05:00 AM");
  });

  it("falls back to UTC, said, for an unknown zone; null without a due time", () => {
    expect(formatPromise(due, "en", "Mars/Olympus")).toBe("Monday, December 7 at 10:00 AM UTC");
    expect(formatPromise(null, "en", "UTC")).toBeNull();
  });

  it("fills {{promise.due}}, the next answer due before the first", () => {
    const at = promiseDueOf({
      next_response_due_at: due,
      first_response_due_at: "2026-12-01T00:00:00Z",
    });
    expect(
      fillVariables("Réponse au plus tard {{promise.due}}.", {
        "promise.due": formatPromise(at, "fr", "Europe/Paris"),
      }),
    ).toBe("Réponse au plus tard lundi 7 décembre à 11:00.");
    expect(promiseDueOf({ next_response_due_at: null, first_response_due_at: due })).toBe(due);
  });
});

describe("the variant of a canned answer in the customer's language", () => {
  const answers = [
    { id: "1", title: "Delivery delay", language: "en" },
    { id: "2", title: "Délivery delay", language: "fr" },
    { id: "3", title: "Refund", language: "en" },
    { id: "4", title: "Remboursement", language: "fr" },
  ];

  it("keeps one answer per title, in the customer's language first", () => {
    expect(variantsFor(answers, ["fr", "en"]).map((a) => a.id)).toEqual(["2", "4", "3"]);
  });

  it("falls back to the brand's language, then to the first written", () => {
    expect(variantsFor(answers, [null, "en"]).map((a) => a.id)).toEqual(["1", "3", "4"]);
    expect(variantsFor(answers, ["de"]).map((a) => a.id)).toEqual(["1", "3", "4"]);
  });
});
