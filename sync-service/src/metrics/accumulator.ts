// The streaming state of a run: per (account, segment) sums of everything the metrics need.
// Every sum is of integers, so the state, and therefore the result, is the same whatever the
// order and chunking of the input. Opportunities in another currency are summed in their own
// currency's cents per (account, segment, rate slot) and converted once, at finish.
import { addMonths, parseDay } from './calendar';
import { NO_RATE, type RateTable } from './currency';
import type { DataQualityLog } from './dataQuality';
import { ExactBuckets } from './exactBuckets';
import { addMoney, toDecimal, type Money } from './money';
import type { OpportunityInput } from './types';
import type { SegmentLayout, SegmentRange } from './windows';

/** Largest |Amount| accepted, in cents (2^45 ≈ 351.8 billion): keeps cents × probability below 2^52. */
export const MAX_AMOUNT_CENTS = 2 ** 45;
/** Close dates further than this from the as-of date are reported and left out. */
export const PLAUSIBLE_CLOSE_MONTHS = 120;

/** Sums over one window of one account. Money in cents; weighted pipeline in cents × probability points. */
export interface WindowTotals {
  wonAmount: Money;
  wonCount: number;
  lostCount: number;
  opportunityCount: number;
  salesCycleDays: number;
}

export interface PipelineTotals {
  openAmount: Money;
  weightedAmountTimesProbability: Money;
}

function sumCounts(values: Int32Array | Float64Array, first: number, end: number): number {
  let sum = 0;
  for (let index = first; index < end; index++) sum += values[index]!;
  return sum;
}

export class OpportunityAccumulator {
  private readonly segments: number;
  private readonly won: ExactBuckets;
  private readonly wonCount: Int32Array;
  private readonly lostCount: Int32Array;
  private readonly opportunityCount: Int32Array;
  private readonly salesCycleDays: Float64Array;
  private readonly pipeline: ExactBuckets;
  private readonly weightedPipeline: ExactBuckets;
  // Foreign-currency money, one record per (account, segment, rate slot) that occurs.
  private readonly foreignIndex = new Map<number, number>();
  private foreignAccount = new Int32Array(16);
  private foreignSegment = new Int32Array(16);
  private foreignSlot = new Int32Array(16);
  private readonly foreignWon = new ExactBuckets(16);
  private readonly foreignPipeline = new ExactBuckets(16);
  private readonly foreignWeighted = new ExactBuckets(16);
  private foreignCount = 0;
  private readonly earliestPlausible: number;
  private readonly latestPlausible: number;

  constructor(
    private readonly layout: SegmentLayout,
    private readonly rates: RateTable,
    private readonly accountIndex: ReadonlyMap<string, number>,
    /** The segment of (as-of, as-of + 12m]: open opportunities closing there are the pipeline. */
    private readonly pipelineSegment: number,
    asOfDay: number,
    private readonly log: DataQualityLog
  ) {
    this.segments = layout.segmentCount;
    const cells = accountIndex.size * this.segments;
    this.won = new ExactBuckets(cells);
    this.wonCount = new Int32Array(cells);
    this.lostCount = new Int32Array(cells);
    this.opportunityCount = new Int32Array(cells);
    this.salesCycleDays = new Float64Array(cells);
    this.pipeline = new ExactBuckets(accountIndex.size);
    this.weightedPipeline = new ExactBuckets(accountIndex.size);
    this.earliestPlausible = addMonths(asOfDay, -PLAUSIBLE_CLOSE_MONTHS);
    this.latestPlausible = addMonths(asOfDay, PLAUSIBLE_CLOSE_MONTHS);
  }

  add(opportunities: Iterable<OpportunityInput>): void {
    for (const opportunity of opportunities) this.addOne(opportunity);
  }

  // The hot path: one Map lookup, one date parse and a handful of typed-array writes.
  private addOne(opportunity: OpportunityInput): void {
    const accountId = opportunity.accountId;
    if (accountId === null || accountId === undefined)
      return this.log.record('missingAccount', opportunity.id);
    const account = this.accountIndex.get(accountId);
    if (account === undefined) return this.log.record('unknownAccount', opportunity.id);

    const closeDate = opportunity.closeDate;
    if (closeDate === null || closeDate === undefined)
      return this.log.record('nullCloseDate', opportunity.id);
    const close = typeof closeDate === 'string' ? parseDay(closeDate) : Number.NaN;
    if (close !== close) return this.log.record('invalidDate', opportunity.id);
    if (close < this.earliestPlausible || close > this.latestPlausible) {
      return this.log.record('closeDateOutOfRange', opportunity.id);
    }
    const segment = this.layout.segmentOf(close);

    let slot = NO_RATE;
    const isoCode = opportunity.currencyIsoCode;
    if (!this.rates.isCorporate(isoCode)) {
      const currency = this.rates.currencyOf(isoCode!);
      if (currency !== NO_RATE && segment >= 0) slot = this.rates.slotOn(currency, close);
      if (currency === NO_RATE || (segment >= 0 && slot === NO_RATE)) {
        return this.log.record('unknownCurrency', opportunity.id);
      }
    }

    const amount = opportunity.amount;
    let cents = 0;
    if (amount !== null && amount !== undefined) {
      // Amount has 2 decimals, so amount × 100 lies within a rounding error of the intended integer.
      cents = amount >= 0 ? Math.round(amount * 100) : -Math.round(-amount * 100);
      if (!(cents <= MAX_AMOUNT_CENTS && cents >= -MAX_AMOUNT_CENTS)) {
        return this.log.record('invalidAmount', opportunity.id);
      }
    }

    const isWon = opportunity.isWon;
    let salesCycle = 0;
    if (isWon && segment >= 0) {
      const createdDate = opportunity.createdDate;
      const created = typeof createdDate === 'string' ? parseDay(createdDate) : Number.NaN;
      if (created !== created) return this.log.record('invalidDate', opportunity.id);
      salesCycle = close - created;
      if (salesCycle < 0) {
        this.log.record('closeBeforeCreated', opportunity.id);
        salesCycle = 0;
      }
    }
    if (amount === null || amount === undefined) this.log.record('nullAmount', opportunity.id);
    else if (cents < 0) this.log.record('negativeAmount', opportunity.id);
    if (segment < 0) return;

    const cell = account * this.segments + segment;
    this.opportunityCount[cell]!++;
    if (isWon) {
      this.wonCount[cell]!++;
      this.salesCycleDays[cell]! += salesCycle;
      if (slot === NO_RATE) this.won.add(cell, cents);
      else this.foreignWon.add(this.foreignRecord(account, segment, slot), cents);
    } else if (opportunity.isClosed) {
      this.lostCount[cell]!++;
    } else if (segment === this.pipelineSegment) {
      const weighted = cents * this.probabilityOf(opportunity);
      if (slot === NO_RATE) {
        this.pipeline.add(account, cents);
        this.weightedPipeline.add(account, weighted);
      } else {
        const record = this.foreignRecord(account, segment, slot);
        this.foreignPipeline.add(record, cents);
        this.foreignWeighted.add(record, weighted);
      }
    }
  }

