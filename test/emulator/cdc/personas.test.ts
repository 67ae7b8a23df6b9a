// Change events across the org's users: a jsforce client logged in as the sponsor receives, within
// a second, the change event of another user's update, with that user as commitUser; a user
// without a Tandem permission set gets no events of objects they cannot read and no fields they
// cannot read.
import jsforce, { type Connection } from 'jsforce';
import { startOrg, type OrgHandle } from '../index';
import { personaConnection } from '../testing/clients';
import type { ChangeEventData } from './events';

type Client = { subscribe(channel: string, listener: (message: ChangeEventData) => void): PromiseLike<void>; disconnect(): PromiseLike<void> | undefined };

/** Subscribes; the client comes back wrapped because faye's Client is itself a thenable. */
async function subscribe(conn: Connection, channel: string, into: Array<{ at: number; event: ChangeEventData }>): Promise<{ client: Client }> {
  const client = conn.streaming.createClient([]) as unknown as Client;
  await client.subscribe(channel, (event) => into.push({ at: Date.now(), event }));
  return { client };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('change events for the org users', () => {
  let org: OrgHandle;

  beforeAll(async () => {
    org = await startOrg({ data: 'demo', seed: 3 });
  });

  afterAll(async () => {
    await org.close();
  });

  it("reaches the sponsor within a second of the rep's update, naming the rep as commitUser", async () => {
    const sponsor = await personaConnection(org, 'sponsor');
    const rep = await personaConnection(org, 'rep');
    const received: Array<{ at: number; event: ChangeEventData }> = [];
    const { client } = await subscribe(sponsor, '/data/Executive_Sponsor__ChangeEvent', received);
    try {
      const [sponsorship] = (await rep.query<{ Id: string }>('SELECT Id FROM Executive_Sponsor__c LIMIT 1')).records;
      const repId = (await rep.identity()).user_id;
      const sent = Date.now();
      await rep.sobject('Executive_Sponsor__c').update({ Id: sponsorship!.Id, Commitments__c: 'Quarterly executive briefing' });
      await until(() => received.length > 0);
      expect(received).toHaveLength(1);
      const { at, event } = received[0]!;
      expect(at - sent).toBeLessThan(1000);
      expect(event.payload.ChangeEventHeader).toMatchObject({ entityName: 'Executive_Sponsor__c', changeType: 'UPDATE', recordIds: [sponsorship!.Id], commitUser: repId });
      expect(event.payload.Commitments__c).toBe('Quarterly executive briefing');
    } finally {
      await client.disconnect();
    }
  });

  it('leaves out the events of objects and the fields the subscriber may not read', async () => {
    // A demo user with the baseline profile only: reads Account, but no custom object or field.
    const users = org.store.table('User')!;
    let row = 1;
    while (org.org.users.user(row).persona !== null || org.org.users.user(row).admin) row++;
    expect(row).toBeLessThan(users.size);
    org.org.users.assignPermissionSets(row, []);
    const { accessToken } = org.org.issueSession(row, false);
    const baseline = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken, version: org.apiVersion });
    const admin = await personaConnection(org, 'admin');
    const received: Array<{ at: number; event: ChangeEventData }> = [];
    const adminReceived: Array<{ at: number; event: ChangeEventData }> = [];
    const { client } = await subscribe(baseline, '/data/ChangeEvents', received);
    const { client: adminClient } = await subscribe(admin, '/data/ChangeEvents', adminReceived);
    try {
      const account = await admin.sobject('Account').create({ Name: 'Visible Co', Strategic_Account__c: true });
      await admin.sobject('Account_Plan__c').create({ Name: 'Hidden plan', Account__c: account.id });
      await admin.sobject('Account').update({ Id: account.id!, Industry: 'Energy' });
      await until(() => received.length >= 2 && adminReceived.length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(adminReceived.map(({ event }) => event.payload.ChangeEventHeader.entityName)).toEqual(['Account', 'Account_Plan__c', 'Account']);
      expect(adminReceived[0]!.event.payload.Strategic_Account__c).toBe(true);
      expect(received.map(({ event }) => event.payload.ChangeEventHeader.entityName)).toEqual(['Account', 'Account']);
      expect(received[0]!.event.payload).toMatchObject({ Name: 'Visible Co' });
      expect(received[0]!.event.payload).not.toHaveProperty('Strategic_Account__c');
    } finally {
      await client.disconnect();
      await adminClient.disconnect();
    }
  });
});
