// The subscription to change events, through jsforce's streaming client (faye over CometD long
// polling). jsforce's own Replay extension holds one channel and overwrites the subscribe
// message's whole `ext.replay` map, so several of them on one client clobber each other; this
// module's extension keeps one replay id per channel on a single client (one long poll for every
// channel). faye resubscribes by itself after a re-handshake, from the replay ids held here.
import type { Connection } from 'jsforce';
import type { Logger } from '../logger';

export interface ChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: string;
  commitTimestamp: number;
  nulledFields?: string[];
  changedFields?: string[];
}

export interface ChangeEventMessage {
  payload: { ChangeEventHeader: ChangeEventHeader } & Record<string, unknown>;
  event: { replayId: number };
}

export type ChannelState = 'connecting' | 'subscribed' | 'not enabled' | 'down';

export interface StreamHandlers {
  onEvent(channel: string, event: ChangeEventMessage): void;
  /** Events may have been missed (expired replay id, lost connection): an incremental run catches up. */
  onLost(reason: string): void;
}

interface BayeuxMessage {
  channel: string;
  subscription?: string | string[];
  successful?: boolean;
  error?: string;
  advice?: { reconnect?: string };
  ext?: Record<string, unknown>;
}

type Callback = (message: BayeuxMessage) => void;

/** The part of faye's client (untyped JavaScript) used here. */
interface FayeClient {
  subscribe(channel: string, listener: (message: ChangeEventMessage) => void): PromiseLike<unknown> & { cancel(): void };
  disconnect(): PromiseLike<unknown> | undefined;
  on(event: 'transport:down' | 'transport:up', listener: () => void): void;
}

const NOT_ENABLED = /does not exist/i;
const BAD_REPLAY_ID = /replayId .* invalid/i;

export class ChangeStream {
  private client: FayeClient | null = null;
  private readonly states = new Map<string, ChannelState>();
  private readonly replayFrom: Map<string, number>;
  private stopped = false;
  private down = false;
  private handshakes = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly conn: Connection,
    private readonly channels: string[],
    replayFrom: Map<string, number>,
    private readonly handlers: StreamHandlers,
    private readonly logger: Logger,
    private readonly retryMs = 5000
  ) {
    this.replayFrom = new Map(replayFrom);
    for (const channel of channels) this.states.set(channel, 'connecting');
  }

  state(channel: string): ChannelState {
    return this.states.get(channel) ?? 'down';
  }

  /** Subscribes every channel; answers those whose objects have no change events enabled. */
  async start(): Promise<string[]> {
    this.client = this.conn.streaming.createClient([this.extension()]) as unknown as FayeClient;
    this.client.on('transport:down', () => {
      if (this.stopped || this.down) return;
      this.down = true;
      for (const [channel, state] of this.states) if (state === 'subscribed') this.states.set(channel, 'down');
      this.logger.warn('change event connection lost');
    });
    this.client.on('transport:up', () => {
      if (!this.down) return;
      this.down = false;
      for (const [channel, state] of this.states) if (state === 'down') this.states.set(channel, 'subscribed');
      this.logger.info('change event connection back');
      this.handlers.onLost('connection lost');
    });
    const notEnabled: string[] = [];
    for (const channel of this.channels) if ((await this.subscribe(channel)) === 'not enabled') notEnabled.push(channel);
    if ([...this.states.values()].includes('down')) this.restart('subscription failed');
    return notEnabled;
  }

  private async subscribe(channel: string): Promise<ChannelState> {
    const client = this.client!;
    try {
      await client.subscribe(channel, (event) => {
        if (typeof event?.event?.replayId === 'number') this.replayFrom.set(channel, event.event.replayId);
        this.handlers.onEvent(channel, event);
      });
      this.states.set(channel, 'subscribed');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (NOT_ENABLED.test(message)) this.states.set(channel, 'not enabled');
      else if (BAD_REPLAY_ID.test(message)) {
        // Older than the retention window: start from new events; the run catches up from the watermarks.
        this.logger.warn({ channel, replayId: this.replayFrom.get(channel) }, 'change event replay id expired: resubscribing from new events');
        this.replayFrom.set(channel, -1);
        this.handlers.onLost('replay id expired');
        return this.subscribe(channel);
      } else {
        this.states.set(channel, 'down');
        this.logger.warn({ channel, err: error }, 'change event subscription failed');
      }
    }
    return this.states.get(channel)!;
  }

  /** Replay ids on subscribe, per channel; auth failures and refused re-subscriptions seen. */
  private extension(): object {
    return {
      outgoing: (message: BayeuxMessage, callback: Callback) => {
        if (message.channel === '/meta/subscribe' && typeof message.subscription === 'string') {
          const from = this.replayFrom.get(message.subscription) ?? -1;
          message.ext = { ...message.ext, replay: { [message.subscription]: from } };
        }
        callback(message);
      },
      incoming: (message: BayeuxMessage, callback: Callback) => {
        if (message.channel === '/meta/handshake' && message.successful && ++this.handshakes > 1) {
          // A new CometD session (the server forgot the client): faye resubscribes from the held replay ids.
          this.logger.info('change event session renewed');
        }
        if ((message.channel === '/meta/handshake' || message.channel === '/meta/connect') && message.advice?.reconnect === 'none') {
          // The session expired: faye gives up; sign in again and start a new client.
          this.restart('session refused');
          return;
        }
        if (message.channel === '/meta/subscribe' && message.successful === false && typeof message.subscription === 'string' && BAD_REPLAY_ID.test(message.error ?? '')) {
          this.replayFrom.set(message.subscription, -1);
        }
        callback(message);
      }
    };
  }

  private restart(reason: string): void {
    if (this.stopped || this.retry) return;
    for (const channel of this.channels) if (this.states.get(channel) === 'subscribed') this.states.set(channel, 'down');
    this.logger.warn({ reason }, 'change event subscription lost: reconnecting');
    const old = this.client;
    this.client = null;
    void Promise.resolve(old?.disconnect()).catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.reconnect().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'change event reconnect failed');
        this.restart('reconnect failed');
      });
    }, this.retryMs);
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    // jsforce refreshes the session through the connection's refresh function (no API call).
    const delegate = (this.conn as unknown as { _refreshDelegate?: { refresh(since: number): Promise<unknown> } })._refreshDelegate;
    await delegate?.refresh(Date.now());
    await this.start();
    if (!this.retry) this.handlers.onLost('subscription lost');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await Promise.resolve(this.client?.disconnect()).catch(() => undefined);
    this.client = null;
  }
}
