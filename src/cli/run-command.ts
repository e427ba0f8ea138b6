// Runs one CLI action: clear messages for expected failures, exit codes 0 done, 1 failed, 2 bad usage.
import { ConfigError } from "../config.ts";
import { DeskError } from "../errors.ts";
import { ClusterError } from "../store/embedded/run-as.ts";

export class UsageError extends Error {}

/** Exits once stdout has taken everything written so far (a pipe may still hold the token). */
async function exitAfterOutput(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(code);
}

export async function runCommand(action: () => Promise<unknown>): Promise<void> {
  try {
    const outcome = await action();
    // "failed": the action reported what went wrong itself (an import's rejected rows).
    if (outcome === "failed") await exitAfterOutput(1);
    if (outcome !== "keep-running") await exitAfterOutput(0);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`rapport: ${error.message}\n`);
      await exitAfterOutput(2);
    }
    const expected = error instanceof DeskError || error instanceof ClusterError;
    process.stderr.write(
      `rapport: ${expected ? (error as Error).message : (error as Error).stack}\n`,
    );
    await exitAfterOutput(1);
  }
}
