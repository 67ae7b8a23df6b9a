// The polling fallback for objects whose change events are not enabled: every interval one
// composite call (queryAll, deleted records included) asks each such object for the records
// stamped since the last answer's server time, less a short lookback (modstamps are to the
// second); records already seen at the same stamp are not reported twice.
import type { Logger } from '../logger';
import type { OrgClient, SfRecord } from '../salesforce/client';
import { dateTimeLiteral, selectFrom, toId18 } from '../salesforce/soql';
import type { RecordChange } from './affected';
import type { ChangeChannel } from './channels';

const LOOKBACK_MS = 2000;
const COMPOSITE_QUERIES = 5;

export class ChangePoller {
  private since: number;
  private readonly seen = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly client: OrgClient,
    private readonly channels: ChangeChannel[],
    private readonly intervalMs: number,
    private readonly onChanges: (changes: RecordChange[]) => void,
    private readonly logger: Logger
  ) {
    this.since = client.serverTime ?? Date.now();
  }

  start(): void {
    const tick = (): void => {
      this.running = this.poll()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'change poll failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, this.intervalMs);
  }

  /** One poll; returns the changes reported. */
  async poll(): Promise<RecordChange[]> {
    const from = dateTimeLiteral(new Date(this.since - LOOKBACK_MS));
    const query = (c: ChangeChannel) => ({ soql: selectFrom(c.object, ['Id', ...(c.accountField ? [c.accountField] : []), 'SystemModstamp'], `SystemModstamp >= ${from}`), includeDeleted: true });
    // A composite call takes five queries: more polled objects take more calls.
    const answers: Record<string, Awaited<ReturnType<OrgClient['compositeQueries']>>[string]> = {};
    // The next poll starts from the first call's clock: nothing stamped after it is missed.
    let answeredAt: number | null = null;
    for (let start = 0; start < this.channels.length; start += COMPOSITE_QUERIES) {
      const chunk = this.channels.slice(start, start + COMPOSITE_QUERIES);
      Object.assign(answers, await this.client.compositeQueries(Object.fromEntries(chunk.map((c) => [c.kind, query(c)]))));
      answeredAt ??= this.client.serverTime ?? Date.now();
    }
    answeredAt ??= this.client.serverTime ?? Date.now();
    const changes: RecordChange[] = [];
    for (const channel of this.channels) {
      const answer = answers[channel.kind]!;
      if ('errorCode' in answer) throw new Error(`${channel.object} poll: ${answer.errorCode}: ${answer.message}`);
      await this.client.drain(answer, (records: SfRecord[]) => {
        for (const record of records) {
          const id = toId18(String(record.Id));
          const stamp = String(record.SystemModstamp);
          if (this.seen.get(id) === stamp) continue;
          this.seen.set(id, stamp);
          const reference = channel.accountField ? ((record[channel.accountField] as string | null | undefined) ?? null) : undefined;
          changes.push({ kind: channel.kind, recordIds: [id], changeType: 'UPDATE', reference });
        }
      });
    }
    // Stamps older than the next lookback cannot come back.
    for (const [id, stamp] of this.seen) if (Date.parse(stamp) < answeredAt - 2 * LOOKBACK_MS) this.seen.delete(id);
    this.since = answeredAt;
    if (changes.length > 0) this.onChanges(changes);
    return changes;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
