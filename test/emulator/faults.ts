// Fault injection for the data API, deterministic from the seed (each request draws the same
// number of random values in arrival order).
//
// Spec: comma-separated `name=value`:
//   latency=<ms>@<p>   add <ms> of latency to a fraction <p> of calls (p defaults to 1)
//   error500=<p>       answer 500 UNKNOWN_EXCEPTION to a fraction <p> of calls
//   error503=<p>       answer 503 SERVER_UNAVAILABLE to a fraction <p> of calls
//   drop=<p>           process the call, then destroy the socket instead of answering (a CSV
//                      answer, a Bulk results page, halfway through its body)
//   expireEvery=<n>    every <n>-th call finds its session expired (401 INVALID_SESSION_ID)
//   truncate=<p>       send only the first half of a JSON answer
//   wrongType=<p>      change the type of one value in a JSON answer (number ↔ string…)
//   cdcGap=<p>         a fraction <p> of change events lose their data: subscribers get a gap
//                      event (changeType GAP_<type>) in its place, as when Salesforce cannot
//                      build an event
//   lockRow=<p>        a fraction <p> of records saved by collections or Bulk ingest fail on their
//                      own with UNABLE_TO_LOCK_ROW (another transaction holds the row)
//   concurrentLimit=<p> answer 403 REQUEST_LIMIT_EXCEEDED "ConcurrentRequests (Concurrent API
//                      Requests) Limit exceeded." to a fraction <p> of calls (too many long-running
//                      requests at once; gone in seconds), unlike the daily "TotalRequests Limit
//                      exceeded." of a spent budget
//   bulkDelay=<ms>     Bulk 2.0 query and ingest jobs stay InProgress at least <ms>
// The last three draw from streams of their own, so they leave the other faults' sequence as it was.
// Example: latency=2000@0.05,error503=0.05,drop=0.02,expireEvery=50,truncate=0.01
import { Random } from './random';

export interface FaultSpec {
  latencyMs: number;
  latencyRate: number;
  error500: number;
  error503: number;
  drop: number;
  expireEvery: number;
  truncate: number;
  wrongType: number;
  cdcGap: number;
  lockRow: number;
  concurrentLimit: number;
  bulkDelayMs: number;
}

export const FAULT_HELP = `Faults (--faults "<name>=<value>,..."), deterministic from --seed:
  latency=<ms>@<p>  add <ms> of latency to a fraction <p> of API calls
  error500=<p>      answer 500 UNKNOWN_EXCEPTION to a fraction <p> of calls
  error503=<p>      answer 503 SERVER_UNAVAILABLE to a fraction <p> of calls
  drop=<p>          process the call, then destroy the connection without answering
                    (a CSV answer halfway through its body)
  expireEvery=<n>   every n-th call finds its session expired (401 INVALID_SESSION_ID)
  truncate=<p>      send only the first half of a JSON answer
  wrongType=<p>     change the type of one value in a JSON answer
  cdcGap=<p>        replace a fraction <p> of change events (CDC) by gap events
  lockRow=<p>       fail a fraction <p> of saved records with UNABLE_TO_LOCK_ROW
  concurrentLimit=<p> answer 403 REQUEST_LIMIT_EXCEEDED (ConcurrentRequests) to a fraction <p> of calls
  bulkDelay=<ms>    keep Bulk 2.0 jobs InProgress at least <ms>
  e.g. latency=2000@0.05,error503=0.05,drop=0.02,expireEvery=50,truncate=0.01`;

function probability(name: string, text: string): number {
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new Error(`fault ${name}: expected a probability between 0 and 1, got "${text}"`);
  return value;
}

