// Data sets: `empty`, `demo` and `bench:<n>`, deterministic from the seed and anchored to the org's today.
import type { Org } from '../org';
import { Random } from '../random';
import { generateBench } from './bench';
import { seedCurrencies, seedCustomMetadata, seedOrganization, seedPersonas, startOfToday } from './common';
import { generateDemo } from './demo';

export type DataSet = 'empty' | 'demo' | `bench:${number}`;

export function parseDataSet(text: string): DataSet {
  if (text === 'empty' || text === 'demo') return text;
  const match = /^bench:(\d+)$/.exec(text);
  if (match) return `bench:${Number(match[1])}`;
  throw new Error(`data: expected empty, demo or bench:<opportunities>, got "${text}"`);
}

/** What demo and bench write besides standard objects. */
const TANDEM_OBJECTS = ['Account_Plan__c', 'Plan_Objective__c', 'Joint_Initiative__c', 'Stakeholder__c', 'Stakeholder_Link__c', 'Executive_Sponsor__c'];

export function generate(org: Org, data: DataSet, seed: number): void {
  const missing = TANDEM_OBJECTS.filter((name) => !org.schema.object(name));
  if (data !== 'empty' && (missing.length > 0 || !org.schema.object('Account')!.fieldsByName.has('strategic_account__c'))) {
    throw new Error(
      `the ${data} data set needs Tandem's objects (force-app/main/default/objects) in the schema; missing: ${[...missing, ...(org.schema.object('Account')!.fieldsByName.has('strategic_account__c') ? [] : ['Account.Strategic_Account__c'])].join(', ')}`
    );
  }
  const longAgo = startOfToday(org) - 2200 * 86_400_000;
  if (data === 'empty') {
    seedOrganization(org, { name: 'Tandem Org', fiscalYearStartMonth: 1, usesStartDateAsFiscalYearName: false, corporateCurrency: 'USD' }, longAgo);
    seedCurrencies(org, [{ iso: 'USD', rate: 1 }], new Random(seed), 0, longAgo);
  } else if (data === 'demo') {
    generateDemo(org, seed);
  } else {
    generateBench(org, seed, Number(data.slice('bench:'.length)));
  }
  seedCustomMetadata(org, longAgo);
  seedPersonas(org, longAgo);
}
