// Runs jsforce's own end-to-end tests (connection CRUD, query, sObject, Bulk 1.0 and 2.0) against
// the org emulator, from a temporary copy of jsforce's test folder: nothing of jsforce enters
// this repository. The org loads jsforce's test package (`--schema`), the demo data, and a
// BigTable__c of 10,002 rows written through Bulk API 2.0 as jsforce's own org setup does.
//
//   npm run jsforce-e2e                        # clones jsforce 3.10.16 from GitHub
//   npm run jsforce-e2e -- --repo <git dir>    # or takes the tag from a local clone/mirror
//
// What the emulator declares out of scope is skipped by name: layouts, list views, search
// (SOSL), query plans (explain) and approval layouts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsforce from 'jsforce';
import { DEFAULT_SCHEMA_DIR, REPOSITORY_ROOT, startOrg } from '../test/emulator';
import { spawnNode } from './lifecycle/ownedChild';

const TAG = '3.10.16';
const SUITES = ['connection-crud', 'query', 'sobject', 'bulk', 'bulk2'];
const OUT_OF_SCOPE = /layout|list ?views?|listup|search|explain|approval/i;

function copyTests(target: string, repo: string | undefined): void {
  let source = repo;
  if (!source) {
    source = path.join(target, 'jsforce.git');
    execFileSync('git', ['clone', '--quiet', '--bare', '--depth', '1', '--branch', TAG, 'https://github.com/jsforce/jsforce.git', source], { stdio: 'inherit' });
  }
  const archive = execFileSync('git', ['--git-dir', source, 'archive', TAG, 'test'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', target], { input: archive });
}

/** jsforce's query test pipes through `through2`, which this repository does not depend on. */
function writeShims(dir: string): void {
  const shim = path.join(dir, 'node_modules', 'through2');
  fs.mkdirSync(shim, { recursive: true });
  fs.writeFileSync(
    path.join(shim, 'index.js'),
    "const { Transform } = require('stream');\n" +
      'module.exports.obj = (transform, flush) => new Transform({ objectMode: true, transform(chunk, enc, next) { transform.call(this, chunk, enc, next); }, flush(done) { flush ? flush.call(this, done) : done(); } });\n'
  );
}

function writeJestConfig(dir: string): string {
  const modules = path.join(REPOSITORY_ROOT, 'node_modules');
  const config = {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: SUITES.map((suite) => `<rootDir>/test/${suite}.test.ts`),
    transform: { '^.+\\.ts$': [require.resolve('ts-jest'), { diagnostics: false, tsconfig: path.join(dir, 'tsconfig.json') }] },
    moduleNameMapper: { '^jsforce$': path.join(modules, 'jsforce'), '^jsforce/(.+)$': `${path.join(modules, 'jsforce')}/$1` },
    modulePaths: [path.join(dir, 'node_modules'), modules],
    testTimeout: 120_000,
    maxWorkers: 1
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'commonjs', esModuleInterop: true, skipLibCheck: true, strict: false } }));
  const file = path.join(dir, 'jest.config.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

async function main(): Promise<void> {
  const repoIndex = process.argv.indexOf('--repo');
  const repo = repoIndex > 0 ? path.resolve(process.argv[repoIndex + 1]!) : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsforce-e2e-'));
  const say = (line: string): boolean => process.stderr.write(`[jsforce-e2e] ${line}\n`);
  say(`copying jsforce ${TAG}'s tests to ${dir}`);
  copyTests(dir, repo);
  writeShims(dir);
  const config = writeJestConfig(dir);
  const org = await startOrg({
    data: 'demo',
    schemaDirs: [DEFAULT_SCHEMA_DIR, path.join(dir, 'test', 'package', 'JSforceTestSuite')]
  });
  let status = 1;
  try {
    const conn = new jsforce.Connection({ loginUrl: org.loginUrl, oauth2: { clientId: org.clientId, clientSecret: org.clientSecret, loginUrl: org.loginUrl } });
    await conn.login(org.username, org.password);
    say('seeding BigTable__c through Bulk API 2.0');
    const ownerCsv = `OwnerId\n${`${conn.userInfo!.id}\n`.repeat(5001)}`;
    for (let i = 0; i < 2; i++) {
      const seeded = await conn.bulk2.loadAndWaitForResults({ object: 'BigTable__c', operation: 'upsert', externalIdFieldName: 'Id', input: ownerCsv, pollInterval: 200 });
      if (seeded.failedResults.length > 0) throw new Error(`seeding BigTable__c failed: ${JSON.stringify(seeded.failedResults[0])}`);
    }
    say(`running ${SUITES.join(', ')} against ${org.instanceUrl}`);
    // The org answers from this process, so jest runs beside it, not blocking it.
    const jest = spawnNode(
      'jest',
      require.resolve('jest/bin/jest'),
      ['--config', config, '--testNamePattern', `^(?!.*(${OUT_OF_SCOPE.source})).*$`, ...process.argv.slice(2).filter((a, i, all) => a !== '--repo' && all[i - 1] !== '--repo')],
      { output: 'inherit', env: { ...process.env, SF_LOGIN_URL: org.instanceUrl, SF_ACCESS_TOKEN: conn.accessToken!, SF_USERNAME: org.username, SF_PASSWORD: org.password } }
    );
    const exit = await jest.exited;
    status = typeof exit === 'number' ? exit : 1;
  } finally {
    await org.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
