import { describe, expect, it } from "vitest";
import { errorCatalog, fieldProblemCodes } from "../../../src/errors.ts";
import { ApiProblem } from "../api/client.ts";
import { problemText } from "../components/common/problem-message.tsx";
import en from "../i18n/en.json";
import fr from "../i18n/fr.json";
import { i18nIn } from "../i18n/i18n.ts";
import { closeRefusalText } from "./close-refusal.ts";
import { FIELD_PROBLEM_CODES, fieldProblemText, PROBLEM_CODES } from "./problem-code.ts";

const translator = async (language: "en" | "fr") => (await i18nIn(language)).t;

describe("every problem the server can send has words in both languages", () => {
  it("the console knows every code of the server's error catalogue", () => {
    expect([...PROBLEM_CODES].sort()).toEqual(Object.keys(errorCatalog).sort());
  });

  it.each([...PROBLEM_CODES])("%s has an English and a French text", async (code) => {
    const [english, french] = [await translator("en"), await translator("fr")];
    const problem = new ApiProblem({ status: 409, code, title: "server title", retryAfter: 30 });
    const inEnglish = problemText(english, problem);
    const inFrench = problemText(french, problem);
    expect(inEnglish).not.toMatch(/^problems\.|server title/);
    expect(inFrench).not.toMatch(/^problems\.|server title/);
    expect(inFrench).not.toBe(inEnglish);
  });

  it("the catalogues hold a problems entry for each code, plurals included", () => {
    for (const catalogue of [en.problems, fr.problems]) {
      for (const code of PROBLEM_CODES) {
        const keys = Object.keys(catalogue).filter((k) => k === code || k.startsWith(`${code}_`));
        expect(keys.length, code).toBeGreaterThan(0);
      }
    }
  });
});

describe("a problem told to the advisor", () => {
  it("is in French, with its detail interpolated, for a French console", async () => {
    const t = await translator("fr");
    const limited = new ApiProblem({ status: 429, code: "rate_limited", retryAfter: 12 });
    expect(problemText(t, limited)).toBe("Trop de requêtes. Réessayez dans 12\u00a0secondes.");
    expect(closeRefusalText(t, { status: "resolved" })).toContain("«\u202fRésolue\u202f»");
  });

  it("falls back to the server's text only for a code the console does not know", async () => {
    const t = await translator("fr");
    const unknown = new ApiProblem({ status: 409, code: "quota_exceeded", detail: "over quota" });
    expect(problemText(t, unknown)).toContain("over quota");
    const known = new ApiProblem({ status: 409, code: "conflict", detail: "the slug is taken" });
    expect(problemText(t, known)).not.toContain("the slug is taken");
  });
});

describe("an invalid input told field by field", () => {
  it("the console knows every field problem code the server sends", () => {
    expect([...FIELD_PROBLEM_CODES].sort()).toEqual([...fieldProblemCodes].sort());
  });

  it.each([...FIELD_PROBLEM_CODES])("%s has an English and a French text", async (code) => {
    const [english, french] = [await translator("en"), await translator("fr")];
    const problem = { path: "/name", message: "server words", code, limit: 2 };
    const inEnglish = fieldProblemText(english, problem);
    const inFrench = fieldProblemText(french, problem);
    expect(inEnglish).not.toMatch(/problems\.|server words|\{\{/);
    expect(inFrench).not.toMatch(/problems\.|server words|\{\{/);
    expect(inFrench).not.toBe(inEnglish);
  });

  it("names each field with its limit, in the console's language", async () => {
    const problem = new ApiProblem({
      status: 400,
      code: "invalid_input",
      errors: [
        { path: "/name", message: "Too big", code: "too_long", limit: 200 },
        { path: "/important_dates/0/kind", message: "Too small", code: "required" },
      ],
    });
    expect(problemText(await translator("fr"), problem)).toBe(
      "Ceci n'a pas été accepté : name: trop long (200 caractères au plus); important_dates › 1 › kind: obligatoire",
    );
    expect(problemText(await translator("en"), problem)).toContain(
      "name: too long (at most 200 characters)",
    );
  });

  it("keeps the server's words for a code it does not know, and calendar codes in settings' words", async () => {
    const t = await translator("en");
    expect(fieldProblemText(t, { path: "/x", message: "odd", code: "odd_rule" })).toBe("odd");
    expect(fieldProblemText(t, { path: "/x", message: "odd", code: null })).toBe("odd");
    expect(fieldProblemText(t, { path: "/x", message: "odd", code: "invalid_time" })).toMatch(
      /HH:MM/,
    );
  });
});
