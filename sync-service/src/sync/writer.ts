// The writer: metric rows out to Salesforce, 200 rows a call by external id. Before every call (and
// after the last) it checks the fence (the run still holds the sync lock): a run that lost the lock
// stops writing, and forgets the hashes of the batch it sent last, which may have landed after
// another run's newer rows.
import type { Logger } from '../logger';
import { COLLECTION_LIMIT, type OrgClient, type RecordFailure, type SfRecord } from '../salesforce/client';
import { accountRowKey, programRowKey, type RowDiff } from './rowHash';

/** Throws when the run may no longer write (it lost the lock). */
export interface Fence {
  check(): Promise<void>;
  /** Rows written just before the fence closed: another run may have written them since, so their hashes no longer tell the truth. */
  forget(rowKeys: string[]): Promise<void>;
}

export interface WriteOutcome {
  /** Hash of every row Salesforce confirmed, by row key. */
  written: Map<string, string>;
  /** Failed rows, keyed `<object>:<external key>`. */
  failures: RecordFailure[];
  /** Row keys (A:/P:) of the failed rows. */
  failedKeys: Set<string>;
}

interface Target {
  object: string;
  externalId: string;
  rows: SfRecord[];
  rowKey: (external: string) => string;
}

export class MetricWriter {
  constructor(
    private readonly client: OrgClient,
    private readonly fence: Fence,
    private readonly logger: Logger
  ) {}

  /** `currency`: the corporate currency the rows are in, or null in an org without CurrencyIsoCode. */
  async write(diff: RowDiff, currency: string | null, computedAt = new Date().toISOString()): Promise<WriteOutcome> {
    const stamp = currency === null ? { Computed_At__c: computedAt } : { Computed_At__c: computedAt, CurrencyIsoCode: currency };
    const outcome: WriteOutcome = { written: new Map(), failures: [], failedKeys: new Set() };
    const targets: Target[] = [
      { object: 'Account_Metric__c', externalId: 'Snapshot_Key__c', rows: diff.accountRows as unknown as SfRecord[], rowKey: (k) => accountRowKey({ Snapshot_Key__c: k }) },
      { object: 'Program_Metric__c', externalId: 'Period_Key__c', rows: diff.programRows as unknown as SfRecord[], rowKey: (k) => programRowKey({ Period_Key__c: k }) }
    ];
    let lastBatch: string[] = [];
    for (const target of targets) {
      for (let start = 0; start < target.rows.length; start += COLLECTION_LIMIT) {
        await this.checkFence(lastBatch);
        const batch = target.rows.slice(start, start + COLLECTION_LIMIT).map((row) => ({ ...row, ...stamp }));
        const result = await this.client.upsert(target.object, target.externalId, batch);
        lastBatch = result.written.map(target.rowKey);
        for (const rowKey of lastBatch) outcome.written.set(rowKey, diff.hashes.get(rowKey)!);
        for (const failure of result.failures) {
          outcome.failures.push({ ...failure, key: `${target.object}:${failure.key}` });
          outcome.failedKeys.add(target.rowKey(failure.key));
        }
      }
    }
    await this.checkFence(lastBatch);
    if (outcome.failures.length > 0) this.logger.warn({ failures: outcome.failures.slice(0, 20), count: outcome.failures.length }, 'metric rows failed to write');
    return outcome;
  }

  /** Stops the run when the fence has closed, forgetting the hashes of the batch sent last. */
  private async checkFence(lastBatch: string[]): Promise<void> {
    try {
      await this.fence.check();
    } catch (error) {
      await this.fence.forget(lastBatch);
      throw error;
    }
  }
}
