import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const PASSWORD_ENV = {
  SF_LOGIN_URL: 'https://login.salesforce.com',
  SF_AUTH: 'password',
  SF_CLIENT_ID: 'id',
  SF_CLIENT_SECRET: 'secret',
  SF_USERNAME: 'user@example.com',
  SF_PASSWORD: 'pw',
  REDIS_URL: 'redis://127.0.0.1:6379'
};

function problems(env: NodeJS.ProcessEnv, role: 'service' | 'worker' | 'cli' = 'cli'): string[] {
  try {
    loadConfig(env, role);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('takes Redis Cluster seed nodes instead of REDIS_URL, and wants one of the two', () => {
    const { REDIS_URL: _url, ...withoutRedis } = PASSWORD_ENV;
    expect(loadConfig({ ...withoutRedis, REDIS_CLUSTER_NODES: '10.0.0.1:7000, 10.0.0.2:7001' }, 'cli').REDIS_CLUSTER_NODES).toBe('10.0.0.1:7000, 10.0.0.2:7001');
    expect(problems({ ...withoutRedis, REDIS_CLUSTER_NODES: 'redis://:pw@r1:7000,redis://:pw@r2:7000' })).toEqual([]);
    expect(problems({ ...withoutRedis, REDIS_CLUSTER_NODES: 'not a node list' })).toEqual(['REDIS_CLUSTER_NODES: expected host:port[,host:port…]']);
    expect(problems(withoutRedis)).toEqual(['REDIS_URL: required (or REDIS_CLUSTER_NODES for a Redis Cluster)']);
  });

  it('applies the defaults', () => {
    const config = loadConfig(PASSWORD_ENV, 'cli');
    expect(config).toMatchObject({ SF_API_VERSION: '64.0', PORT: 3000, API_RESERVE_PERCENT: 10, REDIS_PREFIX: 'tandem', BULK_THRESHOLD: 50_000 });
  });

  it('names every missing and bad variable in one error', () => {
    const found = problems({ SF_AUTH: 'saml', PORT: 'eighty', API_RESERVE_PERCENT: '120', TANDEM_AS_OF: '2026-02-30', SYNC_CRON: 'often' });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['API_RESERVE_PERCENT', 'PORT', 'REDIS_URL', 'SF_AUTH', 'SF_LOGIN_URL', 'SYNC_CRON', 'TANDEM_AS_OF']);
    expect(found).toContain('REDIS_URL: required (or REDIS_CLUSTER_NODES for a Redis Cluster)');
  });

  it.each([
    ['password', {}, ['SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_USERNAME', 'SF_PASSWORD']],
    ['client_credentials', {}, ['SF_CLIENT_ID', 'SF_CLIENT_SECRET']],
    ['jwt', {}, ['SF_CLIENT_ID', 'SF_USERNAME', 'SF_PRIVATE_KEY_FILE']]
  ])('requires what SF_AUTH=%s needs', (auth, extra, needed) => {
    const found = problems({ SF_LOGIN_URL: 'https://login.salesforce.com', REDIS_URL: 'redis://r:6379', SF_AUTH: auth, ...extra });
    expect(found).toEqual(needed.map((name) => `${name}: required when SF_AUTH=${auth}`));
  });

  it('reads the JWT private key file and reports an unreadable one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const key = path.join(dir, 'key.pem');
    fs.writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const env = { SF_LOGIN_URL: 'https://login.salesforce.com', REDIS_URL: 'redis://r:6379', SF_AUTH: 'jwt', SF_CLIENT_ID: 'id', SF_USERNAME: 'u' };
    expect(loadConfig({ ...env, SF_PRIVATE_KEY_FILE: key }, 'worker').SF_PRIVATE_KEY).toContain('PRIVATE KEY');
    expect(problems({ ...env, SF_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') })).toEqual([`SF_PRIVATE_KEY_FILE: cannot read ${path.join(dir, 'missing.pem')} (ENOENT)`]);
  });

  it('needs a long enough API_TOKEN only to serve the API', () => {
    expect(problems(PASSWORD_ENV, 'service')).toEqual(['API_TOKEN: required to serve the HTTP API']);
    expect(problems({ ...PASSWORD_ENV, API_TOKEN: 'short' }, 'service')).toEqual(['API_TOKEN: expected at least 16 characters']);
    expect(problems(PASSWORD_ENV, 'worker')).toEqual([]);
  });

  it('never puts a secret value in the error', () => {
    const error = (() => {
      try {
        loadConfig({ ...PASSWORD_ENV, SF_PASSWORD: 'hunter2-secret', PORT: '-1' }, 'cli');
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toContain('PORT');
    expect(error?.message).not.toContain('hunter2-secret');
  });
});
