// The org's event bus for change events: turns each committed transaction into change events
// (one per record, or one for several records when the same change hit them in one transaction,
// as the platform merges them), numbers them with replay ids, keeps them for the retention window
// and hands them to the CometD server. Under the `cdcGap` fault an event's data is lost and a
// gap event (GAP_<type>, header only) takes its place.
import crypto from 'node:crypto';
import type { Org } from '../org';
import type { RecordChange } from '../store/changes';
import { ALL_CHANGE_EVENTS, type ChangeEventChannels } from './channels';
import { changeBody, schemaId, type ChangeEventData } from './events';

export const RETENTION_MS = 72 * 3_600_000;

interface RetainedEvent {
  /** The single-object channel; every event is also on /data/ChangeEvents. */
  channel: string;
  storedAt: number;
  data: ChangeEventData;
}

export type Publish = (channel: string, data: ChangeEventData) => void;

export class ChangeEventBus {
  private readonly org: Org;
  private readonly channels: ChangeEventChannels;
  private readonly retentionMs: number;
  private readonly retained: RetainedEvent[] = [];
  private lastReplayId = 0;
  private commitNumber = 10_716_283_339_728;
  publish: Publish = () => undefined;

  constructor(org: Org, channels: ChangeEventChannels, retentionMs = RETENTION_MS) {
    this.org = org;
    this.channels = channels;
    this.retentionMs = retentionMs;
  }

  /** Store listener: one committed transaction. */
  onCommit(changes: RecordChange[]): void {
    const selected = changes.filter((c) => this.channels.channelOf(c.table.name) !== undefined);
    if (selected.length === 0) return;
    const transactionKey = crypto.randomUUID();
    const commitNumber = ++this.commitNumber;
    const commitTimestamp = this.org.store.clock.now();
    const referenceId = this.org.store.referenceId.bind(this.org.store);
    let sequenceNumber = 0;
    let previous: { key: string; data: ChangeEventData } | null = null;
    const built: Array<{ channel: string; data: ChangeEventData }> = [];
    for (const change of selected) {
      const { body, changedFields, nulledFields } = changeBody(change, referenceId);
      const recordId = change.table.id(change.row);
      const commitUser = this.org.userId(change.actor);
      const key = JSON.stringify([change.table.name, change.type, commitUser, change.origin, body]);
      if (previous && previous.key === key) {
        previous.data.payload.ChangeEventHeader.recordIds.push(recordId);
        continue;
      }
      const data: ChangeEventData = {
        schema: schemaId(change.table),
        payload: {
          ChangeEventHeader: {
            entityName: change.table.name,
            recordIds: [recordId],
            changeType: change.type,
            changeOrigin: change.origin ?? '',
            transactionKey,
            sequenceNumber: ++sequenceNumber,
            commitTimestamp,
            commitNumber,
            commitUser,
            nulledFields,
            diffFields: [],
            changedFields
          },
          ...body
        },
        event: { replayId: 0 }
      };
      previous = { key, data };
      built.push({ channel: this.channels.channelOf(change.table.name)!, data });
    }
    for (const { channel, data } of built) {
      data.event.replayId = ++this.lastReplayId;
      const event = this.org.faults?.gapEvent() ? toGap(data) : data;
      this.retained.push({ channel, storedAt: Date.now(), data: event });
      this.publish(channel, event);
      this.publish(ALL_CHANGE_EVENTS, event);
    }
    this.purge();
  }

  /**
   * The retained events of `channel` after `replayFrom` (-2: all retained, -1: none), or null when
   * the id names no retained event (expired or never issued).
   */
  replay(channel: string, replayFrom: number): ChangeEventData[] | null {
    this.purge();
    if (replayFrom === -1) return [];
    const first = this.retained[0]?.data.event.replayId;
    if (replayFrom !== -2 && (first === undefined || replayFrom < first || replayFrom > this.lastReplayId)) return null;
    return this.retained
      .filter((e) => e.data.event.replayId > replayFrom && (channel === ALL_CHANGE_EVENTS || e.channel === channel))
      .map((e) => e.data);
  }

  private purge(): void {
    const horizon = Date.now() - this.retentionMs;
    let expired = 0;
    while (expired < this.retained.length && this.retained[expired]!.storedAt < horizon) expired++;
    if (expired > 0) this.retained.splice(0, expired);
  }
}

/** A gap event: the header of the lost event with its type prefixed and no field data. */
function toGap(data: ChangeEventData): ChangeEventData {
  const header = data.payload.ChangeEventHeader;
  return {
    schema: data.schema,
    payload: {
      ChangeEventHeader: { ...header, changeType: `GAP_${header.changeType}` as ChangeEventData['payload']['ChangeEventHeader']['changeType'], changedFields: [], nulledFields: [], diffFields: [] }
    },
    event: data.event
  };
}
