// An advisor says whether a conversation opened by list or bulk mail is owed an answer: "owed"
// takes it out of the bulk view and starts its clocks from this moment; "bulk" files it back there,
// owed nothing.
import type { Principal } from "../access/principal.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { refile } from "./refile.ts";

export type BulkMarkInput = { conversationId: string; bulk: boolean };

export async function markBulk(
  uow: UnitOfWork,
  p: Principal,
  { conversationId, bulk }: BulkMarkInput,
) {
  const before = await lockConversation(uow.tx, p.workspaceId, conversationId);
  if (before.bulk === bulk) return before;
  return refile(
    uow,
    before,
    { bulk },
    bulk ? "conversation.marked_bulk" : "conversation.marked_owed_answer",
  );
}
