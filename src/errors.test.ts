import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeskError, errorCatalog, problemType } from "./errors.ts";

describe("the error catalog", () => {
  const documented = readFileSync(
    path.join(import.meta.dirname, "..", "docs", "ERRORS.md"),
    "utf8",
  );

  it("documents every error code with its status in docs/ERRORS.md", () => {
    for (const [code, { status }] of Object.entries(errorCatalog)) {
      expect(documented, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    }
  });

  it("gives each code a stable problem type and the catalog's status", () => {
    const error = new DeskError("close_without_answer", "say why");
    expect(error.status).toBe(409);
    expect(problemType(error.code)).toBe("urn:rapport:problem:close_without_answer");
    expect(error.detail).toBe("say why");
  });
});
