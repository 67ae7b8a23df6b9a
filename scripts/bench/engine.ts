// Benchmark of the metrics engine: how many opportunities a second one core turns into metric
// rows. Input arrives as the sync service gets it (chunks of JSON-parsed records, fresh strings
// in every record); only add() and finish() are timed, not the generation of the input, whose
// garbage is collected before each timed call so that the engine does not pay for it.
// `npx tsx scripts/bench/engine.ts [opportunities]` runs this part alone (npm run bench runs all).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createMetricsRun,
  type MetricsContext,
  type OpportunityInput
} from '../../sync-service/src/metrics';

/** The shape of the org emulator's benchmark org (test/emulator/generators/bench.ts). */
const OPPORTUNITIES_PER_ACCOUNT = 250;
const CHUNK = 10_000;
const AS_OF = '2025-08-15';

/** The collector, reachable without starting node with --expose-gc. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function accountId(index: number): string {
  return `001${String(index).padStart(15, '0')}`;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A mid-size multi-currency org: USD corporate, EUR and GBP with monthly dated rates. */
/**
 * Customer groups, so finish() also pays for Hierarchy rows: of every 40 accounts the first is a
 * top with three subsidiaries (1–3) and one account below subsidiary 3 (4): 2 accounts with
 * children per 40.
 */
function groupParent(i: number): string | null {
  const at = i % 40;
  if (at >= 1 && at <= 3) return accountId(i - at);
  return at === 4 ? accountId(i - 1) : null;
}

/** Accounts with children among the first `accounts` (see groupParent). */
function groupHeads(accounts: number): number {
  let heads = 0;
  for (let i = 0; i < accounts; i++) if (i % 40 === 0 ? i + 1 < accounts : i % 40 === 3 && i + 1 < accounts) heads++;
  return heads;
}

function context(accounts: number): MetricsContext {
  const dated: MetricsContext['rates']['dated'] = [];
  for (const [isoCode, base] of [
    ['EUR', 0.9],
    ['GBP', 0.78]
  ] as const) {
    for (let month = 0; month < 120; month++) {
      const start = new Date(Date.UTC(2016, month, 1));
      const next = new Date(Date.UTC(2016, month + 1, 1));
      dated.push({
        isoCode,
        conversionRate: Number((base + (month % 7) * 0.0125).toFixed(6)),
        startDate: isoDate(start),
        nextStartDate: month === 119 ? null : isoDate(next)
      });
    }
  }
  return {
    asOf: AS_OF,
    org: {
      fiscalYearStartMonth: 2,
      usesStartDateAsFiscalYearName: false,
      corporateCurrency: 'USD'
    },
    rates: {
      static: [
        { isoCode: 'USD', conversionRate: 1 },
        { isoCode: 'EUR', conversionRate: 0.92 },
        { isoCode: 'GBP', conversionRate: 0.79 }
      ],
      dated
    },
    accounts: Array.from({ length: accounts }, (_, i) => ({
      id: accountId(i),
      isStrategic: i % 20 === 0,
      parentId: groupParent(i)
    })),
    plans: [],
    initiatives: [],
    sponsors: [],
    weights: [
      { criterion: 'Revenue_Concentration', weight: 25 },
      { criterion: 'Lifetime_Value', weight: 20 },
      { criterion: 'Influence', weight: 15 },
      { criterion: 'Co_Innovation', weight: 15 },
      { criterion: 'Collaboration', weight: 15 },
      { criterion: 'Risk', weight: 10 }
    ]
  };
}

/** A customer trades in its own currency: 80 % of accounts in USD, 15 % in EUR, 5 % in GBP. */
function currencyOf(account: number): string {
  const bucket = account % 20;
  return bucket < 16 ? 'USD' : bucket < 19 ? 'EUR' : 'GBP';
}

/** One chunk as JSON text, parsed back the way records arrive from the REST API. */
function chunk(
  next: () => number,
  accounts: number,
  first: number,
  size: number
): OpportunityInput[] {
  const asOf = Date.UTC(2025, 7, 15);
  const records = [];
  for (let i = first; i < first + size; i++) {
    const close = new Date(asOf + Math.floor((next() * 9.5 - 8) * 365) * 86_400_000);
    const created = new Date(close.getTime() - Math.floor(next() * 200) * 86_400_000 - 3_600_000);
    const state = next();
    const account = Math.floor(next() * accounts);
    records.push({
      id: `006${String(i).padStart(15, '0')}`,
      accountId: accountId(account),
      amount: state < 0.01 ? null : Math.round(next() * 20_000_000) / 100,
      closeDate: isoDate(close),
      createdDate: created.toISOString(),
      isWon: state < 0.35,
      isClosed: state < 0.65,
      probability: state < 0.35 ? 100 : state < 0.65 ? 0 : 10 * Math.floor(next() * 10),
      currencyIsoCode: currencyOf(account)
    });
  }
  return JSON.parse(JSON.stringify(records)) as OpportunityInput[];
}

export interface EngineFigure {
  opportunities: number;
  accounts: number;
  /** Wall-clock time of add() and finish() together. */
  seconds: number;
  /** CPU time of the process (every thread, the collector's too) during add() and finish(): on a shared machine wall-clock time also counts waiting for a core. */
  cpuSeconds: number;
  addSeconds: number;
  finishSeconds: number;
  perSecond: number;
  peakRssMb: number;
}

export async function benchmarkEngine(opportunities: number): Promise<EngineFigure> {
  const collectGarbage = garbageCollector();
  const next = random(42);
  const accounts = Math.max(1, Math.ceil(opportunities / OPPORTUNITIES_PER_ACCOUNT));
  const run = createMetricsRun(context(accounts));
  let adding = 0n;
  let cpuMicroseconds = 0;
  const cpuSince = (start: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(start);
    return used.user + used.system;
  };
  for (let first = 0; first < opportunities; first += CHUNK) {
    const records = chunk(next, accounts, first, Math.min(CHUNK, opportunities - first));
    collectGarbage();
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    run.add(records);
    adding += process.hrtime.bigint() - start;
    cpuMicroseconds += cpuSince(cpu);
  }
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = run.finish();
  const finishing = process.hrtime.bigint() - start;
  cpuMicroseconds += cpuSince(cpu);
  if (result.accountMetrics.length !== (accounts + groupHeads(accounts)) * 12) {
    throw new Error('benchmark: unexpected row count');
  }
  const seconds = Number(adding + finishing) / 1e9;
  return {
    opportunities,
    accounts,
    seconds,
    cpuSeconds: cpuMicroseconds / 1e6,
    addSeconds: Number(adding) / 1e9,
    finishSeconds: Number(finishing) / 1e9,
    perSecond: opportunities / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024
  };
}

if (require.main === module) {
  const opportunities = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(opportunities) || opportunities <= 0) {
    console.error('usage: npx tsx scripts/bench/engine.ts [opportunities]');
    process.exit(2);
  }
  void benchmarkEngine(opportunities).then((figure) => {
    console.log(
      `metrics engine: ${figure.opportunities.toLocaleString('en-US')} opportunities ` +
        `(${figure.accounts.toLocaleString('en-US')} accounts) in ${figure.seconds.toFixed(3)} s ` +
        `(add ${figure.addSeconds.toFixed(3)} s, finish ${figure.finishSeconds.toFixed(3)} s; ` +
        `CPU ${figure.cpuSeconds.toFixed(3)} s) = ` +
        `${Math.round(figure.perSecond).toLocaleString('en-US')}/s, peak RSS ${figure.peakRssMb.toFixed(0)} MB`
    );
  });
}
