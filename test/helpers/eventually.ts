// Waits for what a job does after the answer (a mail sent, a state read back): polls until the
// probe gives a value, failing after `ms`.

export async function eventually<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`nothing came within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
