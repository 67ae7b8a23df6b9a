// Live freshness: change events (or polls, for objects without them) become account runs within
// moments. Changes are gathered for a short quiet period, their accounts resolved against the
// mirror (old and new account of a moved record), and one 'accounts' job queued; a gap event, an
// expired replay id, a lost subscription or a change no account can be found for queues an
// incremental run instead. The replay ids are saved once the job they led to is queued, so a
// restart replays what was not yet acted on. The cron run stays the safety net.
import type { RedisConnection } from '../redis';
import type { Logger } from '../logger';
import { MAX_EVENT_ACCOUNTS } from '../queue/jobs';
import { enqueueSync, type SyncQueue } from '../queue/queue';
import type { OrgClient } from '../salesforce/client';
import type { SyncState } from '../sync/state';
import { affectedAccounts, type RecordChange } from './affected';
import { ChangePoller } from './changePoller';
import { ChangeStream, type ChangeEventMessage, type ChannelState } from './changeStream';
import { changeChannels, channelName, type ChangeChannel } from './channels';
import { ReplayIds } from './replayIds';

export interface FreshnessSettings {
  /** Quiet period after the last change before the run is queued. */
  debounceMs: number;
  /** Polling interval for objects without change events. */
  pollMs: number;
}

export interface FreshnessObserver {
  event(object: string, changeType: string, lagMs: number): void;
  queued(mode: 'accounts' | 'incremental', reason: string): void;
}

/** The Sync_Request__c change events: a new request nudges the poller (see queue/poller.ts). */
export interface SyncRequestListener {
  nudge(): void;
  listening(subscribed: boolean): void;
}

export const SYNC_REQUEST_CHANNEL = channelName('Sync_Request__c');

export interface FreshnessDeps {
  getClient(): Promise<OrgClient>;
  redis: RedisConnection;
  prefix: string;
  state: SyncState;
  queue: SyncQueue;
  logger: Logger;
  settings: FreshnessSettings;
  observer?: FreshnessObserver;
  syncRequests?: SyncRequestListener;
}

export type SubscriptionState = ChannelState | 'polling' | 'starting';

/** A debounce that still fires during an endless stream of changes. */
const MAX_WAIT_FACTOR = 5;

