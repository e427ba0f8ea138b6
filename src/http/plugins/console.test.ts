import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app-type.ts";
import { registerConsole } from "./console.ts";
import { registerProblems } from "./problems.ts";

let app: App;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "rapport-console-"));
  mkdirSync(path.join(folder, "assets"));
  writeFileSync(path.join(folder, "index.html"), "<!doctype html><title>Rapport</title>");
  writeFileSync(path.join(folder, "assets", "index-3f2a9c.js"), "console.log(1)");
  app = Fastify().withTypeProvider<ZodTypeProvider>();
  registerProblems(app);
  await registerConsole(app, folder);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the console's caching", () => {
  it("index.html is revalidated each time, never cached as immutable", async () => {
    for (const url of ["/", "/conversations/42", "/index.html"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("hashed assets are cached for a year as immutable", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/index-3f2a9c.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
