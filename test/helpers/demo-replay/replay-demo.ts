// The demo story told message by message through the intake and the commands, each step in its own
// transaction: the reference the bulk load (src/demo/load-demo.ts) must match row for row.
import { systemActor } from "../../../src/commands/events/record-event.ts";
import { openUnit } from "../../../src/commands/unit-of-work.ts";
import { demoConversations, setTheStage } from "../../../src/demo/load-demo.ts";
import type { Queue } from "../../../src/jobs/queue.ts";
import type { Runtime } from "../../../src/runtime.ts";
import { playConversation } from "./play-conversation.ts";

/** The story's past queues no mail: only what closing a conversation as spam teaches the model. */
function noMail(queue: Queue): Queue {
  return {
    ...queue,
    send: async (tx, name, data, options) => {
      if (name === "learn-spam-lessons") return queue.send(tx, name, data, options);
      throw new Error(`the demo story must not queue a "${name}" job`);
    },
  };
}

export async function replayDemo(rt: Runtime, workspaceId: string): Promise<void> {
  const stage = await rt.db.transaction((tx) =>
    setTheStage(openUnit(rt, tx, { workspaceId, actor: systemActor }), workspaceId),
  );
  const story: Runtime = { ...rt, queue: noMail(rt.queue) };
  for (const conversation of demoConversations) {
    await playConversation(story, stage, conversation);
  }
}
