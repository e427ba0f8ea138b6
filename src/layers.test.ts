// The layers' rule, checked on every import of src/: the domain stays pure, commands never reach
// an adapter (channels, http, cli), the store knows nothing of HTTP or use cases, and the intake
// nothing of HTTP. A new import across a line fails here, naming the file and the import.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = path.dirname(fileURLToPath(import.meta.url));

type Rule = { layer: string; forbidden: (target: string) => boolean; why: string };

const internal =
  (...layers: string[]) =>
  (target: string) =>
    layers.some((l) => target === l || target.startsWith(`${l}/`));

const rules: Rule[] = [
  {
    layer: "domain",
    // Pure rules: only other domain modules and computing libraries (no node:, no database).
    forbidden: (t) =>
      t.startsWith("src:")
        ? !t.startsWith("src:domain/")
        : ![
            "zod",
            "temporal-polyfill",
            "eld/small",
            "sentiment",
            "sentiment/languages/en/index.js",
            "libphonenumber-js",
            "standardwebhooks",
            "vitest",
          ].includes(t),
    why: "src/domain imports nothing outside src/domain (no IO)",
  },
  {
    layer: "commands",
    forbidden: (t) => internal("src:channels", "src:http", "src:cli")(t),
    why: "commands never import channels, http or cli",
  },
  {
    layer: "store",
    forbidden: (t) =>
      internal("src:http", "src:commands")(t) || t === "fastify" || t.startsWith("@fastify/"),
    why: "store never imports fastify, http or commands",
  },
  {
    layer: "intake",
    forbidden: (t) => internal("src:http")(t),
    why: "intake never imports http",
  },
];

/**
 * Crossings known and waiting for their owner's change, each with its reason; the test fails when
 * one disappears too, so the list cannot rot.
 */
const known = new Map<string, string>([]);

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "migrations" ? [] : filesOf(full);
    // Tests may read fixtures and parse them with an adapter; the rule is the product's.
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Every module a file imports: `src:<path>` for our own, the package name otherwise. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
    ...text.matchAll(/^\s*import\s+"([^"]+)"/gm),
  ].map((m) => m[1] as string);
  return specifiers.map((s) =>
    s.startsWith(".")
      ? `src:${path
          .relative(src, path.resolve(path.dirname(file), s))
          .split(path.sep)
          .join("/")}`
      : s,
  );
}

const crossings = filesOf(src).flatMap((file) => {
  const relative = `src/${path.relative(src, file).split(path.sep).join("/")}`;
  const layer = relative.split("/")[1] ?? "";
  return rules
    .filter((r) => r.layer === layer)
    .flatMap((r) =>
      importsOf(file)
        .filter(r.forbidden)
        .map((target) => ({ crossing: `${relative} -> ${target}`, why: r.why })),
    );
});

describe("the layers of src/", () => {
  it("reads the imports it checks (the parser sees this very file's)", () => {
    expect(importsOf(path.join(src, "layers.test.ts"))).toEqual(
      expect.arrayContaining(["node:fs", "vitest"]),
    );
    expect(filesOf(src).length).toBeGreaterThan(100);
  });

  it("no layer imports one it must not", () => {
    const unexpected = crossings.filter((c) => !known.has(c.crossing));
    expect(unexpected.map((c) => `${c.crossing} (${c.why})`)).toEqual([]);
  });

  it("every known crossing still exists, so the list shrinks as they are fixed", () => {
    const found = new Set(crossings.map((c) => c.crossing));
    expect([...known.keys()].filter((k) => !found.has(k))).toEqual([]);
  });
});