export class Freshness {
  private readonly channels: ChangeChannel[] = changeChannels();
  private stream: ChangeStream | null = null;
  private poller: ChangePoller | null = null;
  private replay: ReplayIds | null = null;
  private polled = new Set<string>();
  private started = false;
  private pending: RecordChange[] = [];
  private replayIds = new Map<string, number>();
  private incremental: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt = 0;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;
  private failed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly deps: FreshnessDeps) {}

  /**
   * Subscribes (or polls) every object the sync reads; resolves once listening. A failure (the org
   * or Redis not answering) is retried every `retryMs` in the background; until then /readyz says so.
   */
  start(retryMs = 10_000): Promise<void> {
    return this.listen().catch((error: unknown) => {
      this.failed = true;
      this.deps.logger.error({ err: error }, 'could not listen for changes: retrying (the cron run keeps the metrics fresh meanwhile)');
      if (this.stopped) return;
      return new Promise<void>((resolve) => {
        this.retry = setTimeout(() => resolve(this.start(retryMs)), retryMs);
      });
    });
  }

  private async listen(): Promise<void> {
    const client = await this.deps.getClient();
    const orgId = client.organizationId;
    this.replay = new ReplayIds(this.deps.redis, this.deps.prefix, orgId);
    const stored = await this.replay.all();
    const byChannel = new Map(this.channels.map((c) => [c.channel, c]));
    const requests = this.deps.syncRequests;
    // Its replay id is not kept: a (re)subscription nudges one poll, which finds what was missed.
    stored.delete(SYNC_REQUEST_CHANNEL);
    this.stream = new ChangeStream(
      client.conn,
      [...this.channels.map((c) => c.channel), ...(requests ? [SYNC_REQUEST_CHANNEL] : [])],
      stored,
      {
        onEvent: (channel, event) => (channel === SYNC_REQUEST_CHANNEL ? this.onSyncRequest(event) : this.onEvent(byChannel.get(channel)!, event)),
        onLost: (reason) => {
          this.catchUp(reason);
          requests?.nudge();
        }
      },
      this.deps.logger
    );
    const notEnabled = await this.stream.start();
    if (this.stopped) return this.stream.stop();
    requests?.listening(!notEnabled.includes(SYNC_REQUEST_CHANNEL));
    notEnabled.splice(0, notEnabled.length, ...notEnabled.filter((channel) => channel !== SYNC_REQUEST_CHANNEL));
    this.polled = new Set(notEnabled);
    if (notEnabled.length > 0) {
      this.deps.logger.info({ channels: notEnabled, intervalMs: this.deps.settings.pollMs }, 'change events not enabled: polling these objects');
      this.poller = new ChangePoller(client, this.channels.filter((c) => this.polled.has(c.channel)), this.deps.settings.pollMs, (changes) => this.add(changes), this.deps.logger);
      this.poller.start();
    }
    this.started = true;
    this.failed = false;
    // Changes made while nothing listened (first start, or objects polled from now on) are read once.
    if (this.channels.some((c) => !stored.has(c.channel)) || notEnabled.length > 0) this.catchUp('started without replay ids');
    this.deps.logger.info({ subscribed: this.channels.length - notEnabled.length, polled: notEnabled.length, resumed: stored.size }, 'listening for changes');
  }

  /** Each channel's state: subscribed, polling, connecting, down. */
  status(): Record<string, SubscriptionState> {
    return Object.fromEntries(
      this.channels.map((c) => [c.channel, !this.started ? (this.failed ? 'down' : 'starting') : this.polled.has(c.channel) ? 'polling' : (this.stream?.state(c.channel) ?? 'down')])
    );
  }

  /** False when a subscription is down (a channel neither subscribed nor polled). */
  healthy(): boolean {
    return Object.values(this.status()).every((state) => state === 'subscribed' || state === 'polling' || state === 'starting');
  }

  private onEvent(channel: ChangeChannel, event: ChangeEventMessage): void {
    const header = event.payload.ChangeEventHeader;
    this.deps.observer?.event(channel.object, header.changeType, Date.now() - header.commitTimestamp);
    this.replayIds.set(channel.channel, Math.max(event.event.replayId, this.replayIds.get(channel.channel) ?? -1));
    if (header.changeType.startsWith('GAP_')) {
      // The event's data was lost (the platform could not build it): read the changes instead.
      this.catchUp('gap event');
      return;
    }
    const reference = channel.accountField === null ? undefined : (event.payload[channel.accountField] as string | null | undefined);
    this.add([{ kind: channel.kind, recordIds: header.recordIds, changeType: header.changeType, reference }]);
  }

  /** A new request, or one set back to Pending (the service's own status updates are not news). */
  private onSyncRequest(event: ChangeEventMessage): void {
    const { changeType } = event.payload.ChangeEventHeader;
    if (changeType === 'CREATE' || changeType === 'UNDELETE' || changeType.startsWith('GAP_') || event.payload.Status__c === 'Pending') this.deps.syncRequests?.nudge();
  }

  private add(changes: RecordChange[]): void {
    this.pending.push(...changes);
    this.schedule();
  }

  private catchUp(reason: string): void {
    this.incremental ??= reason;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = Date.now();
    if (!this.timer) this.firstPendingAt = now;
    else clearTimeout(this.timer);
    const wait = Math.min(this.deps.settings.debounceMs, Math.max(0, this.firstPendingAt + MAX_WAIT_FACTOR * this.deps.settings.debounceMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, wait);
  }

  /** Queues the run the gathered changes need, then saves the replay ids that led to it. */
  private async flush(): Promise<void> {
    const changes = this.pending.splice(0);
    const replayIds = this.replayIds;
    this.replayIds = new Map();
    const reason = this.incremental;
    this.incremental = null;
    try {
      const run = reason ? null : await this.accountsToRun(changes);
      if (run === 'incremental' || reason) {
        await enqueueSync(this.deps.queue, { mode: 'incremental' });
        this.deps.observer?.queued('incremental', reason ?? 'unresolved changes');
        this.deps.logger.info({ reason: reason ?? 'changes without a known account', changes: changes.length }, 'changes: incremental run queued');
      } else if (run && run.length > 0) {
        await enqueueSync(this.deps.queue, { mode: 'accounts', accountIds: run });
        this.deps.observer?.queued('accounts', 'changes');
        this.deps.logger.info({ accounts: run.length, changes: changes.length }, 'changes: account run queued');
      }
      await this.replay?.save(replayIds);
    } catch (error) {
      // Redis or the org did not answer: keep everything for the next try.
      this.deps.logger.warn({ err: error }, 'could not queue the run for changes: retrying');
      this.pending.unshift(...changes);
      for (const [channel, id] of replayIds) this.replayIds.set(channel, Math.max(id, this.replayIds.get(channel) ?? -1));
      this.incremental ??= reason;
      if (!this.stopped) setTimeout(() => this.schedule(), 1000).unref();
    }
  }

  /** The accounts to recompute, or 'incremental' when some change has no account the mirror can name. */
  private async accountsToRun(changes: RecordChange[]): Promise<string[] | 'incremental'> {
    if (changes.length === 0) return [];
    const client = await this.deps.getClient();
    const state = this.deps.state.forOrg(client.organizationId);
    if (!(await state.readMeta())) return 'incremental';
    const { accounts, unresolved } = await affectedAccounts(changes, (kind, ids) => state.mirrorEntries(kind, ids));
    if (unresolved > 0 || accounts.size > MAX_EVENT_ACCOUNTS) return 'incremental';
    return [...accounts];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.timer) {
      // Changes already received are queued now rather than replayed after the restart.
      clearTimeout(this.timer);
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }
    await this.flushing;
    await this.poller?.stop();
    await this.stream?.stop();
    this.deps.syncRequests?.listening(false);
  }
}
