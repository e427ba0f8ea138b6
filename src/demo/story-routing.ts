// The intake's routing of a conversation the story opens: the same pure rule, fed with the story's
// people as the intake would read them (no working hours set, Julien's absence ahead, the partner
// reseller's manager). Loads start at nothing: the story's advisors stay far below their capacity,
// and the demo-bulk test checks every decision against the intake's own.
import { systemActor } from "../commands/events/record-event.ts";
import { type Candidate, routeConversation } from "../domain/routing/route-conversation.ts";
import type { Stage } from "./compose-story.ts";
import { storyAbsence, storyPartner, storyStaff } from "./story-cast.ts";
import { daysBefore } from "./story-clock.ts";
import { type Draft, event, type StoryDesk } from "./story-desk.ts";
import type { StaffKey } from "./story-types.ts";

function candidateOf(stage: Stage, key: StaffKey | undefined): Candidate | null {
  if (!key) return null;
  const person = stage.setting.staff[key];
  const away = key === storyAbsence.who;
  return {
    id: person.id,
    name: person.name,
    active: true,
    schedule: null,
    outOfOffice: away
      ? {
          from: daysBefore(stage.now, -storyAbsence.fromDays),
          until: daysBefore(stage.now, -storyAbsence.untilDays),
        }
      : null,
    capacity: storyStaff[key].capacity,
    openLoad: 0,
    lastAssignedAt: null,
  };
}

/** Routes the conversation just opened, with the intake's `conversation.routed` event. */
export function routeOnArrival(stage: Stage, desk: StoryDesk, draft: Draft, at: Date): void {
  if (draft.row.spam) return;
  const customer = [...stage.customers.values()].find((c) => c.id === draft.row.customerId);
  const partner =
    customer?.organisationId && customer.organisationId === stage.setting.partnerId
      ? { manager: candidateOf(stage, storyPartner.partnerManager) }
      : null;
  const routing = routeConversation({
    now: at,
    promiseDueAt: draft.row.firstResponseDueAt,
    advisor: candidateOf(stage, customer?.advisor),
    backup: candidateOf(stage, customer?.backup),
    partner,
    team: null,
  });
  const told = routing.reason.advisor_name ?? routing.reason.backup_name;
  if (routing.assignee_id === null && routing.team_id === null && !told) return;
  draft.row = { ...draft.row, assigneeId: routing.assignee_id, teamId: routing.team_id };
  event(desk, draft.row, at, systemActor, "conversation.routed", {
    before: { assigneeId: null, teamId: null },
    after: { assigneeId: routing.assignee_id, teamId: routing.team_id },
    data: { ...routing.reason, assignee_id: routing.assignee_id, team_id: routing.team_id },
  });
}
