// `npm run org`: prints one JSON line once listening; a jsforce client logs in and pages through
// the demo opportunities; SIGTERM stops it.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import jsforce from 'jsforce';
import { spawnNode } from '../../scripts/lifecycle/ownedChild';
import { REPOSITORY_ROOT } from './index';

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`org CLI exited with ${code}`)));
  });
}

describe('org CLI', () => {
  it('prints its login JSON line, serves the demo org to jsforce, and stops on SIGTERM', async () => {
    const owned = spawnNode('org', path.join(REPOSITORY_ROOT, 'scripts', 'org.ts'), ['--port', '0', '--data', 'demo', '--seed', '5'], { cwd: REPOSITORY_ROOT });
    const child = owned.process;
    child.stderr!.resume();
    try {
      const details = JSON.parse(await firstLine(child)) as Record<string, string>;
      expect(Object.keys(details)).toEqual(['loginUrl', 'instanceUrl', 'apiVersion', 'username', 'password', 'clientId', 'clientSecret', 'users']);
      expect(details.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const conn = new jsforce.Connection({ loginUrl: details.loginUrl, version: details.apiVersion, oauth2: { clientId: details.clientId, clientSecret: details.clientSecret, loginUrl: details.loginUrl } });
      await conn.login(details.username!, details.password!);
      const total = (await conn.query('SELECT COUNT() FROM Opportunity')).totalSize;
      expect(total).toBeGreaterThan(500);
      let seen = 0;
      let page = await conn.query<{ Id: string }>('SELECT Id, Name, Amount, CloseDate FROM Opportunity', { headers: { 'Sforce-Query-Options': 'batchSize=200' } });
      seen += page.records.length;
      while (!page.done) {
        page = await conn.queryMore<{ Id: string }>(page.nextRecordsUrl!);
        seen += page.records.length;
      }
      expect(seen).toBe(total);
      // Every persona logs in with its own password; the demo's sponsor sponsors real accounts.
      const users = details.users as unknown as Record<string, { username: string; password: string }>;
      expect(Object.keys(users)).toEqual(['admin', 'rep', 'sponsor', 'integration']);
      expect(users.admin).toMatchObject({ username: details.username, password: details.password });
      const sponsor = new jsforce.Connection({ loginUrl: details.loginUrl, version: details.apiVersion, oauth2: { clientId: details.clientId, clientSecret: details.clientSecret, loginUrl: details.loginUrl } });
      await sponsor.login(users.sponsor!.username, users.sponsor!.password);
      const me = await sponsor.identity();
      expect(me.username).toBe(users.sponsor!.username);
      expect((await sponsor.query(`SELECT COUNT() FROM Executive_Sponsor__c WHERE Sponsor__c = '${me.user_id}' AND Active__c = true`)).totalSize).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      expect(await owned.exited).toBe(0);
    }
  });

  it('refuses an unknown time zone and a fiscal month out of range with a message and exit code 1', async () => {
    for (const [args, message] of [
      [['--tz', 'Mars/Olympus_Mons'], 'is not an IANA time zone name'],
      [['--fiscal-start', '13'], '--fiscal-start: expected a month 1-12']
    ] as const) {
      const child = spawnNode('org', path.join(REPOSITORY_ROOT, 'scripts', 'org.ts'), [...args], { cwd: REPOSITORY_ROOT });
      let err = '';
      child.process.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.process.stdout!.resume();
      expect(await child.exited).toBe(1);
      expect(err).toContain(message);
    }
  });

  it('explains its options and the fault grammar with --help', async () => {
    const child = spawnNode('org', path.join(REPOSITORY_ROOT, 'scripts', 'org.ts'), ['--help'], { cwd: REPOSITORY_ROOT });
    let out = '';
    child.process.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.process.stderr!.resume();
    expect(await child.exited).toBe(0);
    expect(out).toContain('--data <set>');
    expect(out).toContain('expireEvery=<n>');
    expect(out).toContain('--tz <zone>');
    expect(out).toContain('--single-currency');
  });
});
