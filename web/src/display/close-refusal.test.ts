import { describe, expect, it } from "vitest";
import { ApiProblem } from "../api/client.ts";
import { closeRefusalOf } from "./close-refusal.ts";

const conflict = (code: string, detail = "refused") =>
  new ApiProblem({ status: 409, code, title: "Conflict", detail });

describe("a refused close", () => {
  it("is the server's close_without_answer for a status change without a reason", () => {
    expect(
      closeRefusalOf(conflict("close_without_answer", "no human answer yet"), {
        status: "resolved",
      }),
    ).toEqual({ status: "resolved" });
  });

  it("is not any other 409, such as going back to new", () => {
    expect(closeRefusalOf(conflict("invalid_transition"), { status: "new" })).toBeNull();
    expect(closeRefusalOf(conflict("conflict"), { status: "closed" })).toBeNull();
  });

  it("is not a refusal of a change that already gave a reason, nor of another kind of change", () => {
    expect(
      closeRefusalOf(conflict("close_without_answer"), { status: "closed", close_reason: "spam" }),
    ).toBeNull();
    expect(closeRefusalOf(conflict("close_without_answer"), { priority: "high" })).toBeNull();
    expect(closeRefusalOf(new Error("offline"), { status: "closed" })).toBeNull();
  });
});
