// The planner: inputs and state in, the metric rows to write out. Pure functions, no I/O: the
// mirror with a run's changes applied, the engine run over it, and the rows whose content differs
// from the hashes stored after their last write.
import { createMetricsRun, type MetricsResult, type MetricsRun, type OpportunityInput } from '../metrics';
import { accountOf, emptyInputs, type InputKind, type InputOf, type Inputs, type OrgContext } from './inputs';
import type { ChangedRecords } from './reader';
import { diffRows, type RowDiff } from './rowHash';
import { INPUT_KINDS, type MirrorChanges } from './state';

/** An engine run over the accounts, plans, initiatives and sponsors of `inputs`; opportunities are added by the caller. */
export function engineFor(asOf: string, context: OrgContext, inputs: Pick<Inputs, 'account' | 'plan' | 'initiative' | 'sponsor'>): MetricsRun {
  return createMetricsRun({
    asOf,
    org: context.org,
    rates: context.rates,
    accounts: [...inputs.account.values()],
    plans: [...inputs.plan.values()],
    initiatives: [...inputs.initiative.values()],
    sponsors: [...inputs.sponsor.values()],
    weights: context.weights
  });
}

export function computeMetrics(asOf: string, context: OrgContext, inputs: Inputs): MetricsResult {
  const run = engineFor(asOf, context, inputs);
  run.add(inputs.opportunity.values() as Iterable<OpportunityInput>);
  return run.finish();
}

/**
 * What the changed records do to the mirror: records whose content differs from the mirrored
 * JSON (`known`, by kind and id) are set, deleted records the mirror holds are removed.
 */
export function mirrorChanges(changed: ChangedRecords, known: Record<InputKind, Map<string, string>>): { changes: MirrorChanges; count: number } {
  const changes: MirrorChanges = {};
  let count = 0;
  for (const kind of INPUT_KINDS) {
    const change = { set: new Map<string, string>(), remove: [] as string[] };
    for (const record of changed[kind] ?? []) {
      if (record.deleted) {
        if (known[kind].has(record.id)) change.remove.push(record.id);
        continue;
      }
      const json = JSON.stringify(record.input);
      if (known[kind].get(record.id) !== json) change.set.set(record.id, json);
    }
    count += change.set.size + change.remove.length;
    changes[kind] = change;
  }
  return { changes, count };
}

/** The mirror (JSON by kind and id) with `changes` applied, parsed into inputs. */
export function inputsFromMirror(mirror: Record<InputKind, Map<string, string>>, changes: MirrorChanges): Inputs {
  const inputs = emptyInputs();
  for (const kind of INPUT_KINDS) {
    const entries = mirror[kind];
    const change = changes[kind];
    if (change) {
      for (const id of change.remove) entries.delete(id);
      for (const [id, json] of change.set) entries.set(id, json);
    }
    const target = inputs[kind] as Map<string, InputOf<InputKind>>;
    for (const [id, json] of entries) target.set(id, JSON.parse(json) as InputOf<InputKind>);
  }
  return inputs;
}

/** `base` with every input of `accountId` replaced by those of `fresh` (a single-account run). */
export function overlayAccount(base: Inputs, fresh: Inputs, accountId: string): Inputs {
  for (const kind of INPUT_KINDS) {
    const target = base[kind] as Map<string, InputOf<InputKind>>;
    for (const [id, input] of target) if (accountOf(kind, input) === accountId) target.delete(id);
    for (const [id, input] of fresh[kind] as Map<string, InputOf<InputKind>>) target.set(id, input);
  }
  return base;
}

/** The rows to write: those whose hash differs from `stored` (see rowHash.ts). */
export function planRows(result: MetricsResult, stored: Map<string, string>, includeAccount?: (accountId: string) => boolean): RowDiff {
  return diffRows(result, stored, includeAccount);
}
