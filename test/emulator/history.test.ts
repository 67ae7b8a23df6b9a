// Field history tracking as an org keeps it: a save through any API that changes a tracked field
// (metadata `trackHistory`) writes a Stakeholder__History row in the same transaction (none when
// the save rolls back, none for untracked fields or unchanged values, `created` on insert); the
// rows are read-only, read by whoever reads the record, through SOQL and through the UI API's
// GraphQL (the relationship map reads them there). Also: Task.WhatId accepts a record of an
// activity-enabled custom object (Plan_Objective__c) and refuses one of an object without activities.
import type { Connection } from 'jsforce';
import { startOrg, type OrgHandle } from './index';
import { personaConnection } from './testing/clients';
import { apiCaller, graphql, nodes, type ApiCall } from './uiapi/testing';

interface HistoryRow {
  ParentId: string;
  Field: string;
  OldValue: string | null;
  NewValue: string | null;
  CreatedById: string;
  CreatedDate: string;
}

let org: OrgHandle;
let admin: Connection;
let rep: Connection;
let sponsor: Connection;
let repUi: ApiCall;
let repId: string;
let repName: string;
let accountId: string;
let stakeholderId: string;
let objectiveId: string;

const historyOf = async (conn: Connection, parentId: string): Promise<HistoryRow[]> =>
  (
    await conn.query<HistoryRow>(
      `SELECT ParentId, Field, OldValue, NewValue, CreatedById, CreatedDate FROM Stakeholder__History WHERE ParentId = '${parentId}' ORDER BY CreatedDate, Id`
    )
  ).records.map(({ ParentId, Field, OldValue, NewValue, CreatedById, CreatedDate }) => ({ ParentId, Field, OldValue, NewValue, CreatedById, CreatedDate }));

beforeAll(async () => {
  org = await startOrg({ data: 'empty', seed: 1, today: '2026-06-15' });
  admin = await personaConnection(org, 'admin');
  rep = await personaConnection(org, 'rep');
  sponsor = await personaConnection(org, 'sponsor');
  repUi = apiCaller(org, rep.accessToken!);
  repId = (await rep.identity()).user_id;
  repName = (await rep.identity()).display_name;
  accountId = (await admin.sobject('Account').create({ Name: 'Brightwater Foods' })).id!;
  const contactId = (await admin.sobject('Contact').create({ LastName: 'Johnson', FirstName: 'Ava', AccountId: accountId })).id!;
  stakeholderId = (await rep.sobject('Stakeholder__c').create({ Account__c: accountId, Contact__c: contactId, Attitude__c: 'Supporter', Relationship_Strength__c: 'Strong' })).id!;
  const planId = (await rep.sobject('Account_Plan__c').create({ Account__c: accountId, Status__c: 'Draft', Start_Date__c: '2026-04-01', End_Date__c: '2029-03-31' })).id!;
  objectiveId = (await rep.sobject('Plan_Objective__c').create({ Account_Plan__c: planId, Name: 'Grow the cold chain', Category__c: 'Growth' })).id!;
});

afterAll(async () => {
  await org.close();
});

it('records the insert as `created`, then one row per tracked field a REST update changes', async () => {
  await rep.sobject('Stakeholder__c').update({ Id: stakeholderId, Attitude__c: 'Skeptic', Relationship_Strength__c: 'Strong', Notes__c: 'Went quiet after the RFP' });
  const rows = await historyOf(rep, stakeholderId);
  // Strength was sent unchanged and Notes__c is not tracked: only Attitude__c is recorded.
  expect(rows.map(({ Field, OldValue, NewValue }) => [Field, OldValue, NewValue])).toEqual([
    ['created', null, null],
    ['Attitude__c', 'Supporter', 'Skeptic']
  ]);
  expect(rows.every((r) => r.ParentId === stakeholderId && r.CreatedById === repId)).toBe(true);
  expect(rows[1]!.CreatedDate).toMatch(/^2026-06-15T/);
});

it('records a UI API save (what the stakeholder editor sends) and a null as a cleared value', async () => {
  const saved = await repUi('PATCH', `/ui-api/records/${stakeholderId}`, { fields: { Influence__c: 'High', Buying_Role__c: 'Champion' } });
  expect(saved.status).toBe(200);
  await rep.sobject('Stakeholder__c').update({ Id: stakeholderId, Buying_Role__c: null });
  const rows = (await historyOf(rep, stakeholderId)).slice(2);
  expect(rows.map(({ Field, OldValue, NewValue }) => [Field, OldValue, NewValue])).toEqual(
    expect.arrayContaining([
      ['Influence__c', null, 'High'],
      ['Buying_Role__c', null, 'Champion'],
      ['Buying_Role__c', 'Champion', null]
    ])
  );
  expect(rows).toHaveLength(3);
});

