// The compiled server runs only while it is as new as everything it was built from.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshBundle } from "./server-bundle.js";

let repo: string;
const built = new Date("2026-01-10T10:00:00Z");
const before = new Date("2026-01-09T10:00:00Z");
const after = new Date("2026-01-11T10:00:00Z");

function file(relative: string, at: Date, content = "") {
  const full = path.join(repo, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  utimesSync(full, at, at);
}

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), "rapport-bundle-"));
  file("src/cli/main.ts", before);
  file("src/server.ts", before);
  file("package-lock.json", before);
  file("scripts/server-bundle.js", before);
  file("dist/server/inputs.json", built, JSON.stringify(["src/cli/main.ts", "src/server.ts"]));
  file("dist/server/main.js", built);
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe("freshBundle", () => {
  it("answers the bundle while it is newer than its sources", () => {
    expect(freshBundle(repo)).toBe(pathToFileURL(path.join(repo, "dist/server/main.js")).href);
  });

  it("gives way to the sources when one of them changed since the build", () => {
    file("src/server.ts", after);
    expect(freshBundle(repo)).toBeNull();
  });

  it("gives way when a source it holds is gone", () => {
    rmSync(path.join(repo, "src/server.ts"));
    expect(freshBundle(repo)).toBeNull();
  });

  it("gives way when the installed packages or the build itself changed", () => {
    file("package-lock.json", after);
    expect(freshBundle(repo)).toBeNull();
    file("package-lock.json", before);
    file("scripts/server-bundle.js", after);
    expect(freshBundle(repo)).toBeNull();
  });

  it("is not there before the first build", () => {
    rmSync(path.join(repo, "dist"), { recursive: true });
    expect(freshBundle(repo)).toBeNull();
  });
});
