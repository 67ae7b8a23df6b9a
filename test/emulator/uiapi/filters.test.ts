// GraphQL where/orderBy → SOQL, checked against the project's schema (force-app plus the standard
// objects), without a server.
import fc from 'fast-check';
import { DEFAULT_SCHEMA_DIR } from '../index';
import { buildSchema } from '../schema/schema';
import { unquote } from '../soql/where';
import { orderByToSoql, soqlString, whereToSoql, type ObjectLookup } from './filters';
import { GraphqlFault } from './faults';
import { connectionLimit } from './graphql';

const schema = buildSchema({ dirs: [DEFAULT_SCHEMA_DIR] });
const objects: ObjectLookup = (name) => {
  const object = schema.object(name);
  return object && object.name === name ? object : undefined;
};
const object = (name: string) => objects(name)!;
const ACCOUNT_ID = '001Dg0000000001IAA';

function faultOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphqlFault) return error.message;
    throw error;
  }
  throw new Error('expected a GraphqlFault');
}

describe('whereToSoql', () => {
  it('translates the filters the components send', () => {
    // accountPlan: objectives of the account's plans, through the plan's master-detail.
    expect(whereToSoql({ Account_Plan__r: { Account__c: { eq: ACCOUNT_ID } } }, object('Plan_Objective__c'), objects)).toBe(
      `Account_Plan__r.Account__c = '${ACCOUNT_ID}'`
    );
    // executiveSponsorPanel: active sponsorships of the account.
    expect(whereToSoql({ and: [{ Account__c: { eq: ACCOUNT_ID } }, { Active__c: { eq: true } }] }, object('Executive_Sponsor__c'), objects)).toBe(
      `(Account__c = '${ACCOUNT_ID}' AND Active__c = true)`
    );
    expect(whereToSoql({ Id: { eq: ACCOUNT_ID } }, object('Account'), objects)).toBe(`Id = '${ACCOUNT_ID}'`);
  });

  it('combines several keys with AND and nests or/not with parentheses', () => {
    const soql = whereToSoql(
      { Status__c: { in: ['Active', 'Draft'] }, or: [{ Revenue_Target__c: { gte: 1000 } }, { not: { Influence_Rating__c: { eq: null } } }] },
      object('Account_Plan__c'),
      objects
    );
    expect(soql).toBe("(Status__c IN ('Active', 'Draft') AND (Revenue_Target__c >= 1000 OR (NOT (Influence_Rating__c = null))))");
  });

  it('takes dates as { value } or { literal } and ne null as a presence test', () => {
    expect(whereToSoql({ Due_Date__c: { lt: { value: '2026-07-01' } }, Owner_User__c: { ne: null } }, object('Plan_Objective__c'), objects)).toBe(
      '(Due_Date__c < 2026-07-01 AND Owner_User__c != null)'
    );
    expect(whereToSoql({ Due_Date__c: { eq: { literal: 'THIS_FISCAL_QUARTER' } } }, object('Plan_Objective__c'), objects)).toBe(
      'Due_Date__c = THIS_FISCAL_QUARTER'
    );
  });

  it('filters nothing for an empty filter or empty branches', () => {
    expect(whereToSoql(undefined, object('Account'), objects)).toBeNull();
    expect(whereToSoql({}, object('Account'), objects)).toBeNull();
    expect(whereToSoql({ and: [{}, { Name: { eq: 'A' } }] }, object('Account'), objects)).toBe("Name = 'A'");
  });

  it('rejects input that does not match the field, naming the field and what was expected', () => {
    expect(faultOf(() => whereToSoql({ Active__c: { eq: 'true' } }, object('Executive_Sponsor__c'), objects))).toMatch(/where\.Active__c\.eq: expected a Boolean for Active__c, got "true"/);
    expect(faultOf(() => whereToSoql({ Revenue_Target__c: { gt: '5' } }, object('Account_Plan__c'), objects))).toMatch(/expected a number for Revenue_Target__c/);
    expect(faultOf(() => whereToSoql({ Due_Date__c: { eq: '2026-01-01' } }, object('Plan_Objective__c'), objects))).toMatch(/Date filter takes \{ value: … \} or \{ literal: … \}/);
    expect(faultOf(() => whereToSoql({ Nmae: { eq: 'x' } }, object('Account'), objects))).toMatch(/Account has no field or parent relationship named 'Nmae'/);
    // GraphQL names are exact: `name` is not `Name`.
    expect(faultOf(() => whereToSoql({ name: { eq: 'x' } }, object('Account'), objects))).toMatch(/named 'name'/);
    expect(faultOf(() => whereToSoql({ Name: { lt: null } }, object('Account'), objects))).toMatch(/null can only be compared with eq or ne/);
    expect(faultOf(() => whereToSoql({ Name: { in: [] } }, object('Account'), objects))).toMatch(/non-empty list/);
  });

  it('translates semi-joins (inq) and anti-joins (ninq) on Id and reference fields to SOQL subqueries', () => {
    // sponsorPortfolio: the plans of the accounts the user sponsors (child-to-child on Account__c).
    const mine = { Executive_Sponsor__c: { Sponsor__c: { eq: '005000000000001AAA' }, Active__c: { eq: true } }, ApiName: 'Account__c' };
    expect(whereToSoql({ Account__c: { inq: mine }, Status__c: { eq: 'Active' } }, object('Account_Plan__c'), objects)).toBe(
      "(Account__c IN (SELECT Account__c FROM Executive_Sponsor__c WHERE (Sponsor__c = '005000000000001AAA' AND Active__c = true)) AND Status__c = 'Active')"
    );
    // Parent-to-child on Id; an empty subquery filter keeps every child.
    expect(whereToSoql({ Id: { ninq: { Opportunity: {}, ApiName: 'AccountId' } } }, object('Account'), objects)).toBe(
      'Id NOT IN (SELECT AccountId FROM Opportunity)'
    );
  });

  it('rejects semi-joins that do not name one object and an Id or reference field', () => {
    expect(faultOf(() => whereToSoql({ Name: { inq: { Opportunity: {}, ApiName: 'AccountId' } } }, object('Account'), objects))).toMatch(
      /inq applies to Id and reference fields, not Name/
    );
    expect(faultOf(() => whereToSoql({ Id: { inq: { ApiName: 'AccountId' } } }, object('Account'), objects))).toMatch(/name exactly one object to join, got none/);
    expect(faultOf(() => whereToSoql({ Id: { inq: { Opportunity: {} } } }, object('Account'), objects))).toMatch(/ApiName: expected the name of a field of Opportunity/);
    expect(faultOf(() => whereToSoql({ Id: { inq: { Opportunity: {}, ApiName: 'Name' } } }, object('Account'), objects))).toMatch(
      /Opportunity\.Name is not an Id or reference field/
    );
    expect(faultOf(() => whereToSoql({ Id: { inq: { Nothing__c: {}, ApiName: 'Id' } } }, object('Account'), objects))).toMatch(/no object named 'Nothing__c'/);
  });

  it('names operators the emulator does not implement', () => {
    expect(faultOf(() => whereToSoql({ Name: { startsWith: 'A' } }, object('Account'), objects))).toBe(
      "Unsupported by the org emulator: filter operator 'startsWith' (where.Name.startsWith)"
    );
  });

  it('writes string literals that the SOQL engine reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(unquote(soqlString(text))).toBe(text);
      })
    );
  });
});

