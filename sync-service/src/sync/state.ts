// The sync state in Redis: per-object watermarks, a mirror of the engine inputs (so an incremental
// run can recompute every account exactly from the changes alone; the mirrored contacts are what
// change alerts compare with), the content hash of every
// metric row last written, and the deployment-wide sync lock. Losing it all only costs a full run.
// Everything but the lock is kept per org, so another org on the same prefix never reuses it.
//
//   {<prefix>}:sync:<orgId>:meta            hash  version, asOf, contextHash, watermarks, counts, rows and change alerts to retry (JSON)
//   {<prefix>}:sync:<orgId>:mirror:<kind>   hash  record id → engine input (JSON)
//   {<prefix>}:sync:<orgId>:rows            hash  row key (A:<Snapshot_Key__c> | P:<Period_Key__c>) → content hash
//   {<prefix>}:sync:lock                    string  token of the run holding the lock (PX ttl)
import crypto from 'node:crypto';
import type { RedisConnection } from '../redis';
import type { AlertRow } from './alertPlan';
import type { InputKind } from './inputs';
import { deploymentKeyPrefix } from './keys';

/** Bump when the mirror's or the meta's format changes: older state is then ignored (a full run). */
export const STATE_VERSION = '7';
export const INPUT_KINDS: InputKind[] = ['opportunity', 'account', 'plan', 'initiative', 'sponsor', 'event', 'task', 'objective', 'stakeholder', 'contact'];

export type Watermarks = Partial<Record<InputKind, string>>;

export interface SyncMeta {
  version: string;
  asOf: string;
  contextHash: string;
  /** Whether records carry CurrencyIsoCode (the change queries' field lists depend on it). */
  multiCurrency: boolean;
  watermarks: Watermarks;
  /** Records the mirror holds per kind: a mirror whose counts differ lost records and is not trusted. */
  counts: MirrorCounts;
  /** Row keys (A:/P:) that failed to write in the last run: the next run writes them again even when no input changed. */
  retryRows: string[];
  /** Change alerts found but not written (the write failed): the next run sends them again. */
  alertRetries: AlertRow[];
}

export type MirrorCounts = Record<InputKind, number>;

/** Per kind: records to set (id → JSON) and ids to delete. */
export type MirrorChanges = Partial<Record<InputKind, { set: Map<string, string>; remove: string[] }>>;

export interface Commit {
  meta: SyncMeta;
  /** 'replace': the mirror becomes exactly `mirror` (full runs); 'apply': changes on top. */
  mirrorMode: 'replace' | 'apply';
  mirror: MirrorChanges;
  /** Mirror kinds written ahead with `stageMirror` (full runs): the commit renames them into place. */
  staged?: InputKind[];
  /** The row hashes after the run; `replaceRows` drops the keys not listed (rows no longer produced). */
  rows: Map<string, string>;
  replaceRows: boolean;
}

/** A mirror whose record counts are not those the state says it holds (expired or evicted keys). */
export class MirrorIntegrityError extends Error {
  constructor(detail: string) {
    super(`the sync mirror does not hold the records it should (${detail}); a full run rebuilds it`);
    this.name = 'MirrorIntegrityError';
  }
}

export class LockLostError extends Error {
  constructor() {
    super('the sync lock expired before the run committed; its results were not saved');
    this.name = 'LockLostError';
  }
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const HSET_BATCH = 5000;
/** Tries of a commit whose EXEC a lock renewal aborted (each checks the lock is still ours first). */
const COMMIT_ATTEMPTS = 5;

export class SyncState {
  private readonly base: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    /** The org whose state this is; only the lock is usable without one (see `forOrg`). */
    readonly orgId: string | null = null
  ) {
    this.base = `${deploymentKeyPrefix(prefix)}:sync`;
  }

  /** The same deployment's state for one org (an 18-character Organization Id). */
  forOrg(orgId: string): SyncState {
    if (!/^00D[A-Za-z0-9]{15}$/.test(orgId)) throw new Error(`not an Organization Id: ${JSON.stringify(orgId)}`);
    return orgId === this.orgId ? this : new SyncState(this.redis, this.prefix, orgId);
  }

  private key(name: string): string {
    if (name === 'lock') return `${this.base}:lock`;
    if (this.orgId === null) throw new Error('the sync state is kept per org: call forOrg first');
    return `${this.base}:${this.orgId}:${name}`;
  }

