import { describe, expect, it } from "vitest";
import { readsReports, SETTINGS_SECTIONS, sectionsFor } from "./settings-sections.ts";

describe("sectionsFor", () => {
  it("shows an admin every section, a manager the teams and organisations, an advisor nothing", () => {
    expect(sectionsFor("admin")).toEqual([...SETTINGS_SECTIONS]);
    expect(sectionsFor("manager")).toEqual(["teams", "organisations"]);
    expect(sectionsFor("advisor")).toEqual([]);
  });

  it("lets managers and admins read the reports", () => {
    expect(readsReports("admin")).toBe(true);
    expect(readsReports("manager")).toBe(true);
    expect(readsReports("advisor")).toBe(false);
  });
});
