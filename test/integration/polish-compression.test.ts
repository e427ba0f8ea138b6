// The built console as the real app serves it: the bundle in brotli or gzip, whichever the browser
// accepts, from the files the build wrote beside it (npm test builds the console first).
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Desk, startDesk } from "../helpers/desk.ts";

const dist = path.resolve(import.meta.dirname, "../../web/dist");

let desk: Desk;
let script: string;
beforeAll(async () => {
  desk = await startDesk();
  const index = readFileSync(path.join(dist, "index.html"), "utf8");
  const src = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
  if (!src) throw new Error("web/dist/index.html names no script: run npm run build:web");
  script = src;
});
afterAll(async () => {
  await desk?.close();
});

const bundle = (acceptEncoding: string) =>
  desk.app.inject({ method: "GET", url: script, headers: { "accept-encoding": acceptEncoding } });

describe("the console's bundle, compressed", () => {
  it("travels in brotli to a browser that accepts it, about a quarter of its size", async () => {
    const raw = readFileSync(path.join(dist, script));
    const res = await bundle("gzip, deflate, br, zstd");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toContain("immutable");
    expect(res.rawPayload.length).toBeLessThan(raw.length / 3);
    expect(brotliDecompressSync(res.rawPayload).equals(raw)).toBe(true);
  });

  it("travels in gzip without brotli, and whole to a client that accepts neither", async () => {
    const raw = readFileSync(path.join(dist, script));
    const gzipped = await bundle("gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.rawPayload).equals(raw)).toBe(true);
    const whole = await bundle("identity");
    expect(whole.headers["content-encoding"]).toBeUndefined();
    expect(whole.rawPayload.equals(raw)).toBe(true);
  });
});
