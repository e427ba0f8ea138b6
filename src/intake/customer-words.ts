// What a batch's customer messages say that changes their conversation before its clocks run: an
// urgency raises its priority (the SLA then follows it), a request for a manager is noted for routing.
import { systemActor } from "../commands/events/record-event.ts";
import type { AnyNewEvent } from "../commands/unit-of-work.ts";
import { detectEscalationRequest } from "../domain/routing/escalation-request.ts";
import { detectUrgency, raisedPriority } from "../domain/routing/urgency.ts";
import type { Placement, Working } from "./apply-message.ts";

/** Only a person's own words count: not spam, an automatic reply or list mail. */
const heard = (p: Placement) =>
  !(p.message.spam?.likely ?? false) && !p.message.autoReply && !p.message.bulk;

export function readCustomerWords(placements: Placement[], targets: Working[]): AnyNewEvent[] {
  const happened: AnyNewEvent[] = [];
  placements.forEach((p, i) => {
    const w = targets[i] as Working;
    if (!heard(p)) return;
    const text = `${p.message.subject ?? ""}\n${p.message.bodyText}`.slice(0, 20_000);
    const urgency = detectUrgency(text);
    const raised = raisedPriority(w.row.priority, urgency);
    if (raised && urgency) {
      happened.push({
        type: "conversation.priority_raised",
        actor: systemActor,
        conversationId: w.row.id,
        customerId: p.customerId,
        before: { priority: w.row.priority },
        after: { priority: raised },
        data: { reason: "urgency_words", words: urgency.words },
      });
      w.row = { ...w.row, priority: raised };
      w.raisedTo = raised;
    }
    const asks = detectEscalationRequest(p.message.bodyText.slice(0, 20_000));
    if (asks) w.asksManager = asks.words;
  });
  return happened;
}
