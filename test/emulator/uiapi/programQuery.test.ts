// samProgram's one GraphQL query against hand-built records: the program rows newest first, and
// each account counted once — its own metric row (Scope__c Account, or blank on rows written
// before scopes), never the Hierarchy row that sums a group with its subsidiaries.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCHEMA_DIR, startOrg, type OrgHandle } from '../index';
import { apiCaller, graphql, nodes, type ApiCall } from './testing';

const QUERY = /\bgql`([^`]*)`/.exec(fs.readFileSync(path.join(DEFAULT_SCHEMA_DIR, 'lwc', 'samProgram', 'programQuery.js'), 'utf8'))![1]!;

describe('UI API GraphQL: the SAM program query', () => {
  let org: OrgHandle;
  let call: ApiCall;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await startOrg({ data: 'empty', today: '2026-06-15' });
    call = apiCaller(org);
    const store = org.store;
    const actor = org.org.userRow(org.username);
    const userId = store.table('User')!.id(actor);
    ids.group = store.insert('Account', { Name: 'Group Holding', Strategic_Account__c: true }, actor);
    ids.subsidiary = store.insert('Account', { Name: 'Group Subsidiary', ParentId: ids.group }, actor);
    ids.legacy = store.insert('Account', { Name: 'Legacy Foods' }, actor);
    ids.small = store.insert('Account', { Name: 'Small Retail' }, actor);
    const metric = (account: string, key: string, fields: Record<string, unknown>) =>
      store.insert('Account_Metric__c', { Account__c: account, Snapshot_Key__c: key, Period__c: 'FY2026-Q2', Is_Current__c: true, ...fields }, actor);
    ids.groupOwn = metric(ids.group, `${ids.group}:FY2026-Q2`, { Scope__c: 'Account', Revenue_TTM__c: 100, Strategic_Score__c: 80 });
    ids.groupTotal = metric(ids.group, `${ids.group}:FY2026-Q2:H`, { Scope__c: 'Hierarchy', Revenue_TTM__c: 160, Strategic_Score__c: 90 });
    ids.groupPast = metric(ids.group, `${ids.group}:FY2026-Q1`, { Scope__c: 'Account', Is_Current__c: false, Period__c: 'FY2026-Q1' });
    ids.subsidiaryOwn = metric(ids.subsidiary, `${ids.subsidiary}:FY2026-Q2`, { Scope__c: 'Account', Revenue_TTM__c: 60, Strategic_Score__c: 40 });
    ids.legacyRow = metric(ids.legacy, `${ids.legacy}:FY2026-Q2`, { Revenue_TTM__c: 30, Strategic_Score__c: 70 });
    ids.smallRow = metric(ids.small, `${ids.small}:FY2026-Q2`, { Scope__c: 'Account', Revenue_TTM__c: 5 });
    store.insert('Program_Metric__c', { Period_Key__c: 'FY2026-Q1', Period__c: 'FY2026-Q1', As_Of__c: '2026-03-31' }, actor);
    store.insert('Program_Metric__c', { Period_Key__c: 'FY2026-Q2', Period__c: 'FY2026-Q2', As_Of__c: '2026-06-15', Is_Current__c: true }, actor);
    ids.groupSponsor = store.insert('Executive_Sponsor__c', { Account__c: ids.group, Sponsor__c: userId, Active__c: true }, actor);
    store.insert('Executive_Sponsor__c', { Account__c: ids.legacy, Sponsor__c: userId, Active__c: true }, actor);
    store.insert('Executive_Sponsor__c', { Account__c: ids.group, Sponsor__c: userId, Active__c: false }, actor);
    ids.groupPlan = store.insert('Account_Plan__c', { Name: 'Group plan', Account__c: ids.group, Status__c: 'Active' }, actor);
    store.insert('Account_Plan__c', { Name: 'Old group plan', Account__c: ids.group, Status__c: 'Archived' }, actor);
  });

  afterAll(() => org.close());

  it('reads program rows newest first, strategic accounts, and their own current rows only', async () => {
    const answer = await graphql(call, QUERY, { candidates: 5 }, 'samProgram');
    expect(nodes(answer, 'Program_Metric__c').map((n) => (n.Period__c as { value: string }).value)).toEqual(['FY2026-Q2', 'FY2026-Q1']);
    expect(nodes(answer, 'Account').map((n) => n.Id)).toEqual([ids.group]);
    // The group's Hierarchy row (160 = 100 + the subsidiary's 60) would count the subsidiary twice.
    expect(nodes(answer, 'strategicMetrics').map((n) => n.Id)).toEqual([ids.groupOwn]);
    expect(nodes(answer, 'Executive_Sponsor__c').map((n) => n.Id)).toEqual([ids.groupSponsor]);
    expect(nodes(answer, 'Account_Plan__c').map((n) => n.Id)).toEqual([ids.groupPlan]);
  });

  it('ranks non-strategic accounts with a score, best first, a blank scope counting as the account', async () => {
    const answer = await graphql(call, QUERY, { candidates: 5 }, 'samProgram');
    // Legacy (70, blank scope) before the subsidiary (40); Small has no score.
    expect(nodes(answer, 'candidateMetrics').map((n) => n.Id)).toEqual([ids.legacyRow, ids.subsidiaryOwn]);
    const one = await graphql(call, QUERY, { candidates: 1 }, 'samProgram');
    expect(nodes(one, 'candidateMetrics').map((n) => n.Id)).toEqual([ids.legacyRow]);
  });
});
