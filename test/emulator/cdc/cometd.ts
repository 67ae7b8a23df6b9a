// The Streaming API's CometD endpoint (`/cometd/<version>`), served by faye's Bayeux server (the
// server side of the client jsforce uses), with a server extension that makes it answer as
// Salesforce does: OAuth on every request (`Authorization: OAuth|Bearer <token>`; a bad session is
// `403::Handshake denied` with `ext.sfdc.failureReason` on handshake and `401::Authentication
// invalid` elsewhere, both with `advice.reconnect: none`), long polling only, `ext.replay: true`
// on handshake, subscriptions only to the org's change event channels, the `replay` extension on
// subscribe (-1 new events, -2 all retained, or a retained replay id), and no client publishing.
// Delivered events respect the subscriber's access: events of objects they cannot read are not
// delivered, and fields they cannot read are left out of the body, as field-level security does.
// CometD requests are not counted against the REST API's daily request budget.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SfError } from '../errors';
import type { Org } from '../org';
import type { ChangeEventBus } from './bus';
import type { ChangeEventChannels } from './channels';
import type { ChangeEventData } from './events';

const COMETD_PATH = /^\/cometd\/(\d+\.\d)\/?$/;
/** Streaming API's socket timeout: a long poll is held up to 110 seconds. */
const LONG_POLL_SECONDS = 110;
const AUTH_INVALID = '401::Authentication invalid';
const HANDSHAKE_DENIED = '403::Handshake denied';

interface BayeuxMessage {
  channel: string;
  clientId?: string;
  subscription?: string | string[];
  error?: string;
  successful?: boolean;
  advice?: Record<string, unknown>;
  ext?: Record<string, unknown>;
  supportedConnectionTypes?: string[];
  data?: unknown;
}

type Next = (message: BayeuxMessage | null) => void;

/** What a user may see of an event: the object at all (field null), or one of its fields. */
export type EventVisibility = (userRow: number, entity: string, field: string | null) => boolean;

/** The part of faye's Node server (untyped JavaScript) this module uses. */
interface NodeAdapter {
  addExtension(extension: object): void;
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const faye = require('faye') as { NodeAdapter: new (options: { mount: string; timeout: number }) => NodeAdapter };

/** faye's in-memory engine keeps a per-client queue; replayed events go there, for one client only. */
interface MemoryEngine {
  _messages: Map<string, unknown[]>;
  emptyQueue(clientId: string): void;
}

export class CometdServer {
  private readonly adapter: NodeAdapter;
  private readonly org: Org;
  private readonly bus: ChangeEventBus;
  private readonly channels: ChangeEventChannels;
  /** clientId → channel → replay start, from a subscribe until its answer goes out. */
  private readonly pendingReplays = new Map<string, Map<string, number>>();
  /** The user behind each CometD client (for commit-user-aware tests and future permission checks). */
  readonly clientUsers = new Map<string, number>();

  private readonly visible: EventVisibility;

  constructor(org: Org, bus: ChangeEventBus, channels: ChangeEventChannels, visible: EventVisibility) {
    this.org = org;
    this.visible = visible;
    this.bus = bus;
    this.channels = channels;
    this.adapter = new faye.NodeAdapter({ mount: '/cometd', timeout: LONG_POLL_SECONDS });
    this.adapter.addExtension({
      incoming: (message: BayeuxMessage, request: IncomingMessage | null, next: Next) => this.incoming(message, request, next),
      outgoing: (message: BayeuxMessage, request: IncomingMessage | null, next: Next) => this.outgoing(message, request, next)
    });
    bus.publish = (channel, data) => this.publishEvent(channel, data);
  }