it('writes no history for a save that rolls back (allOrNone collection with a failing record)', async () => {
  const before = (await historyOf(rep, stakeholderId)).length;
  const results = await rep.sobject('Stakeholder__c').update(
    [
      { Id: stakeholderId, Attitude__c: 'Advocate' },
      { Id: stakeholderId.slice(0, 14) + 'ZZZZ', Attitude__c: 'Advocate' }
    ],
    { allOrNone: true }
  );
  expect(results.some((r) => !r.success)).toBe(true);
  expect(await historyOf(rep, stakeholderId)).toHaveLength(before);
  expect((await rep.sobject('Stakeholder__c').retrieve(stakeholderId)).Attitude__c).toBe('Skeptic');
});

it('keeps history read-only (even for an admin), and readable by whoever reads the record (the sponsor)', async () => {
  const refused = await admin.sobject('Stakeholder__History').create({ ParentId: stakeholderId, Field: 'Attitude__c' }).then(
    () => null,
    (e: { errorCode?: string }) => e.errorCode
  );
  expect(refused).toBe('INVALID_TYPE_FOR_OPERATION');
  expect((await historyOf(sponsor, stakeholderId)).map((r) => r.Field)).toContain('Attitude__c');
});

it('serves the rows through GraphQL the way the map asks: by account, tracked fields, since a date, with who', async () => {
  const answer = await graphql(
    repUi,
    `query trends($recordId: ID, $since: DateTime) {
      uiapi { query {
        Stakeholder__History(
          where: { Parent: { Account__c: { eq: $recordId } }, Field: { in: ["Attitude__c", "Relationship_Strength__c"] }, CreatedDate: { gte: { value: $since } } }
          orderBy: { CreatedDate: { order: ASC } }
          first: 2000
        ) { edges { node { ParentId { value } Field { value displayValue } OldValue { value } NewValue { value } CreatedDate { value } CreatedBy { Name { value } } } } }
      } }
    }`,
    { recordId: accountId, since: '2026-03-17T00:00:00.000Z' }
  );
  const rows = nodes(answer, 'Stakeholder__History');
  expect(rows).toEqual([
    expect.objectContaining({
      ParentId: { value: stakeholderId },
      // The Field picklist's labels are the tracked fields' labels.
      Field: { value: 'Attitude__c', displayValue: 'Attitude' },
      OldValue: { value: 'Supporter' },
      NewValue: { value: 'Skeptic' },
      CreatedBy: { Name: { value: repName } }
    })
  ]);
});

it('lets a Task name a Plan_Objective__c (activities enabled) and refuses a Stakeholder__c (not enabled)', async () => {
  const task = await rep.sobject('Task').create({ Subject: 'Map the cold-chain buyers', WhatId: objectiveId, ActivityDate: '2026-07-01', OwnerId: repId });
  expect(task.success).toBe(true);
  const [read] = (await rep.query<{ WhatId: string; Status: string }>(`SELECT WhatId, Status FROM Task WHERE WhatId = '${objectiveId}'`)).records;
  expect(read).toMatchObject({ WhatId: objectiveId, Status: 'Not Started' });
  const refused = await rep.sobject('Task').create({ Subject: 'Wrong parent', WhatId: stakeholderId }).then(
    () => null,
    (e: { errorCode?: string }) => e.errorCode
  );
  expect(refused).toBe('FIELD_INTEGRITY_EXCEPTION');
});

it('answers the account plan’s task query: a semi-join on the objectives, Owner asked with `... on User`', async () => {
  const answer = await graphql(
    repUi,
    `query tasks($recordId: ID) {
      uiapi { query {
        Task(where: { WhatId: { inq: { Plan_Objective__c: { Account_Plan__r: { Account__c: { eq: $recordId } } }, ApiName: "Id" } } }, first: 2000) {
          edges { node { Id WhatId { value } Subject { value } IsClosed { value } Owner { ... on User { Name { value } } ... on Group { Name { value } } } } }
        }
      } }
    }`,
    { recordId: accountId }
  );
  expect(nodes(answer, 'Task')).toEqual([
    expect.objectContaining({ WhatId: { value: objectiveId }, Subject: { value: 'Map the cold-chain buyers' }, IsClosed: { value: false }, Owner: { Name: { value: repName } } })
  ]);
});
