// The default SLA policy and the choice of the most specific configured policy.
import { describe, expect, it } from "vitest";
import { choosePolicy, defaultPolicy, type SlaPolicyRule } from "./policy.ts";

function rule(name: string, criteria: Partial<SlaPolicyRule>): SlaPolicyRule & { name: string } {
  return {
    name,
    brandId: null,
    priority: null,
    channel: null,
    firstResponseMinutes: 100,
    nextResponseMinutes: 200,
    resolutionMinutes: 300,
    ...criteria,
  };
}

const context = { brandId: "shop", priority: "high", channel: "email" } as const;

function chosen(rules: Array<SlaPolicyRule & { name: string }>) {
  return choosePolicy(rules, context).rule?.name ?? "default";
}

describe("defaultPolicy", () => {
  it("promises a first response within 4 business hours, next within 8, resolution in 5 days", () => {
    expect(defaultPolicy("normal")).toEqual({
      firstResponseMinutes: 240,
      nextResponseMinutes: 480,
      resolutionMinutes: 2700,
    });
  });

  it("promises a first response within 1 business hour when urgent", () => {
    expect(defaultPolicy("urgent").firstResponseMinutes).toBe(60);
  });
});

describe("choosePolicy", () => {
  it("falls back to the defaults for the priority when nothing is configured", () => {
    expect(choosePolicy([], { ...context, priority: "urgent" })).toEqual({
      policy: defaultPolicy("urgent"),
      rule: null,
    });
  });

  it("prefers brand + priority + channel over brand + priority over brand", () => {
    const brand = rule("brand", { brandId: "shop" });
    const brandPriority = rule("brand+priority", { brandId: "shop", priority: "high" });
    const all = rule("brand+priority+channel", {
      brandId: "shop",
      priority: "high",
      channel: "email",
    });
    expect(chosen([brand, brandPriority, all])).toBe("brand+priority+channel");
    expect(chosen([brand, brandPriority])).toBe("brand+priority");
    expect(chosen([brand])).toBe("brand");
  });

  it("prefers a brand rule over a workspace-wide priority rule", () => {
    const priority = rule("priority", { priority: "high", channel: "email" });
    expect(chosen([priority, rule("brand", { brandId: "shop" })])).toBe("brand");
  });

  it("uses a rule without criteria as the workspace default", () => {
    expect(chosen([rule("workspace", {})])).toBe("workspace");
  });

  it("ignores rules of another brand, priority or channel", () => {
    const others = [
      rule("other brand", { brandId: "hotel" }),
      rule("other priority", { brandId: "shop", priority: "low" }),
      rule("other channel", { brandId: "shop", priority: "high", channel: "chat" }),
    ];
    expect(chosen(others)).toBe("default");
  });

  it("takes the first of two equally specific rules", () => {
    expect(chosen([rule("first", { brandId: "shop" }), rule("second", { brandId: "shop" })])).toBe(
      "first",
    );
  });

  it("answers the durations of the chosen rule", () => {
    expect(choosePolicy([rule("brand", { brandId: "shop" })], context).policy).toEqual({
      firstResponseMinutes: 100,
      nextResponseMinutes: 200,
      resolutionMinutes: 300,
    });
  });
});
