// The continuity report's arithmetic. A conversation counts when a human answered it in the period;
// it is *kept* when its customer has an advisor or a backup and every human answer of the period came
// from one of them. The continuity rate is kept ÷ conversations whose customer has an advisor or backup
// (a customer with neither cannot be kept: they are counted apart). Transfers per conversation is the
// transfers asked in the period of those conversations (cancelled ones aside) ÷ the conversations.
// Pure: the shell counts per (team, customer's advisor) in PostgreSQL, this folds and divides.

/** Counted for one (conversation team, customer's advisor) pair. */
export type ContinuityCount = {
  teamId: string | null;
  advisorId: string | null;
  conversations: number;
  /** Of which the customer has an advisor or a backup. */
  withAdvisor: number;
  kept: number;
  transfers: number;
};

export type ContinuityFigures = {
  conversations: number;
  withAdvisor: number;
  kept: number;
  transfers: number;
  /** kept ÷ withAdvisor, null when no conversation could be kept. */
  continuityRate: number | null;
  /** transfers ÷ conversations, null without conversations. */
  transfersPerConversation: number | null;
};

export type Continuity = {
  totals: ContinuityFigures;
  teams: Array<ContinuityFigures & { teamId: string | null }>;
  advisors: Array<ContinuityFigures & { advisorId: string | null }>;
};

type Sums = Omit<ContinuityFigures, "continuityRate" | "transfersPerConversation">;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function figures(s: Sums): ContinuityFigures {
  return {
    ...s,
    continuityRate: ratio(s.kept, s.withAdvisor),
    transfersPerConversation: ratio(s.transfers, s.conversations),
  };
}

function sumBy<K extends string | null>(
  rows: readonly ContinuityCount[],
  key: (r: ContinuityCount) => K,
) {
  const sums = new Map<K, Sums>();
  for (const r of rows) {
    const s = sums.get(key(r)) ?? { conversations: 0, withAdvisor: 0, kept: 0, transfers: 0 };
    s.conversations += r.conversations;
    s.withAdvisor += r.withAdvisor;
    s.kept += r.kept;
    s.transfers += r.transfers;
    sums.set(key(r), s);
  }
  return sums;
}

/** Most conversations first, "nobody" (no team, no advisor) last; ties by id for a stable order. */
function bySize<T extends { conversations: number }>(key: (row: T) => string | null) {
  return (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    if ((ka === null) !== (kb === null)) return ka === null ? 1 : -1;
    return b.conversations - a.conversations || (ka ?? "").localeCompare(kb ?? "");
  };
}

export function foldContinuity(rows: readonly ContinuityCount[]): Continuity {
  const total = sumBy(rows, () => null).get(null) ?? {
    conversations: 0,
    withAdvisor: 0,
    kept: 0,
    transfers: 0,
  };
  return {
    totals: figures(total),
    teams: [...sumBy(rows, (r) => r.teamId)]
      .map(([teamId, s]) => ({ teamId, ...figures(s) }))
      .sort(bySize((r) => r.teamId)),
    advisors: [...sumBy(rows, (r) => r.advisorId)]
      .map(([advisorId, s]) => ({ advisorId, ...figures(s) }))
      .sort(bySize((r) => r.advisorId)),
  };
}
