// The one validator of requests: every string of a body, query, path or header is first checked for
// what PostgreSQL and JSON cannot hold (a NUL byte, a lone UTF-16 surrogate), then the route's Zod
// schema decides. Such a string is refused (400, naming the field), never stripped: what is stored is
// what was sent.
import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { DeskError } from "../../errors.ts";

type Unsafe = { path: string; message: string };

const pointer = (parent: string, key: string | number) =>
  `${parent}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;

// In a `u` pattern a well-formed pair is one code point, so only a lone surrogate is in category Cs.
const loneSurrogate = /\p{Cs}/u;

function unsafeIn(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain a NUL character (U+0000)";
  if (loneSurrogate.test(text)) return "must be valid Unicode (a lone surrogate was found)";
  return null;
}

/**
 * The first string (value or name) that cannot be stored, with its JSON pointer. The walk keeps its
 * own stack, so that a deeply nested body is refused by the schema rather than overflowing ours.
 */
export function firstUnsafeString(data: unknown): Unsafe | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value: data, path: "" }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      const message = unsafeIn(value);
      if (message) return { path: path || "/", message };
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      for (const [name] of entries) {
        const message = unsafeIn(name);
        if (message) return { path: pointer(path, name), message: `its name ${message}` };
      }
      // Pushed last first, so that the first bad string in the document is the one named.
      for (const [name, v] of entries.reverse())
        pending.push({ value: v, path: pointer(path, name) });
    }
  }
  return null;
}

/** Fastify's validator compiler: the string check, then fastify-type-provider-zod's. */
export const safeValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  const where = route.httpPart ?? "body";
  return (data: unknown) => {
    const unsafe = firstUnsafeString(data);
    if (!unsafe) return validate(data);
    return {
      error: new DeskError("invalid_input", `${where} ${unsafe.path}: ${unsafe.message}`, {
        errors: [{ where, ...unsafe, code: "invalid_characters" }],
      }),
    };
  };
};
