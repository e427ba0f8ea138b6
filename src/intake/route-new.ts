// Who answers what the batch opened, and who takes what a customer asked a manager for: the state
// read in two statements for the whole batch (routing-state.ts), each decision made by the pure
// rule (domain/routing/), written on the conversations in memory before they are stored.
import { systemActor } from "../commands/events/record-event.ts";
import type { AnyNewEvent } from "../commands/unit-of-work.ts";
import {
  type Candidate,
  type Routing,
  routeConversation,
} from "../domain/routing/route-conversation.ts";
import type { Tx } from "../store/database.ts";
import type { Brand, Placement, Working } from "./apply-message.ts";
import { loadRoutingPeople, type RoutingPeople } from "./routing-state.ts";

/** The team a conversation belongs to: its own, else its brand's. */
const teamOf = (w: Working, brandsById: Map<string, Brand>) =>
  w.row.teamId ?? brandsById.get(w.row.brandId)?.teamId ?? null;

export async function routeBatch(
  tx: Tx,
  workspaceId: string,
  placements: Placement[],
  targets: Working[],
  brandsById: Map<string, Brand>,
  now: Date,
): Promise<AnyNewEvent[]> {
  // Spam and list mail owe no answer: nobody is given them.
  const opened = new Set(targets.filter((w) => w.isNew && !w.row.spam && !w.row.bulk));
  const asking = new Set(targets.filter((w) => w.asksManager !== null));
  if (opened.size === 0 && asking.size === 0) return [];
  const customerIds = [...opened].map((w) => w.row.customerId);
  const teamIds = [...new Set([...opened, ...asking].map((w) => teamOf(w, brandsById)))].filter(
    (id): id is string => id !== null,
  );
  const known = await loadRoutingPeople(tx, workspaceId, customerIds, teamIds);
  const happened: AnyNewEvent[] = [];
  const done = new Set<Working>();
  placements.forEach((p, i) => {
    const w = targets[i] as Working;
    if (done.has(w)) return;
    done.add(w);
    if (opened.has(w)) happened.push(...route(w, p, known, brandsById, now));
    if (asking.has(w)) happened.push(...escalate(w, p, known, brandsById));
  });
  return happened;
}

/** Routes one new conversation; the one given it counts it in their load for the rest of the batch. */
function route(
  w: Working,
  p: Placement,
  known: RoutingPeople,
  brandsById: Map<string, Brand>,
  now: Date,
): AnyNewEvent[] {
  const chain = known.chains.get(w.row.customerId);
  const person = (id: string | null | undefined) => (id ? (known.people.get(id) ?? null) : null);
  const teamId = teamOf(w, brandsById);
  const team = teamId ? known.teams.get(teamId) : undefined;
  const routing: Routing = routeConversation({
    now,
    promiseDueAt: w.clock?.firstResponseDueAt ?? null,
    advisor: person(chain?.advisorId),
    backup: person(chain?.backupId),
    partner: chain?.partnerManagerId ? { manager: person(chain.partnerManagerId) } : null,
    team: teamId
      ? {
          id: teamId,
          name: team?.name ?? "",
          manager: person(team?.managerId),
          members: (team?.memberIds ?? []).flatMap((id) => person(id) ?? []),
        }
      : null,
  });
  const given = person(routing.assignee_id);
  if (given) countIn(given, now);
  w.row = { ...w.row, assigneeId: routing.assignee_id, teamId: routing.team_id };
  // Nobody named and no team: nothing changed, nothing to tell (a desk that routes nothing).
  const told = routing.reason.advisor_name ?? routing.reason.backup_name;
  if (routing.assignee_id === null && routing.team_id === null && !told) return [];
  const event: AnyNewEvent = {
    type: "conversation.routed",
    actor: systemActor,
    conversationId: w.row.id,
    customerId: p.customerId,
    before: { assigneeId: null, teamId: null },
    after: { assigneeId: routing.assignee_id, teamId: routing.team_id },
    data: { ...routing.reason, assignee_id: routing.assignee_id, team_id: routing.team_id },
  };
  return [event];
}

function countIn(c: Candidate, now: Date) {
  c.openLoad += 1;
  c.lastAssignedAt = now;
}

/** Gives the conversation to its team's manager, as the customer asked (nothing when it has none). */
function escalate(
  w: Working,
  p: Placement,
  known: RoutingPeople,
  brandsById: Map<string, Brand>,
): AnyNewEvent[] {
  const teamId = teamOf(w, brandsById);
  const managerId = teamId ? known.teams.get(teamId)?.managerId : null;
  const manager = managerId ? known.people.get(managerId) : undefined;
  if (!manager?.active || w.row.assigneeId === manager.id) return [];
  const before = { assigneeId: w.row.assigneeId, teamId: w.row.teamId };
  w.row = { ...w.row, assigneeId: manager.id, teamId, escalatedToId: manager.id };
  w.escalatedTo = { id: manager.id, name: manager.name };
  return [
    {
      type: "conversation.escalated",
      actor: { kind: "customer", id: p.customerId, name: p.message.from.name ?? "" },
      conversationId: w.row.id,
      customerId: p.customerId,
      before,
      after: { assigneeId: manager.id, teamId },
      data: {
        reason: "customer_request",
        manager_id: manager.id,
        manager_name: manager.name,
        words: w.asksManager ?? "",
      },
    },
  ];
}
