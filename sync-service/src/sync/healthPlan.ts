// Plan health on the metric rows (DESIGN.md "Plan health"): the current quarter's row of each
// account gets the score and its four components from the account's Active plan, its objectives
// and initiatives, its stakeholders and its sponsorships (as the activities leave them); every other
// row carries them blank, so all rows have the same fields. A Hierarchy row's health is that of
// the group's top account's Active plan (its objectives and initiatives) with the stakeholders and
// sponsorships of every account in the group (docs/metrics.md "Customer groups").
import type { AccountMetricRow, MetricsResult } from '../metrics';
import { buildAccountTree } from '../metrics/accountTree';
import { healthFields, planHealth, type HealthWeight } from '../metrics/planHealth';
import { activePlans } from '../metrics/relationship';
import { sponsorsAfterEngagement } from './engagementPlan';
import type { Inputs } from './inputs';

type HealthInputs = Pick<Inputs, 'account' | 'plan' | 'initiative' | 'objective' | 'stakeholder' | 'sponsor' | 'event' | 'task'>;

function groupBy<T>(items: Iterable<T>, key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** `result` with the health fields on every account row (the rows are `result`'s own, filled in). */
export function withPlanHealth(result: MetricsResult, asOf: string, inputs: HealthInputs, weights: readonly HealthWeight[]): MetricsResult {
  const plans = activePlans([...inputs.plan.values()]);
  const objectives = groupBy(inputs.objective.values(), (o) => o.planId);
  const initiatives = groupBy(inputs.initiative.values(), (i) => i.planId);
  const stakeholders = groupBy(inputs.stakeholder.values(), (s) => s.accountId);
  const sponsors = groupBy(sponsorsAfterEngagement(asOf, inputs), (s) => s.accountId);
  const tree = result.accountMetrics.some((row) => row.Scope__c === 'Hierarchy') ? buildAccountTree([...inputs.account.values()].map((a) => [a.id, a.parentId])) : null;
  // In place: spread copies of 48,000 wide rows cost a 1,000,000-opportunity run ~150 MiB of RSS.
  const accountMetrics = result.accountMetrics.map((row): AccountMetricRow => {
    if (!row.Is_Current__c) return Object.assign(row, healthFields(null));
    const plan = plans.get(row.Account__c);
    const accounts = row.Scope__c === 'Hierarchy' && tree ? [row.Account__c, ...tree.descendantsOf(row.Account__c)] : [row.Account__c];
    const health = planHealth(asOf, {
      plan: plan ? inputs.plan.get(plan.id)!.health : null,
      objectives: plan ? (objectives.get(plan.id) ?? []) : [],
      initiatives: plan ? (initiatives.get(plan.id) ?? []).map((i) => i.health) : [],
      stakeholders: accounts.flatMap((id) => stakeholders.get(id) ?? []),
      sponsors: accounts.flatMap((id) => sponsors.get(id) ?? [])
    }, weights);
    return Object.assign(row, healthFields(health));
  });
  return { ...result, accountMetrics };
}
