// The UI API GraphQL endpoint over HTTP: hand-built records in an empty org for exact answers,
// and every query the Tandem components send, run against the demo org.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_SCHEMA_DIR, DEMO_GAP_ACCOUNT, startOrg, type OrgHandle } from '../index';
import { apiCaller, graphql, nodes, type ApiCall } from './testing';

const TODAY = '2026-06-15';

describe('UI API GraphQL on hand-built records', () => {
  let org: OrgHandle;
  let call: ApiCall;
  let user: { id: string; name: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await startOrg({ data: 'empty', today: TODAY });
    call = apiCaller(org);
    const store = org.store;
    const actor = org.org.userRow(org.username);
    const users = store.table('User')!;
    user = { id: users.id(actor), name: String(users.column('Name')!.get(actor)) };
    ids.alpha = store.insert('Account', { Name: 'Alpha Freight', Strategic_Account__c: true }, actor);
    ids.beta = store.insert('Account', { Name: 'Beta Foods' }, actor);
    ids.p1 = store.insert('Account_Plan__c', { Name: 'Alpha 2025–2027', Account__c: ids.alpha, Status__c: 'Active', Start_Date__c: '2025-01-01', End_Date__c: '2027-12-31', Revenue_Target__c: 1000000 }, actor);
    ids.p2 = store.insert('Account_Plan__c', { Name: 'Alpha 2026 draft', Account__c: ids.alpha, Status__c: 'Draft', Start_Date__c: '2026-01-01' }, actor);
    ids.p3 = store.insert('Account_Plan__c', { Name: 'Beta plan', Account__c: ids.beta, Status__c: 'Active', Start_Date__c: '2024-01-01' }, actor);
    ids.o1 = store.insert('Plan_Objective__c', { Name: 'Grow logistics share', Account_Plan__c: ids.p1, Due_Date__c: '2026-09-30', Status__c: 'On track', Target_Value__c: 30, Owner_User__c: user.id }, actor);
    ids.o2 = store.insert('Plan_Objective__c', { Name: 'Meet the CFO', Account_Plan__c: ids.p2, Due_Date__c: '2026-03-31', Status__c: 'At risk' }, actor);
    ids.o3 = store.insert('Plan_Objective__c', { Name: 'Beta objective', Account_Plan__c: ids.p3, Due_Date__c: '2026-01-31' }, actor);
    for (let i = 0; i < 12; i++) store.insert('Contact', { LastName: `Contact ${String(i).padStart(2, '0')}`, AccountId: ids.beta }, actor);
  });

  afterAll(() => org.close());

  const PLAN_QUERY = `query accountPlan($recordId: ID) {
  uiapi {
    query {
      Account_Plan__c(where: { Account__c: { eq: $recordId } }, orderBy: { Start_Date__c: { order: DESC } }, first: 50) {
        edges { node { Id Name { value } Status__c { value displayValue } Start_Date__c { value displayValue } Revenue_Target__c { value displayValue } } }
      }
      Plan_Objective__c(where: { Account_Plan__r: { Account__c: { eq: $recordId } } }, orderBy: { Due_Date__c: { order: ASC } }, first: 200) {
        edges { node { Id Account_Plan__c { value } Name { value } Owner_User__c { value } Owner_User__r { Name { value } } } }
      }
    }
  }
}`;

  it("answers an account's plans newest first and the objectives of those plans by due date", async () => {
    const answer = await graphql(call, PLAN_QUERY, { recordId: ids.alpha }, 'accountPlan');
    // P2 starts 2026-01-01, after P1 (2025-01-01); Beta's plan is filtered out.
    expect(nodes(answer, 'Account_Plan__c').map((n) => n.Id)).toEqual([ids.p2, ids.p1]);
    expect(nodes(answer, 'Account_Plan__c')[1]).toEqual({
      Id: ids.p1,
      Name: { value: 'Alpha 2025–2027' },
      Status__c: { value: 'Active', displayValue: 'Active' },
      Start_Date__c: { value: '2025-01-01', displayValue: '1/1/2025' },
      Revenue_Target__c: { value: 1000000, displayValue: '$1,000,000.00' }
    });
    // O2 is due 2026-03-31, before O1 (2026-09-30); O3 belongs to Beta's plan.
    expect(nodes(answer, 'Plan_Objective__c')).toEqual([
      { Id: ids.o2, Account_Plan__c: { value: ids.p2 }, Name: { value: 'Meet the CFO' }, Owner_User__c: { value: null }, Owner_User__r: null },
      { Id: ids.o1, Account_Plan__c: { value: ids.p1 }, Name: { value: 'Grow logistics share' }, Owner_User__c: { value: user.id }, Owner_User__r: { Name: { value: user.name } } }
    ]);
  });

  it('returns nothing when the variable is left unset (null matches no Id)', async () => {
    const answer = await graphql(call, PLAN_QUERY, {}, 'accountPlan');
    expect(nodes(answer, 'Account_Plan__c')).toEqual([]);
  });

  it('filters with a semi-join on a reference field: the plans of the accounts a user sponsors, and the others', async () => {
    const actor = org.org.userRow(org.username);
    const sponsorship = org.store.insert('Executive_Sponsor__c', { Account__c: ids.alpha, Sponsor__c: user.id, Active__c: true }, actor);
    try {
      const query = (operator: string) => `query plans($me: ID) { uiapi { query {
        Account_Plan__c(where: { Account__c: { ${operator}: { Executive_Sponsor__c: { Sponsor__c: { eq: $me } }, ApiName: "Account__c" } } }, orderBy: { Name: { order: ASC } }) {
          edges { node { Id } } } } } }`;
      // Alpha is sponsored by the user: its two plans; Beta's plan is not.
      expect(nodes(await graphql(call, query('inq'), { me: user.id }), 'Account_Plan__c').map((n) => n.Id)).toEqual([ids.p1, ids.p2]);
      expect(nodes(await graphql(call, query('ninq'), { me: user.id }), 'Account_Plan__c').map((n) => n.Id)).toEqual([ids.p3]);
    } finally {
      org.store.remove('Executive_Sponsor__c', sponsorship, actor);
    }
  });

  it("answers sponsorPortfolio's query: the user's sponsorships, and only the account rows of their accounts' current metrics", async () => {
    const actor = org.org.userRow(org.username);
    const created: Array<[string, string]> = [];
    const insert = (object: string, values: Record<string, unknown>) => {
      const id = org.store.insert(object, values, actor);
      created.push([object, id]);
      return id;
    };
    const sponsorship = insert('Executive_Sponsor__c', { Account__c: ids.alpha, Sponsor__c: user.id, Active__c: true, Cadence_Days__c: 90 });
    insert('Executive_Sponsor__c', { Account__c: ids.beta, Sponsor__c: user.id, Active__c: false });
    const own = insert('Account_Metric__c', { Account__c: ids.alpha, Snapshot_Key__c: `${ids.alpha}:FY2027-Q1`, Is_Current__c: true, Scope__c: 'Account', Revenue_TTM__c: 1200 });
    insert('Account_Metric__c', { Account__c: ids.alpha, Snapshot_Key__c: `${ids.alpha}:FY2027-Q1:H`, Is_Current__c: true, Scope__c: 'Hierarchy', Revenue_TTM__c: 5000 });
    insert('Account_Metric__c', { Account__c: ids.alpha, Snapshot_Key__c: `${ids.alpha}:FY2026-Q4`, Is_Current__c: false, Scope__c: 'Account' });
    // Beta's sponsorship is ended: its metrics are not the user's business.
    insert('Account_Metric__c', { Account__c: ids.beta, Snapshot_Key__c: `${ids.beta}:FY2027-Q1`, Is_Current__c: true, Scope__c: 'Account' });
    try {
      const source = fs.readFileSync(path.join(DEFAULT_SCHEMA_DIR, 'lwc', 'sponsorPortfolio', 'portfolioQuery.js'), 'utf8');
      const query = /\bgql`([^`]*)`/.exec(source)![1]!;
      const answer = await graphql(call, query, { userId: user.id }, 'sponsorPortfolio');
      expect(nodes(answer, 'Executive_Sponsor__c').map((n) => n.Id)).toEqual([sponsorship]);
      expect(nodes(answer, 'Account_Metric__c').map((n) => n.Id)).toEqual([own]);
      // Alpha's live plans, newest first (the component prefers the Active one).
      expect(nodes(answer, 'Account_Plan__c').map((n) => n.Id)).toEqual([ids.p2, ids.p1]);
    } finally {
      for (const [object, id] of created.reverse()) org.store.remove(object, id, actor);
    }
  });

  it('returns 10 records when first is not given, and honours first', async () => {
    const query = `query($id: ID) { uiapi { query { Contact(where: { AccountId: { eq: $id } }, orderBy: { LastName: { order: DESC } }) { edges { node { LastName { value } } } } } } }`;
    const names = nodes(await graphql(call, query, { id: ids.beta }), 'Contact').map((n) => (n.LastName as { value: string }).value);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('Contact 11');
    const three = `query($id: ID) { uiapi { query { Contact(where: { AccountId: { eq: $id } }, first: 3, orderBy: { LastName: { order: ASC } }) { edges { node { Id } } } } } }`;
    expect(nodes(await graphql(call, three, { id: ids.beta }), 'Contact')).toHaveLength(3);
  });

  it('answers aliases under their alias and __typename at every level', async () => {
    const query = `{ __typename api: uiapi { __typename q: query { __typename plans: Account_Plan__c(where: { Name: { like: "Beta%" } }) {
      __typename list: edges { __typename n: node { __typename key: Id title: Name { v: value t: __typename } } } } } } }`;
    const answer = await graphql(call, query);
    expect(answer).toEqual({
      data: {
        __typename: 'Query',
        api: {
          __typename: 'UIAPI',
          q: {
            __typename: 'RecordQuery',
            plans: {
              __typename: 'Account_Plan__cConnection',
              list: [{ __typename: 'Account_Plan__cEdge', n: { __typename: 'Account_Plan__c', key: ids.p3, title: { v: 'Beta plan', t: 'StringValue' } } }]
            }
          }
        }
      }
    });
  });

  it('gives date-times in ISO 8601 with Z', async () => {
    const query = `query($id: ID) { uiapi { query { Account(where: { Id: { eq: $id } }) { edges { node { CreatedDate { value } } } } } } }`;
    const [node] = nodes(await graphql(call, query, { id: ids.alpha }), 'Account');
    expect((node!.CreatedDate as { value: string }).value).toMatch(/^2026-06-15T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('finds a record by any name it was stored with', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0),
        async (text) => {
          const name = `p${run++} ${text}`;
          const id = org.store.insert('Account', { Name: name }, org.org.userRow(org.username));
          const query = `query($name: String) { uiapi { query { Account(where: { Name: { eq: $name } }) { edges { node { Id Name { value } } } } } } }`;
          expect(nodes(await graphql(call, query, { name }), 'Account')).toEqual([{ Id: id, Name: { value: name } }]);
        }
      ),
      { numRuns: 40 }
    );
  });

  describe('errors', () => {
    it('names an unknown field with its location and answers no data', async () => {
      const query = 'query {\n  uiapi { query { Account_Plan__c { edges { node { Id Foo__c { value } } } } } }\n}';
      const answer = await graphql(call, query);
      expect(answer.data).toBeNull();
      expect(answer.errors).toEqual([
        {
          message: "Validation error (FieldUndefined@[uiapi/query/Account_Plan__c/edges/node/Foo__c]) : Field 'Foo__c' in type 'Account_Plan__c' is undefined",
          // line 2: "  uiapi { query { Account_Plan__c { edges { node { Id Foo__c" — Foo__c starts at column 55.
          locations: [{ line: 2, column: 55 }],
          extensions: { classification: 'ValidationError' }
        }
      ]);
    });

    it('reports every invalid connection, not only the first', async () => {
      const answer = await graphql(call, '{ uiapi { query { Nope__c { edges { node { Id } } } Account { edges { node { name { value } } } } } } }');
      expect(answer.errors!.map((e) => e.message)).toEqual([
        "Validation error (FieldUndefined@[uiapi/query/Nope__c]) : Field 'Nope__c' in type 'RecordQuery' is undefined",
        "Validation error (FieldUndefined@[uiapi/query/Account/edges/node/name]) : Field 'name' in type 'Account' is undefined"
      ]);
    });

    it.each([
      ['pageInfo', '{ uiapi { query { Account { pageInfo { hasNextPage } } } } }', 'Unsupported by the org emulator: pageInfo on Account'],
      ['after', '{ uiapi { query { Account(after: "djE6OQ==") { edges { node { Id } } } } } }', 'Unsupported by the org emulator: cursor paging (after) on Account'],
      ['fragments', '{ uiapi { query { Account { edges { node { ...F } } } } } } fragment F on Account { Id }', "Unsupported by the org emulator: fragment 'F'"],
      ['mutations', 'mutation { uiapi { AccountCreate(input: {}) { Record { Id } } } }', 'Unsupported by the org emulator: mutation operations (only queries are answered)'],
      ['directives', '{ uiapi { query { Account { edges { node { Name @category(name: "x") { value } } } } } } }', 'Unsupported by the org emulator: directive @category'],
      ['aggregate', '{ uiapi { aggregate { Account { edges { node { aggregate { Id { count { value } } } } } } } } }', 'Unsupported by the org emulator: uiapi.aggregate (only uiapi.query is answered)'],
      ['picklist labels', '{ uiapi { query { Account_Plan__c { edges { node { Status__c { label } } } } } } }', 'Unsupported by the org emulator: label of Account_Plan__c.Status__c'],
      ['child relationships', '{ uiapi { query { Account { edges { node { Contacts { edges { node { Id } } } } } } } } }', "Field 'Contacts' in type 'Account' is undefined"]
    ])('names what is not implemented: %s', async (_what, query, message) => {
      const answer = await graphql(call, query);
      expect(answer.data).toBeNull();
      expect(answer.errors![0]!.message).toContain(message);
    });

    it('answers syntax errors as InvalidSyntax', async () => {
      const answer = await graphql(call, '{ uiapi { query { Account { edges { node { Id } } } }');
      expect(answer.errors![0]!.extensions.classification).toBe('InvalidSyntax');
      expect(answer.errors![0]!.message).toMatch(/^Invalid Syntax : Syntax Error: Expected Name, found <EOF>/);
    });

    it('checks variables: undefined, missing non-null, wrong type', async () => {
      const undefinedVariable = await graphql(call, '{ uiapi { query { Account(where: { Id: { eq: $nope } }) { edges { node { Id } } } } } }');
      expect(undefinedVariable.errors![0]!.message).toBe("Validation error (UndefinedVariable) : Undefined variable 'nope'");
      const missing = await graphql(call, 'query($id: ID!) { uiapi { query { Account(where: { Id: { eq: $id } }) { edges { node { Id } } } } } }');
      expect(missing.errors![0]!.message).toBe("Variable 'id' has coerced Null value for NonNull type 'ID!'");
      const wrong = await graphql(call, 'query($n: Int) { uiapi { query { Account(first: $n) { edges { node { Id } } } } } }', { n: 'ten' });
      expect(wrong.errors![0]!.message).toBe(`Variable 'n' has an invalid value: expected type 'Int', got "ten"`);
    });

    it('picks the operation by operationName and insists on one when there are several', async () => {
      const two = 'query a { uiapi { query { Account(first: 1) { edges { node { Id } } } } } } query b { uiapi { query { Contact(first: 1) { edges { node { Id } } } } } }';
      expect((await graphql(call, two)).errors![0]!.message).toBe('Must provide operationName if query contains multiple operations');
      expect(Object.keys((await graphql(call, two, {}, 'b')).data!.uiapi.query)).toEqual(['Contact']);
    });

    it('answers a query the engine rejects with that connection null and the engine error', async () => {
      // Notes__c is a long text area: Salesforce cannot sort on it.
      const answer = await graphql(call, '{ uiapi { query { Stakeholder__c(orderBy: { Notes__c: { order: ASC } }) { edges { node { Id } } } Account(first: 1) { edges { node { Id } } } } } }');
      expect(answer.data!.uiapi.query.Stakeholder__c).toBeNull();
      expect(answer.data!.uiapi.query.Account!.edges).toHaveLength(1);
      expect(answer.errors).toEqual([
        {
          message: "MALFORMED_QUERY: field 'Notes__c' can not be sorted in a query call",
          locations: [],
          path: ['uiapi', 'query', 'Stakeholder__c'],
          extensions: { classification: 'DataFetchingException', errorCode: 'MALFORMED_QUERY' }
        }
      ]);
    });

    it('is a POST resource of the data API: needs a session, refuses GET', async () => {
      expect((await call('POST', '/graphql', { query: '{ uiapi { query { Account { edges { node { Id } } } } } }' }, null)).status).toBe(401);
      expect((await call('GET', '/graphql')).status).toBe(405);
    });
  });
});

/** The `gql` documents in the components' sources (tests excluded). */
function componentQueries(): Array<{ file: string; query: string }> {
  const root = path.join(DEFAULT_SCHEMA_DIR, 'lwc');
  const found: Array<{ file: string; query: string }> = [];
  for (const bundle of fs.readdirSync(root, { withFileTypes: true })) {
    if (!bundle.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(root, bundle.name))) {
      if (!file.endsWith('.js')) continue;
      const source = fs.readFileSync(path.join(root, bundle.name, file), 'utf8');
      for (const match of source.matchAll(/\bgql`([^`]*)`/g)) found.push({ file: `${bundle.name}/${file}`, query: match[1]! });
    }
  }
  return found;
}

