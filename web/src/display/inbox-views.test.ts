import { describe, expect, it } from "vitest";
import { countLabel, parseInboxView, searchView, sourceOf } from "./inbox-views.ts";

describe("inbox views", () => {
  it("reads the unanswered view from the unanswered watch", () => {
    expect(sourceOf("unanswered")).toEqual({ kind: "unanswered" });
  });

  it("sets spam aside everywhere but in the Spam view", () => {
    expect(sourceOf("all")).toMatchObject({ spam: false, statuses: [] });
    expect(sourceOf("waiting")).toMatchObject({ spam: false });
    expect(sourceOf("spam")).toMatchObject({ spam: true, statuses: [] });
  });

  it("keeps list and bulk mail in its own view", () => {
    expect(sourceOf("bulk")).toMatchObject({ spam: false, bulk: true, statuses: [] });
    expect(sourceOf("all")).toMatchObject({ bulk: false });
    expect(sourceOf("waiting")).toMatchObject({ bulk: false });
    expect(parseInboxView("bulk")).toBe("bulk");
  });

  it("leaves snoozed conversations out of the active views, not out of the watch", () => {
    expect(sourceOf("all")).toMatchObject({ snoozed: false });
    expect(sourceOf("waiting")).toMatchObject({ snoozed: false });
    expect(sourceOf("snoozed")).toMatchObject({ snoozed: true, spam: false });
    expect(sourceOf("unanswered")).toEqual({ kind: "unanswered" });
  });

  it("shows a capped count with a plus, in the console's locale", () => {
    expect(countLabel(12, false, "en")).toBe("12");
    expect(countLabel(1000, true, "en")).toBe("1,000+");
    expect(countLabel(1000, true, "fr")).toBe("1\u202f000+");
  });

  it("searches every conversation when a search starts in the unanswered watch", () => {
    expect(searchView("unanswered")).toBe("all");
    expect(searchView("spam")).toBe("spam");
  });

  it("falls back to the unanswered watch for an unknown view", () => {
    expect(parseInboxView("archive")).toBe("unanswered");
    expect(parseInboxView(null)).toBe("unanswered");
    expect(parseInboxView("spam")).toBe("spam");
  });
});