export function parseFaults(spec: string): FaultSpec {
  const faults: FaultSpec = { latencyMs: 0, latencyRate: 0, error500: 0, error503: 0, drop: 0, expireEvery: 0, truncate: 0, wrongType: 0, cdcGap: 0, lockRow: 0, concurrentLimit: 0, bulkDelayMs: 0 };
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=') as [string, string | undefined];
    if (value === undefined) throw new Error(`fault "${part}": expected name=value`);
    switch (name) {
      case 'latency': {
        const [ms, rate] = value.split('@');
        faults.latencyMs = Number(ms);
        if (!(faults.latencyMs >= 0)) throw new Error(`fault latency: expected milliseconds, got "${ms}"`);
        faults.latencyRate = rate === undefined ? 1 : probability(name, rate);
        break;
      }
      case 'error500':
      case 'error503':
      case 'drop':
      case 'truncate':
      case 'wrongType':
      case 'cdcGap':
      case 'lockRow':
      case 'concurrentLimit':
        faults[name] = probability(name, value);
        break;
      case 'bulkDelay': {
        faults.bulkDelayMs = Number(value);
        if (!(faults.bulkDelayMs >= 0)) throw new Error(`fault bulkDelay: expected milliseconds, got "${value}"`);
        break;
      }
      case 'expireEvery': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new Error(`fault expireEvery: expected a positive integer, got "${value}"`);
        faults.expireEvery = n;
        break;
      }
      default:
        throw new Error(`unknown fault "${name}" (known: latency, error500, error503, drop, expireEvery, truncate, wrongType, cdcGap, lockRow, concurrentLimit, bulkDelay)`);
    }
  }
  return faults;
}

export interface FaultDecision {
  latencyMs: number;
  error: 500 | 503 | null;
  drop: boolean;
  expire: boolean;
  truncate: boolean;
  wrongType: boolean;
  concurrentLimit: boolean;
}

export class FaultInjector {
  private readonly spec: FaultSpec;
  private readonly random: Random;
  /** Its own stream, so change events do not shift the faults of API calls. */
  private readonly eventRandom: Random;
  private readonly lockRandom: Random;
  private readonly limitRandom: Random;
  private calls = 0;

  constructor(spec: FaultSpec, seed: number) {
    this.spec = spec;
    this.random = new Random(seed ^ 0x5eed);
    this.eventRandom = new Random(seed ^ 0x9a9);
    this.lockRandom = new Random(seed ^ 0x10c4);
    this.limitRandom = new Random(seed ^ 0x1717);
  }

  /** Whether the next record saved finds its row locked by another transaction. */
  lockedRow(): boolean {
    return this.spec.lockRow > 0 && this.lockRandom.next() < this.spec.lockRow;
  }

  /** How long Bulk 2.0 jobs stay InProgress at least. */
  get bulkDelayMs(): number {
    return this.spec.bulkDelayMs;
  }

  /** Whether the next change event is lost and replaced by a gap event. */
  gapEvent(): boolean {
    return this.eventRandom.next() < this.spec.cdcGap;
  }

  /** Decides the faults of the next data call. */
  next(): FaultDecision {
    this.calls++;
    const s = this.spec;
    const draws = [this.random.next(), this.random.next(), this.random.next(), this.random.next(), this.random.next(), this.random.next()];
    const errorDraw = draws[1]!;
    return {
      latencyMs: draws[0]! < s.latencyRate ? s.latencyMs : 0,
      error: errorDraw < s.error503 ? 503 : errorDraw < s.error503 + s.error500 ? 500 : null,
      drop: draws[2]! < s.drop,
      expire: s.expireEvery > 0 && this.calls % s.expireEvery === 0,
      truncate: draws[3]! < s.truncate,
      wrongType: draws[4]! < s.wrongType,
      concurrentLimit: s.concurrentLimit > 0 && this.limitRandom.next() < s.concurrentLimit
    };
  }
}

/** Flips the type of the first scalar value found in a JSON answer (records first). */
export function corruptJson(body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return body;
  }
  const flip = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(flip);
    if (node === null || typeof node !== 'object') return false;
    const object = node as Record<string, unknown>;
    if (Array.isArray(object.records) && flip(object.records)) return true;
    for (const [key, v] of Object.entries(object)) {
      if (key === 'attributes') continue;
      if (typeof v === 'number') object[key] = `#${v}`;
      else if (typeof v === 'string') object[key] = v.length;
      else if (typeof v === 'boolean') object[key] = v ? 'yes' : 'no';
      else continue;
      return true;
    }
    return Object.values(object).some((v) => typeof v === 'object' && flip(v));
  };
  flip(value);
  return JSON.stringify(value);
}
