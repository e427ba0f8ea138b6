// Property-based fuzzing of the whole API from its OpenAPI document: for every operation, one input
// (a path or query parameter, a header, a body field, the body itself) gets a value it can never
// accept — a wrong type, an over-long string, a NUL or a lone surrogate, deep nesting, a huge
// number, a bad date — and the answer must be a 4xx problem document that changed nothing.
// CI runs a fixed, seeded number of cases; RAPPORT_FUZZ_RUNS=5000 runs more, from a random seed.

import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badValueFor, type JsonSchema, plausibleValue } from "../helpers/bad-values.ts";
import { type Desk, startDesk } from "../helpers/desk.ts";
import { tenantChecksum } from "../helpers/tenant-checksum.ts";

type Parameter = { in: "path" | "query" | "header"; name: string; schema: JsonSchema };
type Operation = {
  method: string;
  path: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json"?: { schema: JsonSchema } } };
};
type Target = {
  in: Parameter["in"] | "field" | "body" | "extra field";
  name: string;
  schema: JsonSchema;
};
type Case = { op: Operation; target: Target; value: unknown };

const longRun = Number(process.env.RAPPORT_FUZZ_RUNS ?? 0);

let desk: Desk;
let operations: Operation[];
/** Ids that exist, so that a request with one bad input is otherwise likely to be valid. */
let known: Record<string, string>;

beforeAll(async () => {
  desk = await startDesk();
  const created = await desk.app.inject({
    method: "POST",
    url: "/api/v1/messages/inbound",
    headers: desk.as("admin"),
    payload: { channel: "form", from: { email: "fuzz@example.com" }, body: "Hello" },
  });
  const { conversation_id, customer_id } = created.json();
  const brands = (await get("/api/v1/brands")).items as Array<{ id: string }>;
  const brandId = brands[0]?.id ?? "";
  known = {
    conversations: conversation_id,
    customers: customer_id,
    brands: brandId,
    users: desk.users.advisor.id,
    brand_id: brandId,
    conversation_id,
    customer_id,
  };
  const document = await get("/api/v1/openapi.json");
  operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        ...op,
        method: method.toUpperCase(),
        path,
      })),
  );
});
afterAll(async () => {
  await desk?.close();
});

async function get(url: string) {
  const res = await desk.app.inject({ method: "GET", url, headers: desk.as("admin") });
  return res.json();
}

function targetsOf(op: Operation): Target[] {
  const body = op.requestBody?.content["application/json"]?.schema;
  const fields = Object.entries(body?.properties ?? {}).map(([name, schema]) => ({
    in: "field" as const,
    name,
    schema,
  }));
  return [
    ...(op.parameters ?? []).map((p) => ({ in: p.in, name: p.name, schema: p.schema })),
    ...fields,
    ...(body ? [{ in: "body" as const, name: "", schema: body }] : []),
    ...(body?.additionalProperties === false
      ? [{ in: "extra field" as const, name: "unexpected", schema: {} }]
      : []),
  ].filter((t) => t.in !== "header" || t.schema.maxLength !== undefined);
}

/** Text for a URL: a lone surrogate, which UTF-8 cannot carry, is sent as the bytes of one. */
const urlText = (value: unknown) =>
  [...String(value)].map((c) => (/\p{Cs}/u.test(c) ? "%ED%A0%80" : encodeURIComponent(c))).join("");

function requestOf({ op, target, value }: Case): InjectOptions {
  const resource = op.path.split("/")[3] ?? "";
  let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    target.in === "path" && target.name === name
      ? urlText(value)
      : (known[resource] ?? "00000000-0000-4000-8000-000000000000"),
  );
  if (target.in === "query") url += `?${target.name}=${urlText(value)}`;
  const headers: Record<string, string> = { ...desk.as("admin") };
  // A header cannot carry a NUL or a lone surrogate at all: it is bad here by its length alone.
  if (target.in === "header") {
    headers[target.name] = String(value)
      .replace(/[^\x20-\x7e]/g, "k")
      .padEnd((target.schema.maxLength ?? 0) + 1, "k");
  }
  const bodySchema = op.requestBody?.content["application/json"]?.schema;
  if (!bodySchema) return { method: op.method, url, headers };
  const base = plausibleValue(bodySchema, known) as Record<string, unknown>;
  const payload =
    target.in === "body"
      ? value
      : target.in === "field" || target.in === "extra field"
        ? { ...base, [target.name]: value }
        : base;
  return {
    method: op.method,
    url,
    headers: { ...headers, "content-type": "application/json" },
    payload: JSON.stringify(payload),
  };
}

describe("the API, fuzzed from its OpenAPI document", () => {
  it("answers every input it cannot accept with a 4xx problem document and changes nothing", async () => {
    expect(operations.length).toBeGreaterThan(40);
    const cases = fc.oneof(
      ...operations.flatMap((op) =>
        targetsOf(op).map((target) =>
          badValueFor(target.schema, target.in !== "field" && target.in !== "body").map(
            (value) => ({ op, target, value }),
          ),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const before = await tenantChecksum(desk.booted.rt.db);
        const res = await desk.app.inject(requestOf(c));
        const where = `${c.op.method} ${c.op.path} ${c.target.in} ${c.target.name}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        expect(res.headers["content-type"], where).toMatch(/^application\/problem\+json/);
        expect(res.json(), where).toMatchObject({
          status: res.statusCode,
          code: expect.any(String),
        });
        expect(await tenantChecksum(desk.booted.rt.db), where).toEqual(before);
      }),
      longRun > 0 ? { numRuns: longRun } : { numRuns: 150, seed: 20261205 },
    );
  });
});
