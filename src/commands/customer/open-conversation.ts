// A conversation an advisor opens by reaching out to a customer (a call or a visit they logged):
// already open, assigned to them, in the brand the customer last wrote to.
import { asc, eq } from "drizzle-orm";
import { newReference } from "../../domain/reference.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tx } from "../../store/database.ts";
import { latestBrandOf } from "../../store/queries/customers.ts";
import { brands, conversations } from "../../store/schema/index.ts";
import type { Principal } from "../access/principal.ts";
import { recordEvent } from "../events/record-event.ts";

export type Outreach = {
  customerId: string;
  channel: "phone" | "visit";
  subject: string;
  at: Date;
};

async function brandFor(tx: Tx, workspaceId: string, customerId: string): Promise<string> {
  const latest = await latestBrandOf(tx, workspaceId, customerId);
  if (latest) return latest;
  const [first] = await tx
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.workspaceId, workspaceId))
    .orderBy(asc(brands.createdAt))
    .limit(1);
  if (!first) throw new Error(`workspace ${workspaceId} has no brand`);
  return first.id;
}

export async function openConversation(tx: Tx, rt: Runtime, p: Principal, outreach: Outreach) {
  const ws = p.workspaceId;
  const brandId = await brandFor(tx, ws, outreach.customerId);
  // References are random: a clash with an existing one is drawn again, as the intake does.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(conversations)
      .values({
        workspaceId: ws,
        id: rt.newId(),
        reference: newReference(rt.randomBytes),
        brandId,
        customerId: outreach.customerId,
        channel: outreach.channel,
        subject: outreach.subject,
        status: "open",
        assigneeId: p.actor.kind === "user" ? p.actor.id : null,
        createdAt: outreach.at,
        lastActivityAt: outreach.at,
        updatedAt: outreach.at,
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordEvent(tx, {
        workspaceId: ws,
        id: rt.newId(),
        at: outreach.at,
        type: "conversation.created",
        actor: p.actor,
        conversationId: row.id,
        customerId: outreach.customerId,
        data: { channel: outreach.channel, reference: row.reference, opened_by: "advisor" },
      });
      return row;
    }
  }
  throw new Error("could not draw a free conversation reference");
}
