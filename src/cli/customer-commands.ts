// `rapport customer erase ID`: a person's erasure from the command line (a request received by mail
// or by post), exactly as `POST /api/v1/customers/{id}/erase` does it, recorded as done by Rapport.
import { boot } from "../boot.ts";
import { eraseCustomer } from "../commands/customer/erase-customer.ts";
import { forgetFiles } from "../commands/customer/forget-files.ts";
import { systemActor } from "../commands/events/record-event.ts";
import { runCommand } from "../commands/run-command.ts";
import { loadConfig } from "../config.ts";
import { UsageError } from "./run-command.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function eraseCustomerCommand(id: string): Promise<void> {
  if (!uuid.test(id)) throw new UsageError(`not a customer id: ${id}`);
  const booted = await boot(loadConfig(), { mode: "attach" });
  try {
    const { rt, workspaceId } = booted;
    const erased = await runCommand(
      rt,
      eraseCustomer,
      {
        workspaceId,
        role: "admin",
        userId: null,
        via: "token",
        csrfToken: null,
        scope: "system:cli",
        actor: systemActor,
      },
      { id },
    );
    await forgetFiles(rt, erased);
    process.stdout.write(
      `erased customer ${id}: ${erased.conversations} conversations, ${erased.messages} messages\n`,
    );
  } finally {
    await booted.close();
  }
}
