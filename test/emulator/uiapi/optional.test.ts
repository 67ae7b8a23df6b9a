// The GraphQL schema is the user's: objects and fields they may not read do not exist in it, so
// asking for one fails the query as Salesforce's GraphQL API does, unless it is asked for with
// `@optional` (API 59.0 and later), which leaves it out of the answer instead.
import { startOrg, type OrgHandle } from '../index';
import type { FieldDef } from '../schema/types';
import type { UiAccess } from './access';
import { orgContextUser } from './contextUser';
import { executeGraphql, OPTIONAL_DIRECTIVE_SINCE } from './graphql';

let org: OrgHandle;

/** A user who may not read Account_Plan__c.Revenue_Target__c nor anything of Sync_Request__c. */
const restricted: UiAccess = {
  canReadObject: (object) => object !== 'Sync_Request__c',
  canCreateObject: () => false,
  canEditObject: () => false,
  canDeleteObject: () => false,
  canReadField: (object: string, field: FieldDef) => !(object === 'Account_Plan__c' && field.name === 'Revenue_Target__c'),
  canEditField: () => false
};

function run(query: string, apiVersion = '64.0'): { data: any; errors?: Array<{ message: string; extensions: { classification: string } }> } { // eslint-disable-line @typescript-eslint/no-explicit-any
  return executeGraphql(org.store, { query }, '/services/data/v64.0', orgContextUser(org.store), { access: restricted, apiVersion }) as never;
}

beforeAll(async () => {
  org = await startOrg({ data: 'empty' });
  const account = org.store.insert('Account', { Name: 'Hartwell' }, 0);
  org.store.insert('Account_Plan__c', { Name: 'Hartwell 2027', Account__c: account, Status__c: 'Active', Revenue_Target__c: 250000 }, 0);
});

afterAll(async () => {
  await org.close();
});

describe('a field the user may not read', () => {
  it('fails the whole query when named without @optional', () => {
    const answer = run('{ uiapi { query { Account_Plan__c { edges { node { Name { value } Revenue_Target__c { value } } } } } } }');
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: "Validation error (FieldUndefined@[uiapi/query/Account_Plan__c/edges/node/Revenue_Target__c]) : Field 'Revenue_Target__c' in type 'Account_Plan__c' is undefined",
        extensions: { classification: 'ValidationError' }
      })
    ]);
  });

  it('is left out of the node with @optional, the rest answered', () => {
    const answer = run('{ uiapi { query { Account_Plan__c { edges { node { Name { value } Revenue_Target__c @optional { value } Status__c @optional { value } } } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.uiapi.query.Account_Plan__c.edges).toEqual([{ node: { Name: { value: 'Hartwell 2027' }, Status__c: { value: 'Active' } } }]);
  });

  it('cannot be used to filter or order, as it is not in the schema', () => {
    const filtered = run('{ uiapi { query { Account_Plan__c(where: { Revenue_Target__c: { gt: 1 } }) { edges { node { Name { value } } } } } } }');
    expect(filtered.data).toBeNull();
    expect(filtered.errors![0]!.message).toContain('Revenue_Target__c');
  });

  it('is unknown before API version 59.0, where @optional itself is an unknown directive', () => {
    const old = run('{ uiapi { query { Account_Plan__c { edges { node { Revenue_Target__c @optional { value } } } } } } }', `${OPTIONAL_DIRECTIVE_SINCE - 1}.0`);
    expect(old.data).toBeNull();
    expect(old.errors![0]!.message).toBe("Validation error (UnknownDirective) : Unknown directive 'optional'");
  });
});

describe('an object the user may not read', () => {
  it('fails the query when named without @optional', () => {
    const answer = run('{ uiapi { query { Sync_Request__c { edges { node { Id } } } } } }');
    expect(answer.errors![0]!.message).toBe("Validation error (FieldUndefined@[uiapi/query/Sync_Request__c]) : Field 'Sync_Request__c' in type 'RecordQuery' is undefined");
  });

  it('is left out of the answer with @optional, beside the objects the user reads', () => {
    const answer = run('{ uiapi { query { Sync_Request__c @optional { edges { node { Id } } } Account { edges { node { Name { value } } } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(Object.keys(answer.data.uiapi.query)).toEqual(['Account']);
  });

  it('hides relationships that lead to it', () => {
    const answer = run('{ uiapi { query { Account_Plan__c { edges { node { Account__r { Name { value } } } } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.uiapi.query.Account_Plan__c.edges[0].node.Account__r).toEqual({ Name: { value: 'Hartwell' } });
  });
});

it('rejects arguments on @optional', () => {
  const answer = run('{ uiapi { query { Account { edges { node { Name @optional(if: true) { value } } } } } } }');
  expect(answer.errors![0]!.message).toBe("Validation error (UnknownDirectiveArgument) : Unknown directive argument 'if'");
});