  async acquireLock(ttlMs: number): Promise<string | null> {
    const token = crypto.randomUUID();
    const ok = await this.redis.set(this.key('lock'), token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? token : null;
  }

  async renewLock(token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key('lock'), token, String(ttlMs))) === 1;
  }

  /** Whether `token` still holds the lock (the fence checked before every write batch). */
  async holdsLock(token: string): Promise<boolean> {
    return (await this.redis.get(this.key('lock'))) === token;
  }

  async releaseLock(token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key('lock'), token);
  }

  async readMeta(): Promise<SyncMeta | null> {
    const meta = await this.redis.hgetall(this.key('meta'));
    if (meta.version !== STATE_VERSION || !meta.asOf || !meta.contextHash || !meta.counts) return null;
    return {
      version: meta.version,
      asOf: meta.asOf,
      contextHash: meta.contextHash,
      multiCurrency: meta.multiCurrency === '1',
      watermarks: JSON.parse(meta.watermarks ?? '{}') as Watermarks,
      counts: JSON.parse(meta.counts) as MirrorCounts,
      retryRows: JSON.parse(meta.retryRows ?? '[]') as string[],
      alertRetries: JSON.parse(meta.alertRetries ?? '[]') as AlertRow[]
    };
  }

  /** The records the mirror holds per kind, now. */
  async mirrorCounts(): Promise<MirrorCounts> {
    const pipeline = this.redis.pipeline();
    for (const kind of INPUT_KINDS) pipeline.hlen(this.key(`mirror:${kind}`));
    const answers = (await pipeline.exec()) ?? [];
    const counts = {} as MirrorCounts;
    INPUT_KINDS.forEach((kind, i) => {
      const [error, value] = answers[i] ?? [new Error('no answer'), null];
      if (error) throw error;
      counts[kind] = Number(value);
    });
    return counts;
  }

  /** Throws MirrorIntegrityError unless the mirror holds exactly the records `meta` counts. */
  async assertMirror(meta: SyncMeta): Promise<void> {
    const held = await this.mirrorCounts();
    const wrong = INPUT_KINDS.filter((kind) => held[kind] !== meta.counts[kind]);
    if (wrong.length > 0) throw new MirrorIntegrityError(wrong.map((kind) => `${kind}: ${held[kind]} of ${meta.counts[kind]}`).join(', '));
  }

  /** Forgets the meta only: the next run is full (the mirror and row hashes stay until it replaces them). */
  async forgetMeta(): Promise<void> {
    await this.redis.del(this.key('meta'));
  }

  /** Keeps a run's staged mirror alive while the run is (its writes may outlast the staging TTL). */
  async touchStaged(token: string, ttlMs: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const kind of INPUT_KINDS) pipeline.pexpire(this.stagingKey(kind, token), ttlMs);
    await pipeline.exec();
  }

  async readMirror(kind: InputKind): Promise<Map<string, string>> {
    const entries = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.key(`mirror:${kind}`), cursor, 'COUNT', 5000);
      for (let i = 0; i < flat.length; i += 2) entries.set(flat[i]!, flat[i + 1]!);
      cursor = next;
    } while (cursor !== '0');
    return entries;
  }

  async mirrorEntries(kind: InputKind, ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (ids.length === 0) return found;
    const values = await this.redis.hmget(this.key(`mirror:${kind}`), ...ids);
    ids.forEach((id, i) => {
      const value = values[i];
      if (value !== null && value !== undefined) found.set(id, value);
    });
    return found;
  }

  async rowHashes(): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.redis.hgetall(this.key('rows'))));
  }

  async rowHashCount(): Promise<number> {
    return this.redis.hlen(this.key('rows'));
  }

  /** Records hashes of rows written by a run that does not commit (partial failure, single account). */
  async saveRowHashes(hashes: Map<string, string>): Promise<void> {
    if (hashes.size === 0) return;
    const flat = [...hashes].flat();
    for (let i = 0; i < flat.length; i += HSET_BATCH * 2) await this.redis.hset(this.key('rows'), ...flat.slice(i, i + HSET_BATCH * 2));
  }

  /** Forgets the hashes of rows whose last write is not known to be the latest (the next run writes them). */
  async forgetRowHashes(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.hdel(this.key('rows'), ...keys);
  }

  private stagingKey(kind: InputKind, token: string): string {
    return this.key(`mirror:${kind}:staging:${token}`);
  }

  /**
   * Writes a full run's mirror of one kind ahead of the commit, batch by batch, into a key of the
   * run's own: a 1,000,000-record mirror sent inside the commit transaction would be buffered whole
   * on both sides. The commit renames it into place; a run that never commits leaves a key that
   * expires by itself.
   */
  async stageMirror(token: string, kind: InputKind, entries: Iterable<[string, string]>, ttlMs: number): Promise<void> {
    let batch: Array<[string, string]> = [];
    for (const entry of entries) {
      batch.push(entry);
      if (batch.length >= HSET_BATCH) {
        await this.stageEntries(token, kind, batch, ttlMs);
        batch = [];
      }
    }
    await this.stageEntries(token, kind, batch, ttlMs);
  }

  /** Adds entries to a run's staged mirror of one kind (see `stageMirror`). */
  async stageEntries(token: string, kind: InputKind, entries: Array<[string, string]>, ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const key = this.stagingKey(kind, token);
    await this.redis.multi().hset(key, ...entries.flat()).pexpire(key, ttlMs).exec();
  }

  /** Drops a run's staged mirror keys (a run that stops before its commit). */
  async dropStaged(token: string): Promise<void> {
    await this.redis.del(...INPUT_KINDS.map((kind) => this.stagingKey(kind, token)));
  }

  /**
   * Writes watermark, mirror and row hashes in one transaction, only while `token` holds the lock.
   * The run's own lock renewal (PEXPIRE) also aborts a transaction that WATCHes the lock, which a
   * commit of a large mirror (seconds) regularly meets: then, while the lock is still ours, the
   * transaction is simply sent again.
   */
  async commit(token: string, commit: Commit): Promise<void> {
    // WATCH belongs to a connection: on the shared one, any other command of this process between
    // WATCH and EXEC (a lock renewal, another run's reads) would share or clear it.
    const own = this.redis.duplicate();
    try {
      for (let attempt = 1; ; attempt++) {
        if (await this.commitOnce(own, token, commit)) return;
        if (attempt >= COMMIT_ATTEMPTS) throw new LockLostError();
      }
    } finally {
      own.disconnect();
    }
  }

  /** One WATCH/MULTI/EXEC; false when EXEC was aborted by a change of a watched key. */
  private async commitOnce(redis: RedisConnection, token: string, commit: Commit): Promise<boolean> {
    const lockKey = this.key('lock');
    const staged = commit.staged ?? [];
    // The staged keys are watched too: one that expires or is evicted before EXEC aborts it.
    await redis.watch(lockKey, ...staged.map((kind) => this.stagingKey(kind, token)));
    try {
      if ((await redis.get(lockKey)) !== token) throw new LockLostError();
      for (const kind of staged) {
        const held = await redis.hlen(this.stagingKey(kind, token));
        if (held !== commit.meta.counts[kind]) throw new MirrorIntegrityError(`staged ${kind}: ${held} of ${commit.meta.counts[kind]}`);
      }
      const tx = redis.multi();
      tx.del(this.key('meta'));
      tx.hset(this.key('meta'), {
        version: commit.meta.version,
        asOf: commit.meta.asOf,
        contextHash: commit.meta.contextHash,
        multiCurrency: commit.meta.multiCurrency ? '1' : '0',
        watermarks: JSON.stringify(commit.meta.watermarks),
        counts: JSON.stringify(commit.meta.counts),
        retryRows: JSON.stringify(commit.meta.retryRows),
        alertRetries: JSON.stringify(commit.meta.alertRetries)
      });
      for (const kind of INPUT_KINDS) {
        const key = this.key(`mirror:${kind}`);
        const changes = commit.mirror[kind];
        if (commit.mirrorMode === 'replace') tx.del(key);
        if (commit.staged?.includes(kind)) {
          const stagedKey = this.stagingKey(kind, token);
          // RENAME fails on a missing key; an empty hash is never stored, so create nothing then.
          tx.persist(stagedKey);
          tx.eval(`if redis.call('exists', KEYS[1]) == 1 then return redis.call('rename', KEYS[1], KEYS[2]) end return 0`, 2, stagedKey, key);
        }
        if (!changes) continue;
        if (changes.remove.length > 0) tx.hdel(key, ...changes.remove);
        const flat = [...changes.set].flat();
        for (let i = 0; i < flat.length; i += HSET_BATCH * 2) tx.hset(key, ...flat.slice(i, i + HSET_BATCH * 2));
      }
      const rowsKey = this.key('rows');
      if (commit.replaceRows) tx.del(rowsKey);
      const rows = [...commit.rows].flat();
      for (let i = 0; i < rows.length; i += HSET_BATCH * 2) tx.hset(rowsKey, ...rows.slice(i, i + HSET_BATCH * 2));
      const result = await tx.exec();
      if (result === null) return false;
      const failed = result.find(([error]) => error);
      if (failed) throw failed[0] as Error;
      return true;
    } finally {
      await redis.unwatch();
    }
  }

  /** Forgets everything (the next run is full). */
  async clear(): Promise<void> {
    const keys = [this.key('meta'), this.key('rows'), ...INPUT_KINDS.map((k) => this.key(`mirror:${k}`))];
    await this.redis.del(...keys);
  }
}
