import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldProblemsOf, type ValidationIssue, valueAt } from "./field-problem.ts";

/** The issues as fastify-type-provider-zod reports them (keyword, instancePath, params). */
function issuesOf(schema: z.ZodType, data: unknown): ValidationIssue[] {
  const parsed = schema.safeParse(data);
  if (parsed.success) throw new Error("expected a refusal");
  return parsed.error.issues.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `/${path.join("/")}`,
    message,
    params,
  }));
}

const schema = z
  .object({
    name: z.string().min(1).max(5),
    code: z.string().min(3).optional(),
    email: z.email().optional(),
    kind: z.enum(["call", "visit"]).optional(),
    tags: z.array(z.string()).max(1).optional(),
    capacity: z.number().int().min(1).max(10).optional(),
    note: z.string().optional(),
  })
  .strict();

const codes = (data: unknown) =>
  fieldProblemsOf("body", issuesOf(schema, data), data).map((p) =>
    [p.path, p.code, p.limit].filter((x) => x !== undefined).join(" "),
  );

describe("an invalid input's field problems carry a code", () => {
  it("a missing or blank field is required", () => {
    expect(codes({})).toEqual(["/name required"]);
    expect(codes({ name: "" })).toEqual(["/name required"]);
    expect(codes({ name: null })).toEqual(["/name required"]);
  });

  it("lengths, counts and values out of bounds name the bound", () => {
    expect(codes({ name: "abcdef", code: "ab" })).toEqual([
      "/name too_long 5",
      "/code too_short 3",
    ]);
    expect(codes({ name: "a", tags: ["x", "y"] })).toEqual(["/tags too_many 1"]);
    expect(codes({ name: "a", capacity: 11 })).toEqual(["/capacity too_large 10"]);
    expect(codes({ name: "a", capacity: 0 })).toEqual(["/capacity too_small 1"]);
  });

  it("formats, choices, types and unknown fields", () => {
    expect(codes({ name: "a", email: "nobody" })).toEqual(["/email invalid_format"]);
    expect(codes({ name: "a", kind: "letter" })).toEqual(["/kind invalid_choice"]);
    expect(codes({ name: "a", note: 3 })).toEqual(["/note invalid_type"]);
    expect(codes({ name: "a", colour: "red", size: 2 })).toEqual([
      "/colour unknown_field",
      "/size unknown_field",
    ]);
  });

  it("keeps the English message and the part of the request", () => {
    const [problem] = fieldProblemsOf("querystring", issuesOf(schema, { name: "abcdef" }), {});
    expect(problem).toMatchObject({ where: "querystring", path: "/name" });
    expect(problem?.message).toMatch(/5/);
  });

  it("finds what was sent at a path", () => {
    expect(valueAt({ a: [{ b: 1 }] }, "/a/0/b")).toBe(1);
    expect(valueAt({ a: "x" }, "/a/b")).toBeUndefined();
    expect(valueAt(undefined, "/a")).toBeUndefined();
  });
});