  /** Raw HTTP handler: takes `/cometd/<version>` requests. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith('/cometd')) return false;
    if (!COMETD_PATH.test(path)) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`API version in the URI is mandatory. URI format: '/cometd/64.0'`);
      return true;
    }
    this.adapter.handle(req, res);
    return true;
  }

  close(): void {
    this.adapter.close();
  }

  private publishEvent(channel: string, data: ChangeEventData): void {
    // The engine's publish reaches only subscribed clients and skips the extensions (no auth check).
    (this.adapter as unknown as { _server: { _engine: { publish(message: unknown): void } } })._server._engine.publish({ channel, data });
  }

  private authenticated(request: IncomingMessage | null): number | null {
    if (!request) return null;
    try {
      return this.org.authenticate(request.headers.authorization).userRow;
    } catch (error) {
      if (error instanceof SfError) return null;
      throw error;
    }
  }

  private incoming(message: BayeuxMessage, request: IncomingMessage | null, next: Next): void {
    const user = this.authenticated(request);
    if (message.channel === '/meta/handshake') {
      if (user === null) message.error = HANDSHAKE_DENIED;
      return next(message);
    }
    if (user === null) {
      message.error = AUTH_INVALID;
      return next(message);
    }
    if (message.channel === '/meta/subscribe') {
      message.error = this.checkSubscription(message) ?? undefined;
      return next(message);
    }
    if (!message.channel.startsWith('/meta/')) message.error = `403:${message.channel}:Publish denied`;
    next(message);
  }

  /** The Bayeux error for a subscribe request, or null when it may go ahead. */
  private checkSubscription(message: BayeuxMessage): string | null {
    const channels = typeof message.subscription === 'string' ? [message.subscription] : (message.subscription ?? []);
    if (channels.length === 0) return '400::Channel name not specified';
    const replay = (message.ext?.replay ?? {}) as Record<string, unknown>;
    for (const channel of channels) {
      if (!channel.startsWith('/')) return `400::Channel subscriptions must start with a leading '/'`;
      if (!this.channels.exists(channel)) return `400::The channel you requested to subscribe to does not exist {${channel}}`;
      const from = replay[channel];
      if (from === undefined || from === null) continue;
      const replayId = Number(from);
      if (!Number.isInteger(replayId) || this.bus.replay(channel, replayId) === null) {
        return `400::The replayId {${String(from)}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;
      }
      if (message.clientId) {
        const pending = this.pendingReplays.get(message.clientId) ?? new Map<string, number>();
        pending.set(channel, replayId);
        this.pendingReplays.set(message.clientId, pending);
      }
    }
    return null;
  }

  private outgoing(message: BayeuxMessage, request: IncomingMessage | null, next: Next): void {
    if (message.error === HANDSHAKE_DENIED) {
      message.ext = { sfdc: { failureReason: AUTH_INVALID } };
      message.advice = { reconnect: 'none' };
    } else if (message.error === AUTH_INVALID) {
      message.advice = { reconnect: 'none', interval: 0 };
    } else if (message.error && /^401:[^:]*:Unknown client$/.test(message.error)) {
      message.error = '403::Unknown client';
      message.advice = { reconnect: 'handshake', interval: 0 };
    }
    if (message.channel === '/meta/handshake' && message.successful) {
      message.supportedConnectionTypes = ['long-polling'];
      message.ext = { replay: true, 'payload.format': true };
      const user = this.authenticated(request);
      if (message.clientId && user !== null) this.clientUsers.set(message.clientId, user);
    }
    if (!message.channel.startsWith('/meta/') && message.data !== undefined) return next(this.forSubscriber(message, request));
    if (message.channel === '/meta/subscribe' && message.clientId) {
      const pending = this.pendingReplays.get(message.clientId);
      this.pendingReplays.delete(message.clientId);
      if (pending && message.successful) this.deliverReplay(message.clientId, pending);
    }
    next(message);
  }

  /** An event as the polling user may see it, or null when they may not read its object. */
  private forSubscriber(message: BayeuxMessage, request: IncomingMessage | null): BayeuxMessage | null {
    const user = this.authenticated(request);
    const data = message.data as ChangeEventData;
    const entity = data.payload.ChangeEventHeader.entityName;
    if (user === null || !this.visible(user, entity, null)) return null;
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data.payload)) {
      if (key === 'ChangeEventHeader') payload[key] = value;
      else if (value !== null && typeof value === 'object') {
        // Compound fields: Name: {FirstName…} holds FirstName…, BillingAddress: {City…} BillingCity….
        const prefix = key.endsWith('Address') ? key.slice(0, -'Address'.length) : '';
        const parts = Object.entries(value as Record<string, unknown>).filter(([part]) => this.visible(user, entity, `${prefix}${part}`));
        if (parts.length > 0) payload[key] = Object.fromEntries(parts);
      } else if (this.visible(user, entity, key)) payload[key] = value;
    }
    return { ...message, data: { ...data, payload } };
  }

  /** Queues the retained events a subscription asked for, to go out on the client's next connect. */
  private deliverReplay(clientId: string, pending: Map<string, number>): void {
    const engine = (this.adapter as unknown as { _server: { _engine: { _engine: MemoryEngine } } })._server._engine._engine;
    for (const [channel, from] of pending) {
      const events = this.bus.replay(channel, from) ?? [];
      if (events.length === 0) continue;
      const queue = engine._messages.get(clientId) ?? [];
      for (const data of events) queue.push({ channel, data: structuredClone(data) });
      engine._messages.set(clientId, queue);
    }
    engine.emptyQueue(clientId);
  }
}
