// The writer: metric rows out to Salesforce by external id. An object with more rows than the
// bulk threshold goes through one Bulk API 2.0 ingest job; smaller sets through sObject
// Collections, 200 rows a call. Rows that fail for a passing reason (a locked record, a row the
// Bulk job did not reach) are sent again with backoff; the rest are reported by key.
//
// Progress is kept as it is made: the hashes of the rows each call confirms are saved at once, so a
// run stopped by the budget does not write them again. Before every call (and after the last) it
// checks the fence (the run still holds the sync lock): a run that lost the lock stops writing,
// and forgets the hashes of the call it sent last, which may have landed after another run's
// newer rows.
import type { Logger } from '../logger';
import { bulkUpsert, UNPROCESSED } from '../salesforce/bulkIngest';
import { COLLECTION_LIMIT, describeError, type OrgClient, type RecordFailure, type SfRecord, type UpsertOutcome } from '../salesforce/client';
import { ApiBudgetExhaustedError, isTransientRecordCode } from '../salesforce/errors';
import { backoffDelay } from '../salesforce/retry';
import type { AlertRow } from './alertPlan';
import type { SponsorRow } from './engagementPlan';
import { accountRowKey, cellRowKey, programRowKey, type RowDiff } from './rowHash';

/** Throws when the run may no longer write (it lost the lock). */
export interface Fence {
  check(): Promise<void>;
  /** Rows written just before the fence closed: another run may have written them since, so their hashes no longer tell the truth. */
  forget(rowKeys: string[]): Promise<void>;
}

export interface WriterOptions {
  /** Objects with more rows to write than this go through a Bulk API 2.0 ingest job. */
  bulkThreshold: number;
  /** Keeps the hashes of rows Salesforce confirmed, as each call confirms them. */
  save(hashes: Map<string, string>): Promise<void>;
}

export interface WriteOutcome {
  /** Hash of every row Salesforce confirmed, by row key. */
  written: Map<string, string>;
  /** Failed rows, keyed `<object>:<external key>`. */
  failures: RecordFailure[];
  /** Row keys (A:/P:/W:) of the failed rows. */
  failedKeys: Set<string>;
}

interface Target {
  object: string;
  externalId: string;
  rows: SfRecord[];
  rowKey: (external: string) => string;
}

/** A failure worth sending again in this run. */
function isPassing(failure: RecordFailure): boolean {
  return failure.code === UNPROCESSED || isTransientRecordCode(failure.code);
}

export class MetricWriter {
  /** Row keys confirmed by the last call (forgotten if the fence turns out closed). */
  private lastBatch: string[] = [];

  constructor(
    private readonly client: OrgClient,
    private readonly fence: Fence,
    private readonly logger: Logger,
    private readonly options: WriterOptions
  ) {}

  /** `currency`: the corporate currency the rows are in, or null in an org without CurrencyIsoCode. */
  async write(diff: RowDiff, currency: string | null, computedAt = new Date().toISOString()): Promise<WriteOutcome> {
    const stamp = currency === null ? { Computed_At__c: computedAt } : { Computed_At__c: computedAt, CurrencyIsoCode: currency };
    const outcome: WriteOutcome = { written: new Map(), failures: [], failedKeys: new Set() };
    const targets: Target[] = [
      { object: 'Account_Metric__c', externalId: 'Snapshot_Key__c', rows: diff.accountRows as unknown as SfRecord[], rowKey: (k) => accountRowKey({ Snapshot_Key__c: k }) },
      { object: 'Program_Metric__c', externalId: 'Period_Key__c', rows: diff.programRows as unknown as SfRecord[], rowKey: (k) => programRowKey({ Period_Key__c: k }) },
      { object: 'Whitespace_Cell__c', externalId: 'Cell_Key__c', rows: diff.cellRows as unknown as SfRecord[], rowKey: (k) => cellRowKey({ Cell_Key__c: k }) }
    ];
    this.lastBatch = [];
    for (const target of targets) {
      const rows = target.rows.map((row) => ({ ...row, ...stamp }));
      if (rows.length > this.options.bulkThreshold) await this.send(target, rows, diff, outcome);
      else for (let start = 0; start < rows.length; start += COLLECTION_LIMIT) await this.send(target, rows.slice(start, start + COLLECTION_LIMIT), diff, outcome);
    }
    await this.checkFence();
    if (outcome.failures.length > 0) this.logger.warn({ failures: outcome.failures.slice(0, 20), count: outcome.failures.length }, 'metric rows failed to write');
    return outcome;
  }

