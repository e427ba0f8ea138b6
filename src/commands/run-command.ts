// The one runner of use cases: it opens the transaction and the unit of work, replays the answer
// already given to an Idempotency-Key, and retries a change that lost a unique-key race.
import type { Runtime } from "../runtime.ts";
import type { Tx } from "../store/database.ts";
import { isUniqueViolation } from "../store/unique-violation.ts";
import type { Principal } from "./access/principal.ts";
import { type IdempotentCall, rememberAnswer, replayOf, requestHash } from "./idempotency.ts";
import { openUnit, type UnitClock, type UnitOfWork } from "./unit-of-work.ts";

/** A use case: everything it reads and writes goes through the unit of work. */
export type UseCase<I, R> = (uow: UnitOfWork, p: Principal, input: I) => Promise<R>;

/**
 * A change that lost a race on a unique key (two requests creating the same slug, reference…) is
 * run again once: it then sees the winner's row and decides as if it had come second.
 */
const attempts = 2;

export async function runCommand<I, R>(
  rt: Runtime,
  useCase: UseCase<I, R>,
  p: Principal,
  input: I,
  clock: UnitClock = {},
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(rt, useCase, p, input, clock);
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

function runOnce<I, R>(
  rt: Runtime,
  useCase: UseCase<I, R>,
  p: Principal,
  input: I,
  clock: UnitClock,
) {
  return rt.db.transaction((tx) => useCase(openUnit(rt, tx, p, clock), p, input));
}

/** The request an Idempotency-Key stands for: a reuse with another one is refused (422). */
export type RequestFingerprint = { method: string; path: string; body: unknown };

export type Idempotency<R, A> = {
  /** The client's Idempotency-Key, if it sent one. */
  key: string | undefined;
  request: RequestFingerprint;
  /** The answer to keep and replay: computed in the transaction, stored as JSON. */
  answer: (result: R, uow: UnitOfWork) => A | Promise<A>;
  /** The status of the first answer (a replay answers 200). */
  status?: number;
};

export type IdempotentOutcome<A> = { answer: A; replayed: boolean };

/**
 * Runs a use case that creates something, honouring Idempotency-Key: the same key and request
 * replays the first answer for 24 hours, scoped to the principal; the record is written in the
 * change's own transaction, so a crash keeps both or neither.
 */
export async function runIdempotent<I, R, A>(
  rt: Runtime,
  useCase: UseCase<I, R>,
  p: Principal,
  input: I,
  idempotency: Idempotency<R, A>,
  clock: UnitClock = {},
): Promise<IdempotentOutcome<A>> {
  const handle = idempotencyOf<A>(rt, p, idempotency.key, idempotency.request);
  const withRecord: UseCase<I, A> = async (uow, principal, i) => {
    const answer = await idempotency.answer(await useCase(uow, principal, i), uow);
    await handle.remember(uow.tx, uow.runtime, answer, idempotency.status ?? 201);
    return answer;
  };
  return handle.run(async () => runOnce(rt, withRecord, p, input, clock));
}

/**
 * Idempotency-Key around a write that cannot yet run as a use case (one that goes through the
 * intake's own transaction): `remember` inside that transaction, `run` around it.
 */
export type IdempotencyHandle<A> = {
  remember(tx: Tx, rt: Runtime, answer: A, status?: number): Promise<void>;
  run(write: () => Promise<A>): Promise<IdempotentOutcome<A>>;
};

export function idempotencyOf<A>(
  rt: Runtime,
  p: Principal,
  key: string | undefined,
  request: RequestFingerprint,
): IdempotencyHandle<A> {
  const call: IdempotentCall | null = key
    ? {
        workspaceId: p.workspaceId,
        scope: p.scope,
        key,
        requestHash: requestHash(request.method, request.path, request.body),
      }
    : null;
  const replay = async (): Promise<IdempotentOutcome<A> | null> => {
    const previous = call ? await replayOf(rt, call) : null;
    return previous ? { answer: previous.response as A, replayed: true } : null;
  };
  return {
    async remember(tx, runtime, answer, status = 201) {
      if (call) await rememberAnswer(tx, runtime, call, status, answer);
    },
    async run(write) {
      const first = await replay();
      if (first) return first;
      for (let attempt = 1; ; attempt++) {
        try {
          return { answer: await write(), replayed: false };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // A concurrent request with the same key committed first: answer what it answered.
          const again = await replay();
          if (again) return again;
          if (attempt >= attempts) throw error;
        }
      }
    },
  };
}