describe('UI API GraphQL: the queries the components send', () => {
  let org: OrgHandle;
  let call: ApiCall;
  let gapAccountId: string;

  beforeAll(async () => {
    org = await startOrg({ data: 'demo', seed: 1, today: TODAY });
    call = apiCaller(org);
    const answer = await graphql(call, 'query($n: String) { uiapi { query { Account(where: { Name: { eq: $n } }) { edges { node { Id } } } } } }', { n: DEMO_GAP_ACCOUNT });
    gapAccountId = nodes(answer, 'Account')[0]!.Id as string;
  });

  afterAll(() => org.close());

  it('finds the components’ queries', () => {
    // Each of the three components sends at least one query, from whichever of its modules holds it.
    const folders = new Set(componentQueries().map((q) => q.file.split('/')[0]));
    expect([...folders]).toEqual(expect.arrayContaining(['accountPlan', 'relationshipMap', 'executiveSponsorPanel']));
  });

  it.each(componentQueries().map((q) => [q.file, q.query] as const))('%s: answers without errors for the demo gap account', async (_file, query) => {
    // The map asks for history since the start of its trend window (a DateTime variable).
    const answer = await graphql(call, query, { recordId: gapAccountId, ...(query.includes('$since') ? { since: '2026-03-18T00:00:00.000Z' } : {}) });
    expect(answer.errors).toBeUndefined();
    for (const connection of Object.values(answer.data!.uiapi.query)) expect(Array.isArray(connection!.edges)).toBe(true);
  });

  it('reads the gap account’s map: every stakeholder is one of its contacts', async () => {
    const mapQuery = componentQueries().find((q) => q.file === 'relationshipMap/mapQuery.js' && q.query.includes('Stakeholder__c'))!.query;
    const answer = await graphql(call, mapQuery, { recordId: gapAccountId, since: '2026-03-18T00:00:00.000Z' });
    const contacts = new Set(nodes(answer, 'Contact').map((n) => n.Id));
    const stakeholders = nodes(answer, 'Stakeholder__c');
    expect(stakeholders.length).toBeGreaterThan(0);
    for (const s of stakeholders) expect(contacts.has((s.Contact__c as { value: string }).value)).toBe(true);
  });
});
