// One change applied to a selection of conversations (assign, close with a reason, tag): each
// through the same use case as one, in its own transaction, so a refusal of one is reported for
// that one and the others are changed all the same.

import type { ConversationPatch } from "../../domain/conversation/change.ts";
import { withTags } from "../../domain/conversation/tags.ts";
import { DeskError, type ErrorCode } from "../../errors.ts";
import type { Runtime } from "../../runtime.ts";
import type { Principal } from "../access/principal.ts";
import { runCommand } from "../run-command.ts";
import type { UnitOfWork } from "../unit-of-work.ts";
import { lockConversation } from "./load.ts";
import { changeConversation } from "./update-conversation.ts";

export type ManyChange =
  | { kind: "change"; patch: ConversationPatch }
  /** Tags added to those each conversation has. */
  | { kind: "tag"; add: string[] };

type Conversation = Awaited<ReturnType<typeof changeConversation>>;

export type ItemOutcome =
  | { id: string; ok: true; conversation: Conversation }
  | { id: string; ok: false; code: ErrorCode; status: number; detail: string };

/** The most conversations one request may change. */
export const largestSelection = 100;

async function tagConversation(
  uow: UnitOfWork,
  p: Principal,
  { id, add }: { id: string; add: string[] },
) {
  const current = await lockConversation(uow.tx, p.workspaceId, id);
  const tags = withTags(current.tags, add);
  if (!tags.ok) throw new DeskError("invalid_input", tags.message);
  return changeConversation(uow, p, { id, patch: { tags: tags.tags } });
}

export async function changeMany(
  rt: Runtime,
  p: Principal,
  ids: readonly string[],
  change: ManyChange,
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const id of new Set(ids)) {
    try {
      const conversation =
        change.kind === "tag"
          ? await runCommand(rt, tagConversation, p, { id, add: change.add })
          : await runCommand(rt, changeConversation, p, { id, patch: change.patch });
      outcomes.push({ id, ok: true, conversation });
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      outcomes.push({
        id,
        ok: false,
        code: error.code,
        status: error.status,
        detail: error.message,
      });
    }
  }
  return outcomes;
}
