// The customer-group reads of the components, as sent, against hand-built records: the whitespace
// matrix (a group's tree, its top's cells, a subsidiary's subtree, a user without access), a
// cell's opportunities, and the account plan's account rows apart from the group's Hierarchy row.
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { DEFAULT_SCHEMA_DIR, startOrg, type OrgHandle } from '../index';
import { passwordConnection } from '../testing/clients';
import type { FieldDef } from '../schema/types';
import type { UiAccess } from './access';
import { orgContextUser } from './contextUser';
import { executeGraphql } from './graphql';
import { apiCaller, graphql, nodes, type ApiCall } from './testing';

/** The `gql` document of a component module, as the component sends it. */
function componentQuery(file: string): string {
  const source = fs.readFileSync(path.join(DEFAULT_SCHEMA_DIR, 'lwc', file), 'utf8');
  return /\bgql`([^`]*)`/.exec(source)![1]!;
}

const MATRIX = componentQuery('whitespaceMatrix/matrixQuery.js');
const OPPORTUNITIES = componentQuery('whitespaceOpportunities/opportunitiesQuery.js');
const PLAN = componentQuery('accountPlan/planQuery.js');

let org: OrgHandle;
let conn: Connection;
let call: ApiCall;
const id: Record<string, string> = {};

const names = (answer: Awaited<ReturnType<typeof graphql>>, object: string, field: string): string[] =>
  nodes(answer, object).map((node) => (node[field] as { value: string }).value);

beforeAll(async () => {
  org = await startOrg({ data: 'empty', today: '2026-06-15' });
  conn = await passwordConnection(org);
  call = apiCaller(org);
  const account = async (key: string, Name: string, parent?: string) => {
    id[key] = (await conn.sobject('Account').create({ Name, ParentId: parent ? id[parent] : null, Strategic_Account__c: key === 'falcon' })).id!;
  };
  // Castellan → Acme, Falcon → Lumen → Quartz; another group Meridian → Beacon.
  await account('castellan', 'Castellan Manufacturing');
  await account('acme', 'Acme Fabrication', 'castellan');
  await account('falcon', 'Falcon Aerospace Parts', 'castellan');
  await account('lumen', 'Lumen Optics', 'falcon');
  await account('quartz', 'Quartz Electronics', 'lumen');
  await account('meridian', 'Meridian Capital Bank');
  await account('beacon', 'Beacon Financial', 'meridian');
  const cell = (top: string, segment: string, family: string, won: number, open: number, status: string) =>
    conn.sobject('Whitespace_Cell__c').create({
      Account__c: id[top],
      Segment_Account__c: id[segment],
      Product_Family__c: family,
      Won_TTM__c: won,
      Open_Pipeline_12M__c: open,
      Status__c: status,
      Cell_Key__c: `${id[top]}:${id[segment]}:${family}`
    });
  for (const segment of ['castellan', 'acme', 'falcon', 'lumen', 'quartz']) await cell('castellan', segment, 'Analytics', segment === 'lumen' ? 500 : 0, 0, segment === 'lumen' ? 'Won' : 'Whitespace');
  await cell('meridian', 'beacon', 'Analytics', 900, 0, 'Won');
  // A strategic subsidiary's own matrix (if the sync writes one): not the group's, never shown.
  await cell('falcon', 'lumen', 'Analytics', 123, 0, 'Won');
});

afterAll(() => org.close());

describe('the whitespace matrix query', () => {
  it("answers the top account's tree and the group's cells", async () => {
    const answer = await graphql(call, MATRIX, { recordId: id.castellan }, 'whitespaceMatrix');
    expect(names(answer, 'Account', 'Name')).toEqual(['Acme Fabrication', 'Castellan Manufacturing', 'Falcon Aerospace Parts', 'Lumen Optics', 'Quartz Electronics']);
    const cells = nodes(answer, 'Whitespace_Cell__c');
    expect(cells.map((c) => (c.Segment_Account__c as { value: string }).value).sort()).toEqual(
      [id.castellan, id.acme, id.falcon, id.lumen, id.quartz].sort()
    );
    expect(cells.every((c) => (c.Account__c as { value: string }).value === id.castellan)).toBe(true);
    const lumen = cells.find((c) => (c.Segment_Account__c as { value: string }).value === id.lumen)!;
    expect(lumen).toMatchObject({ Won_TTM__c: { value: 500 }, Status__c: { value: 'Won' }, Account__r: { Name: { value: 'Castellan Manufacturing' } } });
  });

  it("answers a subsidiary's own subtree of the top account's matrix", async () => {
    const answer = await graphql(call, MATRIX, { recordId: id.falcon }, 'whitespaceMatrix');
    expect(names(answer, 'Account', 'Name')).toEqual(['Falcon Aerospace Parts', 'Lumen Optics', 'Quartz Electronics']);
    const cells = nodes(answer, 'Whitespace_Cell__c');
    // Three segments of Castellan's matrix; Falcon's own matrix (Lumen 123) is left out.
    expect(cells.map((c) => (c.Won_TTM__c as { value: number }).value).sort()).toEqual([0, 0, 500]);
  });

  it('leaves the cells out, and answers the rest, for a user who may not read them', () => {
    const restricted: UiAccess = {
      canReadObject: (object) => object !== 'Whitespace_Cell__c',
      canCreateObject: () => false,
      canEditObject: () => false,
      canDeleteObject: () => false,
      canReadField: (_object: string, _field: FieldDef) => true,
      canEditField: () => false
    };
    const answer = executeGraphql(org.store, { query: MATRIX, variables: { recordId: id.castellan } }, '/services/data/v64.0', orgContextUser(org.store), {
      access: restricted,
      apiVersion: '64.0'
    }) as { data: { uiapi: { query: Record<string, unknown> } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(Object.keys(answer.data.uiapi.query)).toEqual(['Account']);
  });
});

describe("a cell's opportunities query", () => {
  let won: string;
  let noProducts: string;

  beforeAll(async () => {
    const pricebook = (await conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true')).records[0]!.Id;
    const entry = async (Name: string, Family: string) => {
      const product = (await conn.sobject('Product2').create({ Name, ProductCode: Name.slice(0, 3), Family, IsActive: true })).id!;
      return (await conn.sobject('PricebookEntry').create({ Pricebook2Id: pricebook, Product2Id: product, UnitPrice: 100, IsActive: true, CurrencyIsoCode: 'USD' })).id!;
    };
    const analytics = await entry('Ops Analytics', 'Analytics');
    const training = await entry('Onboarding', 'Training');
    const opportunity = async (Name: string, StageName: string, CloseDate: string) =>
      (await conn.sobject('Opportunity').create({ Name, AccountId: id.lumen, StageName, CloseDate, CurrencyIsoCode: 'USD' })).id!;
    won = await opportunity('Lumen renewal', 'Closed Won', '2026-03-31');
    await conn.sobject('OpportunityLineItem').create({ OpportunityId: won, PricebookEntryId: analytics, Quantity: 3, UnitPrice: 100 });
    await conn.sobject('OpportunityLineItem').create({ OpportunityId: won, PricebookEntryId: training, Quantity: 1, UnitPrice: 40 });
    noProducts = await opportunity('Lumen services', 'Prospecting', '2026-09-30');
  });

  it("lists the segment's line items in the family with their opportunity", async () => {
    const answer = await graphql(call, OPPORTUNITIES, { segmentId: id.lumen, family: 'Analytics', noProductsAccountId: null }, 'whitespaceOpportunities');
    expect(nodes(answer, 'OpportunityLineItem')).toEqual([
      expect.objectContaining({ OpportunityId: { value: won }, TotalPrice: { value: 300 }, Opportunity: expect.objectContaining({ Name: { value: 'Lumen renewal' } }) })
    ]);
    expect(nodes(answer, 'Opportunity')).toEqual([]);
  });

  it('lists the opportunities without products for the "(none)" family', async () => {
    const answer = await graphql(call, OPPORTUNITIES, { segmentId: id.lumen, family: null, noProductsAccountId: id.lumen }, 'whitespaceOpportunities');
    expect(nodes(answer, 'Opportunity').map((n) => n.Id)).toEqual([noProducts]);
  });
});

describe("the account plan's metric rows", () => {
  beforeAll(async () => {
    const row = (period: string, scope: string | null, current: boolean, revenue: number) =>
      conn.sobject('Account_Metric__c').create({
        Account__c: id.castellan,
        Snapshot_Key__c: `${id.castellan}:${period}${scope === 'Hierarchy' ? ':H' : ''}`,
        Period__c: period,
        Scope__c: scope,
        Is_Current__c: current,
        Revenue_TTM__c: revenue
      });
    await row('FY2026-Q2', 'Account', true, 100);
    // A row written before Scope__c existed counts as the account's own.
    await row('FY2026-Q1', null, false, 90);
    await row('FY2026-Q2', 'Hierarchy', true, 1000);
    await row('FY2026-Q1', 'Hierarchy', false, 900);
  });

  it("keeps the account's rows apart from the group's and answers the current group row", async () => {
    const answer = await graphql(call, PLAN, { recordId: id.castellan }, 'accountPlan');
    expect(nodes(answer, 'Account_Metric__c').map((n) => (n.Revenue_TTM__c as { value: number }).value)).toEqual([100, 90]);
    expect(nodes(answer, 'GroupMetric').map((n) => (n.Revenue_TTM__c as { value: number }).value)).toEqual([1000]);
  });

  it('answers no group row for an account without subsidiaries', async () => {
    const answer = await graphql(call, PLAN, { recordId: id.quartz }, 'accountPlan');
    expect(nodes(answer, 'GroupMetric')).toEqual([]);
  });
});
