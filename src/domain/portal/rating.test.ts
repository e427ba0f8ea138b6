// A customer rates a finished conversation, once.
import { describe, expect, it } from "vitest";
import { ratingRefusal } from "./rating.ts";

describe("rating a conversation", () => {
  it("is allowed once it is resolved or closed", () => {
    expect(ratingRefusal({ status: "resolved", csatScore: null })).toBeNull();
    expect(ratingRefusal({ status: "closed", csatScore: null })).toBeNull();
  });

  it("is refused while it is still going on", () => {
    for (const status of ["new", "open", "waiting_customer", "waiting_third_party"] as const) {
      expect(ratingRefusal({ status, csatScore: null })).toBe("not_finished");
    }
  });

  it("is refused a second time", () => {
    expect(ratingRefusal({ status: "resolved", csatScore: 4 })).toBe("already_rated");
  });
});
