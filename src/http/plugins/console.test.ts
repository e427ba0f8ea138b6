import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import Fastify from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app-type.ts";
import { registerConsole } from "./console.ts";
import { registerProblems } from "./problems.ts";

let app: App;
const bundle = Buffer.from("export const words = ['inbox', 'conversation'];\n".repeat(200));
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "rapport-console-"));
  mkdirSync(path.join(folder, "assets"));
  writeFileSync(path.join(folder, "index.html"), "<!doctype html><title>Rapport</title>");
  writeFileSync(path.join(folder, "assets", "index-3f2a9c.js"), "console.log(1)");
  // As build-web.js leaves a built asset: the file, and its gzip and brotli twins.
  writeFileSync(path.join(folder, "assets", "index-77b1.js"), bundle);
  writeFileSync(path.join(folder, "assets", "index-77b1.js.gz"), gzipSync(bundle));
  writeFileSync(path.join(folder, "assets", "index-77b1.js.br"), brotliCompressSync(bundle));
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

describe("the console's precompressed assets", () => {
  const asset = (acceptEncoding?: string) =>
    app.inject({
      method: "GET",
      url: "/assets/index-77b1.js",
      headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {},
    });

  it("sends the brotli file to a browser that accepts it, saying so and varying on it", async () => {
    const res = await asset("gzip, deflate, br");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(bundle.length / 10);
    expect(brotliDecompressSync(res.rawPayload).equals(bundle)).toBe(true);
  });

  it("sends gzip to a browser without brotli, and the plain file to one that accepts neither", async () => {
    const gzipped = await asset("gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    const plain = await asset();
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(bundle)).toBe(true);
  });
});