describe('orderByToSoql', () => {
  it('keeps the written key order, directions and nulls placement', () => {
    expect(orderByToSoql({ Start_Date__c: { order: 'DESC' } }, object('Account_Plan__c'), objects)).toEqual(['Start_Date__c DESC']);
    expect(
      orderByToSoql({ Status__c: { order: 'ASC', nulls: 'LAST' }, Account_Plan__r: { Name: { order: 'DESC' } } }, object('Plan_Objective__c'), objects)
    ).toEqual(['Status__c ASC NULLS LAST', 'Account_Plan__r.Name DESC']);
  });

  it('rejects unknown fields and directions', () => {
    expect(faultOf(() => orderByToSoql({ Start_Date__c: { order: 'UP' } }, object('Account_Plan__c'), objects))).toMatch(/expected ASC or DESC, got "UP"/);
    expect(faultOf(() => orderByToSoql({ Foo__c: { order: 'ASC' } }, object('Account_Plan__c'), objects))).toMatch(/no field or parent relationship named 'Foo__c'/);
  });
});

describe('connectionLimit', () => {
  it('defaults to 10 and allows up to 2000 a page without upperBound', () => {
    expect(connectionLimit(null, null, 'x')).toBe(10);
    expect(connectionLimit(2000, null, 'x')).toBe(2000);
    expect(faultOf(() => connectionLimit(2001, null, 'x'))).toMatch(/at most 2000/);
  });

  it('keeps upperBound and first beside it within 200–2000', () => {
    expect(connectionLimit(500, 2000, 'x')).toBe(500);
    expect(connectionLimit(null, 300, 'x')).toBe(200);
    expect(faultOf(() => connectionLimit(50, 2000, 'x'))).toMatch(/with upperBound, first must be between 200 and 2000/);
    expect(faultOf(() => connectionLimit(null, 5000, 'x'))).toMatch(/upperBound must be between 200 and 2000/);
  });
});
