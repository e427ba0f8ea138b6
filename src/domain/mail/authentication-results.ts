// Reads Authentication-Results header fields (RFC 8601): which verifier said what about SPF,
// DKIM and DMARC for this message, e.g. `mx.example.net; spf=fail smtp.mailfrom=a.example`.

export type AuthenticationResult = {
  /** Lower-case: spf, dkim, dmarc, arc, iprev, auth, … */
  method: string;
  /** Lower-case: pass, fail, softfail, neutral, none, temperror, permerror, policy, … */
  result: string;
  /** Lower-case keys: `smtp.mailfrom`, `header.d`, `header.from`, `reason`, … */
  properties: Record<string, string>;
};

export type AuthenticationResults = {
  /** The verifier that wrote the field, lower-case. */
  authservId: string;
  results: AuthenticationResult[];
};

/** Null for a value without an authserv-id; results that do not parse are skipped. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const statements = splitStatements(stripComments(value));
  const head = statements.shift()?.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (head === "" || head.includes("=")) return null;
  const results: AuthenticationResult[] = [];
  for (const statement of statements) {
    const result = parseResult(statement);
    if (result) results.push(result);
  }
  return { authservId: unquote(head), results };
}

function parseResult(statement: string): AuthenticationResult | null {
  const tokens = tokenize(statement);
  const methodspec = tokens.shift();
  const match = methodspec?.match(/^([a-z0-9_-]+)(?:\/\d+)?=([a-z0-9_-]+)$/i);
  if (!match) return null;
  const properties: Record<string, string> = {};
  for (const token of tokens) {
    const equals = token.indexOf("=");
    if (equals <= 0) continue;
    const key = token.slice(0, equals).toLowerCase();
    if (key === "__proto__") continue;
    properties[key] = unquote(token.slice(equals + 1));
  }
  return {
    method: (match[1] ?? "").toLowerCase(),
    result: (match[2] ?? "").toLowerCase(),
    properties,
  };
}

/** Every `method=result` the fields state (`spf=fail`, `dkim=pass`, …), whichever verifier wrote it. */
export function authenticationVerdicts(values: readonly string[]): Set<string> {
  return new Set(
    values.flatMap((value) =>
      (parseAuthenticationResults(value)?.results ?? []).map((r) => `${r.method}=${r.result}`),
    ),
  );
}

/**
 * Whether the sender's own domain disowns the mail, so that an automatic answer to its From would
 * land on someone who never wrote (backscatter): DMARC fails, or SPF fails with no DKIM signature
 * that verifies (a forwarder breaks SPF but keeps the signature). Only failures count, so a result
 * the sender forged can only withhold its own acknowledgement.
 */
export function senderDisowned(values: readonly string[]): boolean {
  const verdicts = authenticationVerdicts(values);
  return verdicts.has("dmarc=fail") || (verdicts.has("spf=fail") && !verdicts.has("dkim=pass"));
}

/** Drops (comments), nested ones included, outside quoted strings. */
function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "\\" && (quoted || depth > 0)) {
      if (depth === 0) out += value.slice(i, i + 2);
      i++;
    } else if (quoted) {
      out += char;
      if (char === '"') quoted = false;
    } else if (char === "(") depth++;
    else if (char === ")" && depth > 0) depth--;
    else if (depth === 0) {
      if (char === '"') quoted = true;
      out += char === "\r" || char === "\n" || char === "\t" ? " " : char;
    }
  }
  return out;
}

function splitStatements(value: string): string[] {
  return splitOutsideQuotes(value, (char) => char === ";");
}

/** Whitespace-separated tokens, `key = "a b"` kept together as `key="a b"`. */
function tokenize(statement: string): string[] {
  const compact = statement.replace(/\s*=\s*/g, "=");
  return splitOutsideQuotes(compact, (char) => char === " ").filter((token) => token !== "");
}

function splitOutsideQuotes(value: string, isSeparator: (char: string) => boolean): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? "";
    if (quoted && char === "\\") {
      current += value.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (!quoted && isSeparator(char)) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}
