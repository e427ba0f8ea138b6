// What a failed IMAP connection is told as in settings: one readable line (authentication refused,
// server unreachable, folder missing…), never the password, whatever the server or library echoed.
// And how long to wait before trying again: doubling from a second up to a ceiling.

type ImapFailure = Error & {
  code?: unknown;
  authenticationFailed?: unknown;
  responseText?: unknown;
  serverResponseCode?: unknown;
  responseStatus?: unknown;
};

const maxLength = 500;

function describe(error: unknown, place: string): string {
  if (!(error instanceof Error)) return `unexpected failure: ${String(error)}`;
  const e = error as ImapFailure;
  const said = typeof e.responseText === "string" && e.responseText ? e.responseText : null;
  if (e.authenticationFailed === true || e.serverResponseCode === "AUTHENTICATIONFAILED")
    return `the server refused the user name or password${said ? ` (${said})` : ""}`;
  switch (e.code) {
    case "ECONNREFUSED":
      return `nothing answers at ${place} (connection refused)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host of ${place} is not known (DNS)`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
    case "GREETING_TIMEOUT":
    case "ETIMEOUT":
      return `${place} did not answer in time`;
    case "ECONNRESET":
    case "EConnectionClosed":
    case "NoConnection":
      return `the connection to ${place} was closed`;
    case "NotFound":
      return `the folder was not found on the server${said ? ` (${said})` : ""}`;
  }
  if (
    typeof e.code === "string" &&
    /^(ERR_SSL|ERR_TLS|CERT_|DEPTH_|SELF_SIGNED|UNABLE_TO)/.test(e.code)
  )
    return `the TLS handshake with ${place} failed (${e.code})`;
  return said ?? e.message;
}

/** One line for settings: what went wrong, with every secret given replaced. */
export function connectionTrouble(error: unknown, place: string, secrets: string[]): string {
  let text = describe(error, place).replace(/\s+/g, " ").trim();
  for (const secret of secrets) if (secret.length > 0) text = text.split(secret).join("•••");
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** The wait before the `failures`-th attempt again: 1 s, 2 s, 4 s… up to `maxMs`. */
export function retryDelayMs(failures: number, maxMs: number): number {
  const doubled = 1_000 * 2 ** Math.min(Math.max(failures - 1, 0), 20);
  return Math.min(doubled, maxMs);
}
