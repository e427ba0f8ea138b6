// A batch lost a race with another writer (a unique key taken meanwhile): nothing of it is kept,
// and storing it again, alone or in another batch, sees the winner's rows and succeeds.
export class RetryBatch extends Error {
  constructor(what: string) {
    super(`${what} was taken by a concurrent writer; the batch is stored again`);
  }
}
