// Convergence: for many seeds, random realistic edits of the org's inputs — some made while a
// slowed full run is in flight — then an incremental run; every metric row in the org must equal
// what a from-scratch full run computes (the service's own reader and planner over a fresh read,
// with no state at all). Zero differences is the bar.
import type { OrgHandle } from '../emulator';
import { runSync } from '../../sync-service/src/sync/run';
import { TODAY, adminActor, fromScratch, orgMetricRows, setAmount, startDemoOrg, storeRows, syncDeps, uniquePrefix, type Row } from '../sync/support';

const SEEDS = Number(process.env.TANDEM_CONVERGENCE_SEEDS ?? 8);
const STAGES = ['Prospecting', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'];
const CURRENCIES = ['USD', 'EUR', 'GBP'];

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One random edit a user or an integration would make; returns a line describing it. */
function randomEdit(org: OrgHandle, random: () => number): string {
  const actor = adminActor(org);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const opportunities = storeRows(org, 'SELECT Id, AccountId, Amount, CloseDate FROM Opportunity ORDER BY Id');
  const accounts = storeRows(org, 'SELECT Id, Strategic_Account__c FROM Account ORDER BY Id');
  const kind = Math.floor(random() * 10);
  const opportunity = pick(opportunities);
  const id = String(opportunity.Id);
  switch (kind) {
    case 0:
      setAmount(org, id, Math.round(random() * 500_000), actor);
      return `amount ${id}`;
    case 1:
      org.store.update('Opportunity', id, { StageName: pick(STAGES) }, actor);
      return `stage ${id}`;
    case 2:
      org.store.update('Opportunity', id, { CloseDate: shiftDays(String(opportunity.CloseDate ?? TODAY), Math.round((random() - 0.5) * 400)) }, actor);
      return `close date ${id}`;
    case 3:
      org.store.update('Opportunity', id, { AccountId: pick(accounts).Id }, actor);
      return `account move ${id}`;
    case 4:
      // Half the deletes are hard deletes (purged: only the delete log still knows them).
      if (random() < 0.5) {
        org.store.purge('Opportunity', id, actor);
        return `purge ${id}`;
      }
      org.store.remove('Opportunity', id, actor);
      return `delete ${id}`;
    case 5: {
      const account = pick(accounts);
      org.store.insert(
        'Opportunity',
        { Name: 'Convergence deal', AccountId: account.Id, StageName: pick(STAGES), CloseDate: shiftDays(TODAY, Math.round((random() - 0.6) * 700)), Amount: Math.round(random() * 300_000), CurrencyIsoCode: pick(CURRENCIES) },
        actor
      );
      return `insert for ${String(account.Id)}`;
    }
    case 6: {
      const account = pick(accounts);
      org.store.update('Account', String(account.Id), { Strategic_Account__c: account.Strategic_Account__c !== true }, actor);
      return `strategic flag ${String(account.Id)}`;
    }
    case 7: {
      const plans = storeRows(org, 'SELECT Id FROM Account_Plan__c ORDER BY Id');
      if (plans.length === 0) return 'no plan';
      const plan = pick(plans);
      org.store.update('Account_Plan__c', String(plan.Id), { Revenue_Target__c: Math.round(random() * 5_000_000), Status__c: pick(['Active', 'Active', 'Draft']) }, actor);
      return `plan ${String(plan.Id)}`;
    }
    case 8: {
      const initiatives = storeRows(org, 'SELECT Id FROM Joint_Initiative__c ORDER BY Id');
      if (initiatives.length === 0) return 'no initiative';
      const initiative = pick(initiatives);
      org.store.update('Joint_Initiative__c', String(initiative.Id), { Customer_Value_Realized__c: Math.round(random() * 200_000), Supplier_Value_Realized__c: Math.round(random() * 200_000) }, actor);
      return `initiative ${String(initiative.Id)}`;
    }
    default:
      org.store.update('Opportunity', id, { CurrencyIsoCode: pick(CURRENCIES) }, actor);
      return `currency ${id}`;
  }
}

function differences(stored: Map<string, Row>, expected: Map<string, Row>): string[] {
  const found: string[] = [];
  for (const [key, row] of expected) if (JSON.stringify(stored.get(key)) !== JSON.stringify(row)) found.push(key);
  for (const key of stored.keys()) if (!expected.has(key)) found.push(`${key} (not computed)`);
  return found;
}

describe('convergence of incremental runs', () => {
  let org: OrgHandle;

  beforeAll(async () => {
    org = await startDemoOrg();
  });

  afterAll(async () => {
    await org.close();
  });

  it(`ends where a from-scratch full run ends, for ${SEEDS} seeds of random edits`, async () => {
    let compared = 0;
    let purges = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = generator(seed);
      const deps = await syncDeps(org, uniquePrefix(`converge${seed}`));
      const log: string[] = [];
      try {
        await runSync({ mode: 'full', asOf: TODAY }, deps);
        for (let i = 0, n = 1 + Math.floor(random() * 6); i < n; i++) log.push(randomEdit(org, random));
        // A slowed full run, edited while it reads and while it writes.
        org.setFaults('latency=25@1');
        await runSync(
          { mode: 'full', asOf: TODAY },
          {
            ...deps,
            onProgress: (percent) => {
              if (percent === 20 || percent === 50 || percent === 90) for (let i = 0, n = Math.floor(random() * 3); i < n; i++) log.push(`during full run: ${randomEdit(org, random)}`);
            }
          }
        );
        org.setFaults(null);
        for (let i = 0, n = Math.floor(random() * 6); i < n; i++) log.push(randomEdit(org, random));
        const summary = await runSync({ mode: 'incremental', asOf: TODAY }, deps);
        expect(summary.status).toBe('done');
        const stored = orgMetricRows(org);
        const expected = await fromScratch(deps);
        const wrong = [...differences(stored.accounts, expected.accounts), ...differences(stored.programs, expected.programs)];
        if (wrong.length > 0) throw new Error(`seed ${seed}: ${wrong.length} rows differ (${wrong.slice(0, 5).join(', ')}) after edits: ${log.join('; ')}`);
        compared += expected.accounts.size + expected.programs.size;
        purges += log.filter((line) => line.includes('purge ')).length;
      } finally {
        org.setFaults(null);
        await deps.close();
      }
    }
    process.stdout.write(`convergence: ${SEEDS} seeds, ${compared} metric rows compared, 0 differences (${purges} hard deletes among the edits)\n`);
    expect(compared).toBeGreaterThan(0);
  }, 300_000);
});
