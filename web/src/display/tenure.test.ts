import { describe, expect, it } from "vitest";
import { tenure } from "./tenure.ts";

describe("tenure", () => {
  it("counts whole years from a year on", () => {
    expect(tenure(1116)).toEqual({ amount: 3, unit: "year" });
    expect(tenure(365)).toEqual({ amount: 1, unit: "year" });
  });

  it("counts months from two months on, days before", () => {
    expect(tenure(200)).toEqual({ amount: 6, unit: "month" });
    expect(tenure(45)).toEqual({ amount: 45, unit: "day" });
    expect(tenure(0)).toEqual({ amount: 0, unit: "day" });
  });
});
