// Sends one signed webhook over HTTP(S) to an address already checked: the connection goes to that
// address (a lookup that answers only it, so DNS cannot swap it after the check), the name is kept
// for TLS and the Host header, nothing is pooled, redirects are not followed, the whole attempt is
// cut after its time limit and at most a few kilobytes of the answer are read.
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { ResolvedTarget } from "../../commands/webhooks/webhook-target.ts";
import { isSuccessStatus } from "../../domain/webhooks/delivery-policy.ts";
import type { SignedDelivery } from "../../domain/webhooks/signed-delivery.ts";

export type PostOutcome = {
  /** The receiver's status, null when none came (refused, timed out, reset). */
  statusCode: number | null;
  durationMs: number;
  /** Why the attempt failed, null when it succeeded (a 2xx). */
  error: string | null;
};

export type PostOptions = { timeoutMs: number; maxAnswerBytes: number };

export const postLimits: PostOptions = { timeoutMs: 10_000, maxAnswerBytes: 4096 };

/** A lookup that answers the one address checked, whatever name it is asked. */
export function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address) === 6 ? 6 : 4;
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError" || e.code === "ABORT_ERR") {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  if (e.code) return `could not deliver (${e.code})`;
  return `could not deliver (${e.message ?? "unknown error"})`;
}

export function postWebhook(
  target: ResolvedTarget,
  signed: SignedDelivery,
  options: PostOptions = postLimits,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const address = target.addresses[0];
  if (!address) return Promise.resolve({ statusCode: null, durationMs: 0, error: "no address" });
  const url = new URL(target.url);
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const request = send(
      {
        method: "POST",
        host: target.host,
        port: target.port,
        path: `${url.pathname}${url.search}`,
        headers: {
          ...signed.headers,
          "content-length": Buffer.byteLength(signed.body),
          "user-agent": "Rapport-Webhooks/1",
        },
        agent: false,
        lookup: pinnedLookup(address),
        ...(target.literal ? {} : { servername: target.host }),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        const done = () => {
          const ok = isSuccessStatus(status);
          const redirect = status >= 300 && status < 400;
          finish({
            statusCode: status,
            durationMs: elapsed(),
            error: ok
              ? null
              : redirect
                ? `answered ${status}: redirects are not followed`
                : `answered ${status}`,
          });
          request.destroy();
        };
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read >= options.maxAnswerBytes) done();
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    request.on("error", (error) =>
      finish({
        statusCode: null,
        durationMs: elapsed(),
        error: reasonOf(error, options.timeoutMs),
      }),
    );
    request.end(signed.body);
  });
}
