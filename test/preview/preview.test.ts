// The preview's build helpers and server, without a browser: scoped imports, labels, the org proxy
// (session renewal on 401), the queue-board proxy and the static-file boundary.
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { scopedImportSource } from './build';
import { readLabels, type LabelTable } from './labels';
import { startPreviewServer, type OrgSession, type PreviewServer } from './server';

const METADATA_DIR = path.resolve(__dirname, '..', '..', 'force-app', 'main', 'default');

describe('scoped imports', () => {
  const labels: LabelTable = { en: { Tandem_X: 'Plan' }, it: { Tandem_X: 'Piano' } };

  test('a custom label reads the language the page chose, English when a translation is missing', () => {
    const source = scopedImportSource('@salesforce/label/c.Tandem_X', labels)!;
    expect(source).toContain(`import table from 'preview/labels'`);
    expect(source).toContain('"Tandem_X"');
    expect(source).toContain('table.en[name]');
  });

  test('an undefined label fails the build naming it', () => {
    expect(() => scopedImportSource('@salesforce/label/c.Tandem_Missing', labels)).toThrow(/Tandem_Missing/);
  });

  test('schema imports have the shape LDS gives them', () => {
    expect(scopedImportSource('@salesforce/schema/Account_Plan__c.Status__c', labels)).toBe(
      'export default {"objectApiName":"Account_Plan__c","fieldApiName":"Status__c"};'
    );
    expect(scopedImportSource('@salesforce/schema/Account_Plan__c', labels)).toBe('export default {"objectApiName":"Account_Plan__c"};');
    // A relationship path keeps its dots in fieldApiName.
    expect(scopedImportSource('@salesforce/schema/Plan_Objective__c.Owner_User__r.Name', labels)).toContain('"fieldApiName":"Owner_User__r.Name"');
  });

  test('user settings come from the page; other imports are left to the base components and LWC', () => {
    expect(scopedImportSource('@salesforce/i18n/locale', labels)).toContain('previewConfig()["locale"]');
    expect(scopedImportSource('@salesforce/user/Id', labels)).toContain('previewConfig()["userId"]');
    expect(scopedImportSource('@salesforce/i18n/number.decimalSeparator', labels)).toBeNull();
    expect(scopedImportSource('lightning/button', labels)).toBeNull();
    expect(scopedImportSource('@salesforce/gate/bc.260.enableComboboxElementInternals', labels)).toBe(
      'export default { isOpen: () => false };'
    );
  });
});

test('labels: English from CustomLabels, Italian from the translation file', () => {
  const { en, it } = readLabels(METADATA_DIR);
  // Both files, as read by hand: Tandem_Common_Cancel is "Cancel" and "Annulla".
  expect(en.Tandem_Common_Cancel).toBe('Cancel');
  expect(it.Tandem_Common_Cancel).toBe('Annulla');
  expect(Object.keys(en).length).toBeGreaterThan(100);
});

describe('preview server', () => {
  let upstream: http.Server;
  let upstreamUrl: string;
  let preview: PreviewServer;
  const seen: Array<{ url: string; authorization: string; body: string }> = [];
  let renewals = 0;

  beforeAll(async () => {
    // Stands in for both the org (valid token "fresh") and the sync service (token "api-token").
    upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', authorization: req.headers.authorization ?? '', body });
        const ok = ['Bearer fresh', 'Bearer api-token', 'Bearer sponsor-token'].includes(req.headers.authorization ?? '');
        res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
        res.end(ok ? JSON.stringify({ echoed: body, url: req.url }) : '[{"errorCode":"INVALID_SESSION_ID"}]');
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const expired: OrgSession = { instanceUrl: upstreamUrl, accessToken: 'expired', userId: '005000000000001AAA' };
    preview = await startPreviewServer({
      session: {
        current: async () => (renewals > 0 ? { ...expired, accessToken: 'fresh' } : expired),
        renew: async () => {
          renewals++;
          return { ...expired, accessToken: 'fresh' };
        }
      },
      users: {
        sponsor: {
          current: async () => ({ instanceUrl: upstreamUrl, accessToken: 'sponsor-token', userId: '005000000000003AAA' }),
          renew: async () => ({ instanceUrl: upstreamUrl, accessToken: 'sponsor-token', userId: '005000000000003AAA' })
        },
        broken: {
          current: () => Promise.reject(new Error('login refused')),
          renew: () => Promise.reject(new Error('login refused'))
        }
      },
      today: '2026-06-15',
      service: { url: upstreamUrl, apiToken: 'api-token' }
    });
  });

  afterAll(async () => {
    await preview.close();
    upstream.closeAllConnections();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  test('forwards /services/* with its session and logs in again once when the org answers 401', async () => {
    const query = JSON.stringify({ query: 'query q { uiapi { query { Account { edges { node { Id } } } } } }' });
    const response = await fetch(`${preview.url}services/data/v64.0/graphql`, { method: 'POST', body: query, headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echoed: query, url: '/services/data/v64.0/graphql' });
    // First with the expired token (401), then with the renewed one.
    expect(seen.map((request) => request.authorization)).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(renewals).toBe(1);
  });

  test('serves the queue board with the service token; the browser never sends one', async () => {
    seen.length = 0;
    const response = await fetch(`${preview.url}admin/queues/api/queues`);
    expect(response.status).toBe(200);
    expect(seen).toEqual([expect.objectContaining({ url: '/admin/queues/api/queues', authorization: 'Bearer api-token' })]);
  });

  test("the page learns each user's id and the org's today, not a token (a user who cannot log in is left out)", async () => {
    const script = await (await fetch(`${preview.url}preview-session.js`)).text();
    expect(script).toBe(
      'window.__tandemPreviewSession = {"userId":"005000000000001AAA","users":{"sponsor":"005000000000003AAA"},"today":"2026-06-15"};'
    );
    expect(script).not.toContain('token');
  });

  test('/as/<user>/services/* reaches the org with that user\'s session; an unknown user is a 404', async () => {
    seen.length = 0;
    const response = await fetch(`${preview.url}as/sponsor/services/data/v64.0/ui-api/object-info?x=1`);
    expect(response.status).toBe(200);
    expect(seen).toEqual([expect.objectContaining({ url: '/services/data/v64.0/ui-api/object-info?x=1', authorization: 'Bearer sponsor-token' })]);
    const unknown = await fetch(`${preview.url}as/nobody/services/data/v64.0/ui-api/object-info`);
    expect(unknown.status).toBe(404);
    expect(seen).toHaveLength(1);
  });

  test('static files stay inside their folders', async () => {
    expect((await fetch(`${preview.url}assets/styles/salesforce-lightning-design-system.min.css`)).status).toBe(200);
    // Raw paths: fetch would normalise the dots away before sending.
    const rawStatus = (rawPath: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.get(new URL(preview.url), { path: rawPath }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
      });
    expect(await rawStatus('/assets/../../package.json')).toBe(404);
    expect(await rawStatus('/assets/../../../../package.json')).toBe(404);
    expect(await rawStatus('/../package.json')).toBe(404);
  });
});
