// DNS answers for mail authentication, kept a few minutes: the mails of one sender's burst ask the
// same SPF, DMARC and DKIM-key questions, and a desk that asks again for each of them waits and
// burdens its resolver for nothing. Failures are kept a shorter while; questions in flight are shared.
import type { DnsLookup } from "../../runtime.ts";

export type DnsCacheOptions = {
  /** How long an answer is kept (record TTLs are not exposed by a generic look-up). */
  answerMs: number;
  /** How long a failure (no such name, no answer) is kept. */
  failureMs: number;
  /** The most questions kept; the oldest are forgotten first. */
  entries: number;
  now: () => number;
};

const defaults: DnsCacheOptions = {
  answerMs: 300_000,
  failureMs: 60_000,
  entries: 10_000,
  now: () => Date.now(),
};

type Entry = { until: number; answer: Promise<unknown> };

export function cachedDns(lookup: DnsLookup, options: Partial<DnsCacheOptions> = {}): DnsLookup {
  const o = { ...defaults, ...options };
  const kept = new Map<string, Entry>();
  return (name, type) => {
    const key = `${type} ${name.toLowerCase()}`;
    const now = o.now();
    const entry = kept.get(key);
    if (entry && entry.until > now) return entry.answer;
    kept.delete(key);
    const answer = lookup(name, type);
    // Kept while in flight; once settled, for as long as its outcome deserves.
    const fresh: Entry = { until: Number.POSITIVE_INFINITY, answer };
    kept.set(key, fresh);
    answer.then(
      () => {
        fresh.until = o.now() + o.answerMs;
      },
      () => {
        fresh.until = o.now() + o.failureMs;
      },
    );
    while (kept.size > o.entries) {
      const oldest = kept.keys().next().value;
      if (oldest === undefined) break;
      kept.delete(oldest);
    }
    return answer;
  };
}
