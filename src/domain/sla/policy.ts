// SLA policies: how many business minutes a brand promises for first response, next response
// and resolution, and which configured policy applies to a conversation.
import type { Channel, Priority } from "../conversation/status.ts";

/** All durations are in business minutes of the brand's calendar. */
export type SlaPolicy = {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  resolutionMinutes: number;
};

/** A configured policy; a null criterion matches any value. */
export type SlaPolicyRule = SlaPolicy & {
  brandId: string | null;
  priority: Priority | null;
  channel: Channel | null;
};

export type PolicyContext = { brandId: string; priority: Priority; channel: Channel };

const hour = 60;

/**
 * The contract's defaults: first response 4 business hours (1 hour when urgent), next response
 * 8 business hours, resolution 5 business days. A business day is taken as the 9 hours of the
 * default Mon–Fri 09:00–18:00 calendar, so resolution is 5 × 540 = 2,700 business minutes
 * whatever calendar the brand has.
 */
export function defaultPolicy(priority: Priority): SlaPolicy {
  return {
    firstResponseMinutes: priority === "urgent" ? 1 * hour : 4 * hour,
    nextResponseMinutes: 8 * hour,
    resolutionMinutes: 5 * 9 * hour,
  };
}

/**
 * The most specific matching rule: brand weighs more than priority, priority more than channel,
 * so brand+priority+channel > brand+priority > brand+channel > brand > priority+channel >
 * priority > channel > a rule with no criterion. Equal rules: the first listed wins. No match:
 * the defaults, with `rule` null.
 */
export function choosePolicy<Rule extends SlaPolicyRule>(
  rules: readonly Rule[],
  context: PolicyContext,
): { policy: SlaPolicy; rule: Rule | null } {
  let best: { rule: Rule; score: number } | null = null;
  for (const rule of rules) {
    const score = specificity(rule, context);
    if (score !== null && (best === null || score > best.score)) best = { rule, score };
  }
  if (best === null) return { policy: defaultPolicy(context.priority), rule: null };
  const { firstResponseMinutes, nextResponseMinutes, resolutionMinutes } = best.rule;
  return {
    policy: { firstResponseMinutes, nextResponseMinutes, resolutionMinutes },
    rule: best.rule,
  };
}

/** Null when the rule does not match; otherwise a weight, higher for more specific rules. */
function specificity(rule: SlaPolicyRule, context: PolicyContext): number | null {
  let score = 0;
  if (rule.brandId !== null) {
    if (rule.brandId !== context.brandId) return null;
    score += 4;
  }
  if (rule.priority !== null) {
    if (rule.priority !== context.priority) return null;
    score += 2;
  }
  if (rule.channel !== null) {
    if (rule.channel !== context.channel) return null;
    score += 1;
  }
  return score;
}