  /** Probability as a whole number of points 0–100 (the field is Percent(3,0)). */
  private probabilityOf(opportunity: OpportunityInput): number {
    const probability = opportunity.probability;
    if (probability === null || probability === undefined) {
      this.log.record('nullProbability', opportunity.id);
      return 0;
    }
    if (Number.isInteger(probability) && probability >= 0 && probability <= 100) return probability;
    this.log.record('invalidProbability', opportunity.id);
    return Number.isFinite(probability) ? Math.min(100, Math.max(0, Math.round(probability))) : 0;
  }

  private foreignRecord(account: number, segment: number, slot: number): number {
    const key = (account * this.segments + segment) * this.rates.slotCount + slot;
    let record = this.foreignIndex.get(key);
    if (record === undefined) {
      record = this.foreignCount++;
      this.foreignIndex.set(key, record);
      if (record >= this.foreignAccount.length) {
        const size = this.foreignAccount.length * 2;
        this.foreignAccount = grow(this.foreignAccount, size);
        this.foreignSegment = grow(this.foreignSegment, size);
        this.foreignSlot = grow(this.foreignSlot, size);
      }
      this.foreignWon.ensureSize(record + 1);
      this.foreignPipeline.ensureSize(record + 1);
      this.foreignWeighted.ensureSize(record + 1);
      this.foreignAccount[record] = account;
      this.foreignSegment[record] = segment;
      this.foreignSlot[record] = slot;
    }
    return record;
  }

  /** Foreign-currency records of each account (converted at finish), grouped by account. */
  foreignRecordsByAccount(): Map<number, number[]> {
    const byAccount = new Map<number, number[]>();
    for (let record = 0; record < this.foreignCount; record++) {
      const account = this.foreignAccount[record]!;
      const records = byAccount.get(account);
      if (records) records.push(record);
      else byAccount.set(account, [record]);
    }
    return byAccount;
  }

  /** Sums over a window for one account, in corporate cents; `foreign` from foreignRecordsByAccount(). */
  windowTotals(
    account: number,
    range: SegmentRange,
    foreign: readonly number[] | undefined
  ): WindowTotals {
    const first = account * this.segments + range.first;
    const end = account * this.segments + range.end;
    let wonAmount = this.won.total(first, end);
    for (const record of foreign ?? []) {
      const segment = this.foreignSegment[record]!;
      if (segment >= range.first && segment < range.end) {
        wonAmount = addMoney(
          wonAmount,
          this.converted(this.foreignWon.total(record, record + 1), record)
        );
      }
    }
    return {
      wonAmount,
      wonCount: sumCounts(this.wonCount, first, end),
      lostCount: sumCounts(this.lostCount, first, end),
      opportunityCount: sumCounts(this.opportunityCount, first, end),
      salesCycleDays: sumCounts(this.salesCycleDays, first, end)
    };
  }

  pipelineTotals(account: number, foreign: readonly number[] | undefined): PipelineTotals {
    let openAmount = this.pipeline.total(account, account + 1);
    let weightedAmountTimesProbability = this.weightedPipeline.total(account, account + 1);
    for (const record of foreign ?? []) {
      if (this.foreignSegment[record] !== this.pipelineSegment) continue;
      openAmount = addMoney(
        openAmount,
        this.converted(this.foreignPipeline.total(record, record + 1), record)
      );
      weightedAmountTimesProbability = addMoney(
        weightedAmountTimesProbability,
        this.converted(this.foreignWeighted.total(record, record + 1), record)
      );
    }
    return { openAmount, weightedAmountTimesProbability };
  }

  private converted(sourceCents: Money, record: number): Money {
    return toDecimal(sourceCents).div(this.rates.slotRates[this.foreignSlot[record]!]!);
  }
}

function grow(values: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(values);
  return grown;
}
