// The workload report's arithmetic: per advisor and per team, how many conversations are open, how
// many owe the customer an answer, how many of those are overdue or breached, and how many answers
// each advisor sent in the period. Pure: the shell counts rows in PostgreSQL, this folds them.

/** Open conversations counted for one (assignee, team) pair. */
export type OpenCount = {
  assigneeId: string | null;
  teamId: string | null;
  open: number;
  owed: number;
  overdue: number;
  breached: number;
};

/** Human answers one advisor sent in the period. */
export type AnswerCount = { userId: string; answers: number; conversations: number };

export type WorkloadFigures = {
  open: number;
  owed: number;
  overdue: number;
  breached: number;
};

export type AdvisorWorkload = WorkloadFigures & {
  userId: string | null;
  answers: number;
  answeredConversations: number;
};

export type TeamWorkload = WorkloadFigures & { teamId: string | null };

export type Workload = {
  totals: WorkloadFigures & { answers: number };
  advisors: AdvisorWorkload[];
  teams: TeamWorkload[];
};

const none = (): WorkloadFigures => ({ open: 0, owed: 0, overdue: 0, breached: 0 });

function add(into: WorkloadFigures, row: WorkloadFigures): void {
  into.open += row.open;
  into.owed += row.owed;
  into.overdue += row.overdue;
  into.breached += row.breached;
}

/** Busiest first (most owed, then most open), the unassigned row last; ties by id for a stable order. */
function byLoad<T extends WorkloadFigures>(key: (row: T) => string | null) {
  return (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    if ((ka === null) !== (kb === null)) return ka === null ? 1 : -1;
    return b.owed - a.owed || b.open - a.open || (ka ?? "").localeCompare(kb ?? "");
  };
}

/**
 * Folds the counts into rows per advisor and per team. An advisor who answered in the period but
 * holds nothing open still has a row; `null` stands for "nobody" (unassigned, or no team).
 */
export function foldWorkload(
  open: readonly OpenCount[],
  answers: readonly AnswerCount[],
): Workload {
  const advisors = new Map<string | null, AdvisorWorkload>();
  const teams = new Map<string | null, TeamWorkload>();
  const totals = { ...none(), answers: 0 };
  const advisor = (userId: string | null) => {
    let row = advisors.get(userId);
    if (!row) {
      row = { userId, ...none(), answers: 0, answeredConversations: 0 };
      advisors.set(userId, row);
    }
    return row;
  };
  for (const row of open) {
    add(advisor(row.assigneeId), row);
    let team = teams.get(row.teamId);
    if (!team) {
      team = { teamId: row.teamId, ...none() };
      teams.set(row.teamId, team);
    }
    add(team, row);
    add(totals, row);
  }
  for (const row of answers) {
    const a = advisor(row.userId);
    a.answers += row.answers;
    a.answeredConversations += row.conversations;
    totals.answers += row.answers;
  }
  return {
    totals,
    advisors: [...advisors.values()].sort(byLoad((r) => r.userId)),
    teams: [...teams.values()].sort(byLoad((r) => r.teamId)),
  };
}
