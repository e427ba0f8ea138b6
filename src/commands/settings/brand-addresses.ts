// A brand's inbound addresses: lower-case, each belonging to one brand of the workspace only,
// checked under a workspace lock so that two concurrent writes cannot both take an address.
import { and, eq, ne, sql } from "drizzle-orm";
import { normalizeEmail } from "../../domain/identity/normalize.ts";
import { DeskError } from "../../errors.ts";
import type { Tx } from "../../store/database.ts";
import { brands } from "../../store/schema/index.ts";

const brandAddressLock = 7243560;

/** Lower-cased and without repeats, in the order given (the first is the address mail is sent from). */
export function normalizeAddresses(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map(normalizeEmail))];
}

/** Locks the workspace's brand addresses for this transaction, then refuses any already taken (409). */
export async function claimAddresses(
  tx: Tx,
  workspaceId: string,
  addresses: readonly string[],
  brandId: string,
): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${brandAddressLock}, hashtext(${workspaceId}))`,
  );
  const others = await tx
    .select({ name: brands.name, addresses: brands.addresses })
    .from(brands)
    .where(and(eq(brands.workspaceId, workspaceId), ne(brands.id, brandId)));
  for (const other of others) {
    const taken = addresses.find((a) => other.addresses.includes(a));
    if (taken) {
      throw new DeskError(
        "conflict",
        `the address ${taken} already belongs to the brand ${other.name}`,
      );
    }
  }
}