  /** Updates sponsorships' derived fields (see `updateDerived`). */
  updateSponsors(rows: SponsorRow[]): Promise<{ written: Set<string>; failures: RecordFailure[] }> {
    return this.updateDerived('Executive_Sponsor__c', rows);
  }

  /** Updates stakeholders' change-alert fields (see `updateDerived`). */
  updateStakeholders(rows: AlertRow[]): Promise<{ written: Set<string>; failures: RecordFailure[] }> {
    return this.updateDerived('Stakeholder__c', rows);
  }

  /**
   * Updates derived fields of people's records by Id, 200 a call behind the fence (the service
   * never creates one). Returns the ids that landed and the failures, keyed `<object>:<Id>`; a call
   * that fails as a whole fails each of its rows.
   */
  private async updateDerived(object: string, rows: ReadonlyArray<{ Id: string }>): Promise<{ written: Set<string>; failures: RecordFailure[] }> {
    const written = new Set<string>();
    const failures: RecordFailure[] = [];
    this.lastBatch = [];
    for (let start = 0; start < rows.length; start += COLLECTION_LIMIT) {
      await this.checkFence();
      const batch = rows.slice(start, start + COLLECTION_LIMIT).map((row): { Id: string } & SfRecord => ({ ...row }));
      const failed = await this.client.update(object, batch).catch((error: unknown) => {
        if (error instanceof ApiBudgetExhaustedError) throw error;
        return batch.map((row) => ({ key: row.Id, message: describeError(error) }));
      });
      const failedIds = new Set(failed.map((f) => f.key));
      for (const row of batch) if (!failedIds.has(row.Id)) written.add(row.Id);
      for (const failure of failed) failures.push({ ...failure, key: `${object}:${failure.key}` });
    }
    await this.checkFence();
    if (failures.length > 0) this.logger.warn({ object, failures: failures.slice(0, 20), count: failures.length }, 'derived fields failed to update');
    return { written, failures };
  }

  /** One call (a collection or a Bulk job), then the rows that failed for a passing reason again, with backoff. */
  private async send(target: Target, rows: SfRecord[], diff: RowDiff, outcome: WriteOutcome): Promise<void> {
    const policy = this.client.retryPolicy;
    let pending = rows;
    for (let retry = 0; ; retry++) {
      await this.checkFence();
      const result = await this.upsert(target, pending);
      this.lastBatch = result.written.map(target.rowKey);
      const confirmed = new Map(this.lastBatch.map((rowKey) => [rowKey, diff.hashes.get(rowKey)!]));
      for (const [rowKey, hash] of confirmed) outcome.written.set(rowKey, hash);
      await this.options.save(confirmed);
      const again = result.failures.filter(isPassing);
      const failed = retry < policy.attempts ? result.failures.filter((f) => !isPassing(f)) : result.failures;
      for (const failure of failed) {
        outcome.failures.push({ ...failure, key: `${target.object}:${failure.key}` });
        outcome.failedKeys.add(target.rowKey(failure.key));
      }
      if (again.length === 0 || retry >= policy.attempts) return;
      const delayMs = backoffDelay(retry + 1, policy);
      this.logger.warn({ object: target.object, rows: again.length, retry: retry + 1, delayMs, first: again[0]!.message }, 'metric rows to send again');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const keys = new Set(again.map((f) => f.key));
      pending = pending.filter((row) => keys.has(String(row[target.externalId])));
    }
  }

  /** The call for `rows`; a call that fails as a whole (after the client's retries) fails each of its rows. */
  private async upsert(target: Target, rows: SfRecord[]): Promise<UpsertOutcome> {
    if (rows.length <= this.options.bulkThreshold) return this.client.upsert(target.object, target.externalId, rows);
    try {
      return await bulkUpsert(this.client, target.object, target.externalId, rows);
    } catch (error) {
      if (error instanceof ApiBudgetExhaustedError) throw error;
      const message = describeError(error);
      return { written: [], failures: rows.map((row) => ({ key: String(row[target.externalId]), message })) };
    }
  }

  /** Stops the run when the fence has closed, forgetting the hashes of the call sent last. */
  private async checkFence(): Promise<void> {
    try {
      await this.fence.check();
    } catch (error) {
      await this.fence.forget(this.lastBatch);
      throw error;
    }
  }
}
