// The sync state in Redis: per-object watermarks, a mirror of the engine inputs (so an incremental
// run can recompute every account exactly from the changes alone; the mirrored contacts are what
// change alerts compare with), the content hash of every
// metric row last written, and the deployment-wide sync lock. Losing it all only costs a full run.
// Everything but the lock is kept per org, so another org on the same prefix never reuses it.
//
//   {<prefix>}:sync:<orgId>:meta            hash  version, asOf, contextHash, watermarks, counts, rows and change alerts to retry (JSON)
//   {<prefix>}:sync:<orgId>:mirror:<kind>   hash  record id → engine input (JSON); of a per-account kind: id → its bucket
//   {<prefix>}:sync:<orgId>:mirror:<kind>:acct:<bucket>  hash  per-account kinds: record id → engine input (JSON)
//   {<prefix>}:sync:<orgId>:mirror:<kind>:buckets        hash  per-account kinds: bucket → records it holds
//   {<prefix>}:sync:<orgId>:figures         hash  account id → what its opportunities add up to (figures.ts)
//   {<prefix>}:sync:<orgId>:whitespace      hash  account id → what it adds to whitespace (metrics/whitespace.ts)
//   {<prefix>}:sync:<orgId>:rows            hash  row key (A:<Snapshot_Key__c> | P:<Period_Key__c> | W:<Cell_Key__c>) → content hash
//   {<prefix>}:sync:lock                    string  token of the run holding the lock (PX ttl)
//
// Per-account kinds (opportunities: a million of them; their line items: three million) are kept
// in one hash per account (the bucket: the record's account id — a line item's is its
// opportunity's — or '-' without one), so a run reads only the accounts it recomputes; the other
// accounts enter the cross-account figures (revenue share, score ranks, program sums, whitespace)
// through their stored figures. The small kinds are read whole: engagement and program coverage
// need all of them.
import crypto from 'node:crypto';
import type { RedisConnection } from '../redis';
import type { AlertRow } from './alertPlan';
import { NO_ACCOUNT, type InputKind } from './inputs';
import { deploymentKeyPrefix } from './keys';

/** Bump when the mirror's or the meta's format changes: older state is then ignored (a full run). */
export const STATE_VERSION = '11';
export const INPUT_KINDS: InputKind[] = ['opportunity', 'account', 'plan', 'initiative', 'sponsor', 'event', 'task', 'objective', 'stakeholder', 'contact', 'lineItem'];
/** Kinds mirrored in one hash per account (see the layout above); the others in one hash each. */
export const ACCOUNT_KINDS: readonly InputKind[] = ['opportunity', 'lineItem'];

export function isAccountKind(kind: InputKind): boolean {
  return ACCOUNT_KINDS.includes(kind);
}

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

/**
 * One kind's changes: records to set (id → JSON) and ids to delete. Of a per-account kind also
 * `from`, the bucket each changed or deleted record the mirror holds is in (absent: a new one),
 * and `to`, the bucket each set record goes to.
 */
export interface KindChanges {
  set: Map<string, string>;
  remove: string[];
  from?: Map<string, string>;
  to?: Map<string, string>;
}

/** Per kind, its changes. */
export type MirrorChanges = Partial<Record<InputKind, KindChanges>>;

/** Accounts' figures to set (id → figures.ts JSON) and to delete; `replace`: the stored figures become exactly `set`. */
export interface FiguresChanges {
  set: Map<string, string>;
  remove: string[];
  replace: boolean;
}

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
  figures?: FiguresChanges;
  /** Accounts' whitespace figures, as `figures`. */
  whitespace?: FiguresChanges;
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
/** Accounts whose mirror hashes one pipeline reads: ~6,000 opportunities at 250 an account (200 at once held ~90 MiB more at 1,000,000). */
const BUCKET_BATCH = 25;
/** Moves a staged key into place, without its staging TTL; nothing when it is missing (an empty hash is never stored). */
const INTO_PLACE = `if redis.call('exists', KEYS[1]) == 1 then redis.call('persist', KEYS[1]); return redis.call('rename', KEYS[1], KEYS[2]) end return 0`;
/** Tries of a commit whose EXEC a lock renewal aborted (each checks the lock is still ours first). */
const COMMIT_ATTEMPTS = 5;

