// Values an API input can never accept, generated from its JSON schema in the OpenAPI document (the
// fuzz test's side), and plausible values to fill the rest of a request with.
import fc from "fast-check";

export type JsonSchema = {
  type?: string;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
};

/** The alternatives a value may take (a nullable string is a string or null). */
const branches = (s: JsonSchema): JsonSchema[] => s.anyOf?.flatMap(branches) ?? [s];
const typesOf = (s: JsonSchema) => new Set(branches(s).map((b) => b.type ?? "any"));

/**
 * A string holding a NUL or a lone surrogate: refused in every string of every request. A URL
 * cannot carry a lone surrogate (UTF-8 has no bytes for one), so text in a URL gets a NUL.
 */
const unstorableString = (inUrl: boolean) =>
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      inUrl ? fc.constant("\u0000") : fc.constantFrom("\u0000", "\ud800", "\udfff"),
      fc.string(),
    )
    .map(([a, bad, b]) => `${a}${bad}${b}`);

const nested = (depth: number): unknown => {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

const wrongTypes: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.constantFrom("text", ""),
  number: fc.constantFrom(1.5, -1e308, 1e308),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.constantFrom([], ["x"]),
  object: fc.constantFrom({}, { x: 1 }, nested(3000)),
};

const badDates = ["0000-01-01", "2026-02-30", "0001-01-01T00:00:00+01:00", "2026-13-01T00:00:00Z"];
const badDateTimes = [...badDates, "10000-01-01T00:00:00Z", "yesterday", "2026-01-01"];

/**
 * Values that cannot pass `schema` (one field of a body, or a query or path parameter when
 * `asText`: those arrive as text, so only what text can get wrong counts).
 */
export function badValueFor(schema: JsonSchema, asText: boolean): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [unstorableString(asText)];
  const all = branches(schema);
  const types = typesOf(schema);
  if (!asText && !types.has("any")) {
    const allowed = new Set([...types, ...(types.has("integer") ? ["number"] : [])]);
    for (const [type, values] of Object.entries(wrongTypes)) {
      if (!allowed.has(type)) options.push(values);
    }
  }
  if (all.every((b) => b.type === "string" && b.maxLength !== undefined)) {
    const longest = Math.max(...all.map((b) => b.maxLength ?? 0));
    options.push(
      fc
        .tuple(fc.constantFrom("a", "é", "Z"), fc.integer({ min: 1, max: 50 }))
        .map(([c, extra]) => c.repeat(longest + extra)),
    );
  }
  if (all.every((b) => b.type === "string" && (b.enum || b.format === "uuid"))) {
    options.push(fc.constantFrom("zz-not-allowed", "-".repeat(36), "1".repeat(36)));
  }
  if (all.every((b) => b.format === "date")) options.push(fc.constantFrom(...badDates));
  if (all.every((b) => b.format === "date-time")) options.push(fc.constantFrom(...badDateTimes));
  const numeric = all.filter((b) => b.type === "integer" || b.type === "number");
  if (numeric.length === all.length && numeric.every((b) => b.maximum !== undefined)) {
    const over = Math.max(...numeric.map((b) => b.maximum ?? 0)) + 1;
    options.push(
      fc.constantFrom(...(asText ? [`${over}`, "1e400", "-1e400", "abc"] : [over, 1e308])),
    );
  }
  return fc.oneof(...options);
}

/** A value `schema` accepts where that is easy to say; undefined where it is not (a pattern). */
export function plausibleValue(
  schema: JsonSchema,
  known: Record<string, string>,
  name = "",
): unknown {
  const s = branches(schema).find((b) => b.type !== "null") ?? schema;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case "string":
      if (s.pattern && !s.format) return undefined;
      if (s.format === "email") return "fuzz@example.com";
      if (s.format === "uuid") return known[name] ?? "00000000-0000-4000-8000-000000000000";
      if (s.format === "date") return "2026-01-15";
      if (s.format === "date-time") return "2026-01-15T10:00:00Z";
      return "F".repeat(Math.max(s.minLength ?? 1, 1));
    case "integer":
    case "number":
      return s.minimum ?? (s.exclusiveMinimum ?? 0) + 1;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object": {
      const value: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const v = plausibleValue(s.properties?.[key] ?? {}, known, key);
        if (v !== undefined) value[key] = v;
      }
      return value;
    }
    default:
      return undefined;
  }
}
