// Change events across the org's users: a jsforce client logged in as one user receives, within a
// second, the change event of another user's update, with that user as commitUser.
import jsforce, { type Connection } from 'jsforce';
import { startOrg, type OrgHandle } from '../index';
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

  /** A session for a demo user other than the admin (row 0), as a login would issue it. */
  function connectionAs(row: number): Connection {
    const { accessToken } = org.org.issueSession(row, false);
    return new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken, version: org.apiVersion });
  }

  it("reaches a user within a second of another user's update, naming that user as commitUser", async () => {
    expect(org.store.table('User')!.size).toBeGreaterThan(2);
    const sponsor = connectionAs(1);
    const rep = connectionAs(2);
    const received: Array<{ at: number; event: ChangeEventData }> = [];
    const { client } = await subscribe(sponsor, '/data/OpportunityChangeEvent', received);
    try {
      const [opportunity] = (await rep.query<{ Id: string }>('SELECT Id FROM Opportunity LIMIT 1')).records;
      const repId = (await rep.identity()).user_id;
      const sent = Date.now();
      await rep.sobject('Opportunity').update({ Id: opportunity!.Id, NextStep: 'Executive briefing' });
      await until(() => received.length > 0);
      expect(received).toHaveLength(1);
      const { at, event } = received[0]!;
      expect(at - sent).toBeLessThan(1000);
      expect(event.payload.ChangeEventHeader).toMatchObject({ entityName: 'Opportunity', changeType: 'UPDATE', recordIds: [opportunity!.Id], commitUser: repId });
      expect(event.payload.NextStep).toBe('Executive briefing');
    } finally {
      await client.disconnect();
    }
  });
});