export class SyncState {
  private readonly base: string;
  /** Buckets of per-account kinds a run staged, by run token and kind (for TTL renewal and clean-up). */
  private readonly stagedBuckets = new Map<string, Map<InputKind, Set<string>>>();

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

  private mirrorKey(kind: InputKind): string {
    return this.key(`mirror:${kind}`);
  }

  private bucketKey(kind: InputKind, bucket: string): string {
    return this.key(`mirror:${kind}:acct:${bucket}`);
  }

  private bucketsKey(kind: InputKind): string {
    return this.key(`mirror:${kind}:buckets`);
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

  /** The records the mirror holds per kind, now (of a per-account kind: the ids its index holds). */
  async mirrorCounts(): Promise<MirrorCounts> {
    const pipeline = this.redis.pipeline();
    for (const kind of INPUT_KINDS) pipeline.hlen(this.mirrorKey(kind));
    const answers = (await pipeline.exec()) ?? [];
    const counts = {} as MirrorCounts;
    INPUT_KINDS.forEach((kind, i) => {
      counts[kind] = Number(answerOf(answers[i]));
    });
    return counts;
  }

  /**
   * Throws MirrorIntegrityError unless the mirror holds exactly the records `meta` counts: per
   * kind, and of a per-account kind in every account's hash as its bucket count says (a hash Redis
   * evicted is found here, before a run trusts it).
   */
  async assertMirror(meta: SyncMeta): Promise<void> {
    const held = await this.mirrorCounts();
    const wrong = INPUT_KINDS.filter((kind) => held[kind] !== meta.counts[kind]).map((kind) => `${kind}: ${held[kind]} of ${meta.counts[kind]}`);
    for (const kind of ACCOUNT_KINDS) {
      const buckets = [...(await this.bucketCounts(this.bucketsKey(kind)))];
      const total = buckets.reduce((sum, [, n]) => sum + n, 0);
      if (total !== meta.counts[kind]) wrong.push(`${kind} by account: ${total} of ${meta.counts[kind]}`);
      const lengths = await this.hashLengths(buckets.map(([bucket]) => this.bucketKey(kind, bucket)));
      const short = buckets.filter(([, count], i) => lengths[i] !== count).map(([bucket, count]) => `${bucket}: ${lengths[buckets.findIndex(([b]) => b === bucket)]} of ${count}`);
      if (short.length > 0) wrong.push(`${kind} of ${short.length} accounts (${short.slice(0, 3).join(', ')})`);
    }
    if (wrong.length > 0) throw new MirrorIntegrityError(wrong.join(', '));
  }

  /** Bucket → record count, from a buckets hash (live or staged). */
  private async bucketCounts(key: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const [bucket, count] of Object.entries(await this.redis.hgetall(key))) if (Number(count) !== 0) counts.set(bucket, Number(count));
    return counts;
  }

  private async hashLengths(keys: string[]): Promise<number[]> {
    const lengths: number[] = [];
    for (let i = 0; i < keys.length; i += BUCKET_BATCH) {
      const pipeline = this.redis.pipeline();
      for (const key of keys.slice(i, i + BUCKET_BATCH)) pipeline.hlen(key);
      for (const answer of (await pipeline.exec()) ?? []) lengths.push(Number(answerOf(answer)));
    }
    return lengths;
  }

  /** Forgets the meta only: the next run is full (the mirror and row hashes stay until it replaces them). */
  async forgetMeta(): Promise<void> {
    await this.redis.del(this.key('meta'));
  }

