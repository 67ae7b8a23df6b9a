// Event and Task, the activities a sponsor logs and the sync will read for engagement: polymorphic
// WhoId/WhatId, Task's derived IsClosed and picklist defaults, and the baseline profile's access.
import type { Connection } from 'jsforce';
import { DEMO_GAP_ACCOUNT, startOrg, type OrgHandle } from './index';
import { personaConnection } from './testing/clients';

let org: OrgHandle;
let sponsor: Connection;
let accountId: string;
let contactId: string;

beforeAll(async () => {
  org = await startOrg({ data: 'demo', seed: 5, today: '2026-06-15' });
  sponsor = await personaConnection(org, 'sponsor');
  accountId = (await sponsor.query<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${DEMO_GAP_ACCOUNT}'`)).records[0]!.Id;
  contactId = (await sponsor.query<{ Id: string }>(`SELECT Id FROM Contact WHERE AccountId = '${accountId}' LIMIT 1`)).records[0]!.Id;
});

afterAll(async () => {
  await org.close();
});

it('lets the sponsor log an all-day Event on a contact and an account, and reads it back', async () => {
  const saved = await sponsor.sobject('Event').create({
    Subject: 'Executive engagement',
    ActivityDate: '2026-06-12',
    IsAllDayEvent: true,
    Type: 'Meeting',
    WhoId: contactId,
    WhatId: accountId
  });
  expect(saved.success).toBe(true);
  const [event] = (await sponsor.query<Record<string, unknown>>(`SELECT WhoId, WhatId, ActivityDate, Type, IsAllDayEvent FROM Event WHERE Id = '${saved.id}'`)).records;
  expect(event).toMatchObject({ WhoId: contactId, WhatId: accountId, ActivityDate: '2026-06-12', Type: 'Meeting', IsAllDayEvent: true });
});

it('derives Task.IsClosed from Status and defaults Status and Priority', async () => {
  const saved = await sponsor.sobject('Task').create({ Subject: 'Send the QBR deck', WhatId: accountId, ActivityDate: '2026-06-20' });
  const read = async () => (await sponsor.query<Record<string, unknown>>(`SELECT Status, Priority, IsClosed FROM Task WHERE Id = '${saved.id}'`)).records[0];
  expect(await read()).toMatchObject({ Status: 'Not Started', Priority: 'Normal', IsClosed: false });
  await sponsor.sobject('Task').update({ Id: saved.id!, Status: 'Completed' });
  expect(await read()).toMatchObject({ Status: 'Completed', IsClosed: true });
});

it('refuses a write to the derived IsClosed as Salesforce does', async () => {
  const closedOnCreate: Record<string, unknown> = { Subject: 'Call', IsClosed: true };
  const failure = await sponsor.sobject('Task').create(closedOnCreate).then(
    () => null,
    (e: { errorCode?: string }) => e.errorCode
  );
  expect(failure).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
});