  /** Keeps a run's staged mirror alive while the run is (its writes may outlast the staging TTL). */
  async touchStaged(token: string, ttlMs: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const key of this.stagedKeys(token)) pipeline.pexpire(key, ttlMs);
    await pipeline.exec();
  }

  /** Every record of a kind mirrored in one hash (not a per-account kind: see `readBuckets`). */
  async readMirror(kind: InputKind): Promise<Map<string, string>> {
    if (isAccountKind(kind)) throw new Error(`${kind} is mirrored per account: read it with readBuckets`);
    const entries = new Map<string, string>();
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.mirrorKey(kind), cursor, 'COUNT', 5000);
      for (let i = 0; i < flat.length; i += 2) entries.set(flat[i]!, flat[i + 1]!);
      cursor = next;
    } while (cursor !== '0');
    return entries;
  }

  /** The mirrored entries (JSON) of the ids the mirror holds, of any kind. */
  async mirrorEntries(kind: InputKind, ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (ids.length === 0) return found;
    if (!isAccountKind(kind)) {
      const values = await this.redis.hmget(this.mirrorKey(kind), ...ids);
      ids.forEach((id, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) found.set(id, value);
      });
      return found;
    }
    // The index says which account's hash holds each id.
    const buckets = await this.redis.hmget(this.mirrorKey(kind), ...ids);
    const byBucket = new Map<string, string[]>();
    ids.forEach((id, i) => {
      const bucket = buckets[i];
      if (bucket === null || bucket === undefined) return;
      const list = byBucket.get(bucket);
      if (list) list.push(id);
      else byBucket.set(bucket, [id]);
    });
    const groups = [...byBucket];
    for (let i = 0; i < groups.length; i += BUCKET_BATCH) {
      const batch = groups.slice(i, i + BUCKET_BATCH);
      const pipeline = this.redis.pipeline();
      for (const [bucket, inBucket] of batch) pipeline.hmget(this.bucketKey(kind, bucket), ...inBucket);
      const answers = (await pipeline.exec()) ?? [];
      batch.forEach(([bucket, inBucket], b) => {
        const values = answerOf(answers[b]) as Array<string | null>;
        inBucket.forEach((id, j) => {
          const value = values[j];
          if (value === null || value === undefined) throw new MirrorIntegrityError(`${kind} ${id} indexed in ${bucket} but not there`);
          found.set(id, value);
        });
      });
    }
    return found;
  }

  /**
   * The mirrored records of a per-account kind in `buckets` (account ids), a batch of accounts at a
   * time: what a run that recomputes those accounts holds at once. Throws MirrorIntegrityError when
   * an account's hash does not hold what its bucket count says.
   */
  async *readBuckets(kind: InputKind, buckets: string[]): AsyncGenerator<Map<string, Map<string, string>>> {
    for (let i = 0; i < buckets.length; i += BUCKET_BATCH) {
      const batch = buckets.slice(i, i + BUCKET_BATCH);
      const pipeline = this.redis.pipeline();
      pipeline.hmget(this.bucketsKey(kind), ...batch);
      for (const bucket of batch) pipeline.hgetall(this.bucketKey(kind, bucket));
      const answers = (await pipeline.exec()) ?? [];
      const counts = answerOf(answers[0]) as Array<string | null>;
      const read = new Map<string, Map<string, string>>();
      batch.forEach((bucket, b) => {
        const entries = new Map(Object.entries(answerOf(answers[b + 1]) as Record<string, string>));
        const expected = Number(counts[b] ?? 0);
        if (entries.size !== expected) throw new MirrorIntegrityError(`${kind} of ${bucket}: ${entries.size} of ${expected}`);
        read.set(bucket, entries);
      });
      yield read;
    }
  }

  /** Stored figures (figures.ts JSON) of the accounts that have them. */
  async readFigures(accountIds: string[], name: 'figures' | 'whitespace' = 'figures'): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < accountIds.length; i += HSET_BATCH) {
      const batch = accountIds.slice(i, i + HSET_BATCH);
      const values = await this.redis.hmget(this.key(name), ...batch);
      batch.forEach((id, j) => {
        const value = values[j];
        if (value !== null && value !== undefined) found.set(id, value);
      });
    }
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

  private stagedBucketKey(kind: InputKind, token: string, bucket: string): string {
    return `${this.stagingKey(kind, token)}:acct:${bucket}`;
  }

  private stagedBucketsKey(kind: InputKind, token: string): string {
    return `${this.stagingKey(kind, token)}:buckets`;
  }

  /** Every key a run staged (or may have). */
  private stagedKeys(token: string): string[] {
    const keys = INPUT_KINDS.map((kind) => this.stagingKey(kind, token));
    for (const kind of ACCOUNT_KINDS) {
      keys.push(this.stagedBucketsKey(kind, token));
      for (const bucket of this.stagedBuckets.get(token)?.get(kind) ?? []) keys.push(this.stagedBucketKey(kind, token, bucket));
    }
    return keys;
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

  /** Adds entries to a run's staged mirror of one kind mirrored whole (see `stageMirror`). */
  async stageEntries(token: string, kind: InputKind, entries: Array<[string, string]>, ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const key = this.stagingKey(kind, token);
    await this.redis.multi().hset(key, ...entries.flat()).pexpire(key, ttlMs).exec();
  }

  /** Adds [id, bucket, JSON] entries to a run's staged mirror of a per-account kind (see `stageMirror`). */
  async stageBucketed(token: string, kind: InputKind, entries: Array<[string, string, string]>, ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const byBucket = new Map<string, string[]>();
    for (const [id, bucket, json] of entries) {
      const list = byBucket.get(bucket);
      if (list) list.push(id, json);
      else byBucket.set(bucket, [id, json]);
    }
    let staged = this.stagedBuckets.get(token);
    if (!staged) this.stagedBuckets.set(token, (staged = new Map()));
    let buckets = staged.get(kind);
    if (!buckets) staged.set(kind, (buckets = new Set()));
    const index = this.stagingKey(kind, token);
    const counts = this.stagedBucketsKey(kind, token);
    const tx = this.redis.multi();
    tx.hset(index, ...entries.flatMap(([id, bucket]) => [id, bucket])).pexpire(index, ttlMs);
    for (const [bucket, flat] of byBucket) {
      buckets.add(bucket);
      const key = this.stagedBucketKey(kind, token, bucket);
      tx.hset(key, ...flat).pexpire(key, ttlMs);
      tx.hincrby(counts, bucket, flat.length / 2);
    }
    tx.pexpire(counts, ttlMs);
    const result = await tx.exec();
    const failed = result?.find(([error]) => error);
    if (failed) throw failed[0] as Error;
  }

  /** Drops a run's staged mirror keys (a run that stops before its commit). */
  async dropStaged(token: string): Promise<void> {
    const keys = this.stagedKeys(token);
    for (let i = 0; i < keys.length; i += HSET_BATCH) await this.redis.del(...keys.slice(i, i + HSET_BATCH));
    this.stagedBuckets.delete(token);
  }

  /**
   * Writes watermark, mirror, figures and row hashes in one transaction, only while `token` holds
   * the lock. The run's own lock renewal (PEXPIRE) also aborts a transaction that WATCHes the lock,
   * which a commit of a large mirror (seconds) regularly meets: then, while the lock is still ours,
   * the transaction is simply sent again.
   */
  async commit(token: string, commit: Commit): Promise<void> {
    // WATCH belongs to a connection: on the shared one, any other command of this process between
    // WATCH and EXEC (a lock renewal, another run's reads) would share or clear it.
    const own = this.redis.duplicate();
    try {
      for (let attempt = 1; ; attempt++) {
        if (await this.commitOnce(own, token, commit)) break;
        if (attempt >= COMMIT_ATTEMPTS) throw new LockLostError();
      }
      this.stagedBuckets.delete(token);
    } finally {
      own.disconnect();
    }
  }

  /** One WATCH/MULTI/EXEC; false when EXEC was aborted by a change of a watched key. */
  private async commitOnce(redis: RedisConnection, token: string, commit: Commit): Promise<boolean> {
    const lockKey = this.key('lock');
    const staged = commit.staged ?? [];
    const stagedBuckets = this.stagedBuckets.get(token);
    // A staged per-account kind is many keys: each account's hash is checked against its count
    // before WATCH (few round trips inside it: a lock renewal there aborts the EXEC), and the
    // watch then catches a key lost since.
    for (const kind of staged.filter(isAccountKind)) {
      const counts = [...(await this.bucketCounts(this.stagedBucketsKey(kind, token)))];
      const total = counts.reduce((sum, [, n]) => sum + n, 0);
      const lengths = await this.hashLengths(counts.map(([bucket]) => this.stagedBucketKey(kind, token, bucket)));
      if (total !== commit.meta.counts[kind] || counts.some(([, count], i) => lengths[i] !== count)) throw new MirrorIntegrityError(`staged ${kind} by account: ${total} of ${commit.meta.counts[kind]}`);
    }
    // A replaced mirror drops every account hash it had (the lock keeps other runs from adding one).
    const liveBuckets = new Map<InputKind, string[]>();
    if (commit.mirrorMode === 'replace') for (const kind of ACCOUNT_KINDS) liveBuckets.set(kind, await this.redis.hkeys(this.bucketsKey(kind)));
    // The staged keys are watched too: one that expires or is evicted before EXEC aborts it.
    const watched = [lockKey, ...staged.map((kind) => this.stagingKey(kind, token))];
    for (const kind of staged.filter(isAccountKind)) {
      watched.push(this.stagedBucketsKey(kind, token), ...[...(stagedBuckets?.get(kind) ?? [])].map((bucket) => this.stagedBucketKey(kind, token, bucket)));
    }
    await redis.watch(...watched);
    try {
      const checks = redis.pipeline().get(lockKey);
      for (const kind of staged) checks.hlen(this.stagingKey(kind, token));
      const answers = (await checks.exec()) ?? [];
      if (answerOf(answers[0]) !== token) throw new LockLostError();
      staged.forEach((kind, i) => {
        const held = Number(answerOf(answers[i + 1]));
        if (held !== commit.meta.counts[kind]) throw new MirrorIntegrityError(`staged ${kind}: ${held} of ${commit.meta.counts[kind]}`);
      });
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
        const key = this.mirrorKey(kind);
        if (commit.mirrorMode === 'replace') {
          tx.del(key);
          if (isAccountKind(kind)) {
            for (const bucket of liveBuckets.get(kind) ?? []) tx.del(this.bucketKey(kind, bucket));
            tx.del(this.bucketsKey(kind));
          }
        }
        if (staged.includes(kind)) {
          tx.eval(INTO_PLACE, 2, this.stagingKey(kind, token), key);
          if (isAccountKind(kind)) {
            tx.eval(INTO_PLACE, 2, this.stagedBucketsKey(kind, token), this.bucketsKey(kind));
            for (const bucket of stagedBuckets?.get(kind) ?? []) tx.eval(INTO_PLACE, 2, this.stagedBucketKey(kind, token, bucket), this.bucketKey(kind, bucket));
          }
        }
        const changes = commit.mirror[kind];
        if (!changes) continue;
        if (isAccountKind(kind)) this.applyBucketed(tx, kind, changes);
        else {
          if (changes.remove.length > 0) tx.hdel(key, ...changes.remove);
          hsetBatched(tx, key, [...changes.set].flat());
        }
      }
      for (const name of ['figures', 'whitespace'] as const) {
        const figures = commit[name];
        if (!figures) continue;
        const figuresKey = this.key(name);
        if (figures.replace) tx.del(figuresKey);
        if (figures.remove.length > 0) tx.hdel(figuresKey, ...figures.remove);
        hsetBatched(tx, figuresKey, [...figures.set].flat());
      }
      const rowsKey = this.key('rows');
      if (commit.replaceRows) tx.del(rowsKey);
      hsetBatched(tx, rowsKey, [...commit.rows].flat());
      const result = await tx.exec();
      if (result === null) return false;
      const failed = result.find(([error]) => error);
      if (failed) throw failed[0] as Error;
      return true;
    } finally {
      await redis.unwatch();
    }
  }

  /** A per-account kind's changes: each record leaves its old account's hash for its new one, the index and the counts follow. */
  private applyBucketed(tx: ReturnType<RedisConnection['multi']>, kind: InputKind, changes: KindChanges): void {
    const from = changes.from ?? new Map<string, string>();
    const to = changes.to ?? new Map<string, string>();
    const leave = new Map<string, string[]>();
    const enter = new Map<string, string[]>();
    const delta = new Map<string, number>();
    const push = (groups: Map<string, string[]>, bucket: string, ...items: string[]) => {
      const list = groups.get(bucket);
      if (list) list.push(...items);
      else groups.set(bucket, [...items]);
    };
    const move = (bucket: string, by: number) => delta.set(bucket, (delta.get(bucket) ?? 0) + by);
    for (const id of changes.remove) {
      const old = from.get(id);
      if (old === undefined) continue;
      push(leave, old, id);
      move(old, -1);
    }
    for (const [id, json] of changes.set) {
      const bucket = to.get(id) ?? NO_ACCOUNT;
      const old = from.get(id);
      if (old !== bucket) {
        if (old !== undefined) {
          push(leave, old, id);
          move(old, -1);
        }
        move(bucket, 1);
      }
      push(enter, bucket, id, json);
    }
    const index = this.mirrorKey(kind);
    if (changes.remove.length > 0) tx.hdel(index, ...changes.remove);
    hsetBatched(tx, index, [...changes.set.keys()].flatMap((id) => [id, to.get(id) ?? NO_ACCOUNT]));
    for (const [bucket, ids] of leave) tx.hdel(this.bucketKey(kind, bucket), ...ids);
    for (const [bucket, flat] of enter) hsetBatched(tx, this.bucketKey(kind, bucket), flat);
    for (const [bucket, by] of delta) if (by !== 0) tx.hincrby(this.bucketsKey(kind), bucket, by);
  }

  /** Forgets everything (the next run is full). */
  async clear(): Promise<void> {
    const keys = [this.key('meta'), this.key('rows'), this.key('figures'), this.key('whitespace'), ...INPUT_KINDS.map((k) => this.mirrorKey(k))];
    for (const kind of ACCOUNT_KINDS) {
      keys.push(this.bucketsKey(kind), ...(await this.redis.hkeys(this.bucketsKey(kind))).map((bucket) => this.bucketKey(kind, bucket)));
    }
    for (let i = 0; i < keys.length; i += HSET_BATCH) await this.redis.del(...keys.slice(i, i + HSET_BATCH));
  }
}

/** HSETs of a flat [field, value, …] list in batches (one command per batch). */
function hsetBatched(tx: ReturnType<RedisConnection['multi']>, key: string, flat: string[]): void {
  for (let i = 0; i < flat.length; i += HSET_BATCH * 2) tx.hset(key, ...flat.slice(i, i + HSET_BATCH * 2));
}

/** The value of one pipeline answer; throws its error. */
function answerOf(answer: [Error | null, unknown] | undefined): unknown {
  const [error, value] = answer ?? [new Error('no answer'), null];
  if (error) throw error;
  return value;
}
