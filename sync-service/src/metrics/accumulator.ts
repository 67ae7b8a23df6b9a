// The streaming state of a run: per (account, segment) sums of everything the metrics need.
// Every sum is of integers, so the state, and therefore the result, is the same whatever the
// order and chunking of the input. Opportunities in another currency are summed in their own
// currency's cents per (account, segment, rate slot) and converted once, at finish.
import { UNKNOWN_ACCOUNT, type AccountIndex } from './accountIndex';
import { addMonths, parseDay } from './calendar';
import { NO_RATE, type RateTable } from './currency';
import type { DataQualityLog } from './dataQuality';
import { ExactBuckets } from './exactBuckets';
import { addMoney, convertMoney, FRACTION_SCALE, subtractMoney, type Money } from './money';
import type { OpportunityInput } from './types';
import type { SegmentLayout, SegmentRange } from './windows';

/** Largest |Amount| accepted, in cents (2^45 ≈ 351.8 billion): keeps cents × probability below 2^52. */
export const MAX_AMOUNT_CENTS = 2 ** 45;
/** Close dates further than this from the as-of date are reported and left out. */
export const PLAUSIBLE_CLOSE_MONTHS = 120;

/** Sums over one window of one account; money in corporate cents. */
export interface WindowTotals {
  wonAmount: Money;
  wonCount: number;
  lostCount: number;
  opportunityCount: number;
  salesCycleDays: number;
}

/** An account's foreign-currency sums, converted: won by segment, and the pipeline. */
export interface ForeignSums {
  wonBySegment: Money[];
  openPipeline: Money;
  weightedPipeline: Money;
}

export function emptyWindowTotals(): WindowTotals {
  return { wonAmount: 0, wonCount: 0, lostCount: 0, opportunityCount: 0, salesCycleDays: 0 };
}

/** The open pipeline 12M of one account, in corporate cents; weighted in cents × probability points. */
export interface PipelineTotals {
  openAmount: Money;
  weightedAmountTimesProbability: Money;
}

// The sums of one (account, segment) cell sit side by side in 32 bytes, so an opportunity
// touches one cache line: two doubles [won cents, sales-cycle days] then three 32-bit counts
// [won, lost, opportunities] (a count per account and segment stays far below 2^32: that many
// opportunities would not fit in any org's storage).
const CELL_BYTES = 32;
/** Offsets in the Float64Array view (cell × 4 + offset). */
const WON = 0;
const SALES_CYCLE_DAYS = 1;
const CELL_WIDTH = 4;
/** Offsets in the Uint32Array view (cell × 8 + offset). */
const WON_COUNT = 4;
const LOST_COUNT = 5;
const OPPORTUNITY_COUNT = 6;
const COUNT_WIDTH = 8;
/** Prefix sums at finish: [won count, lost count, opportunity count, sales-cycle days]. */
const PREFIX_WIDTH = 4;

export class OpportunityAccumulator {
  private readonly segments: number;
  /** Won cents (through ExactBuckets' spill rule) and sales-cycle days (far below 2^53). */
  private readonly cells: ExactBuckets;
  private readonly counts: Uint32Array;
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
  // Finish-time state: the converted foreign sums, and the prefix sums of the loaded account.
  private foreignSums: Map<number, ForeignSums> | undefined;
  private readonly prefixCounts: Float64Array;
  private readonly prefixWon: Float64Array;
  private readonly prefixWonFraction: Float64Array;
  private readonly prefixWonMoney: Money[];
  private wonInDoubles = true;
  private loadedPipeline: PipelineTotals = { openAmount: 0, weightedAmountTimesProbability: 0 };

  constructor(
    private readonly layout: SegmentLayout,
    private readonly rates: RateTable,
    private readonly accountIndex: AccountIndex,
    /** The segment of (as-of, as-of + 12m]: open opportunities closing there are the pipeline. */
    private readonly pipelineSegment: number,
    asOfDay: number,
    private readonly log: DataQualityLog
  ) {
    this.segments = layout.segmentCount;
    const buffer = new ArrayBuffer(accountIndex.size * this.segments * CELL_BYTES);
    this.cells = new ExactBuckets(new Float64Array(buffer));
    this.counts = new Uint32Array(buffer);
    this.pipeline = new ExactBuckets(accountIndex.size);
    this.weightedPipeline = new ExactBuckets(accountIndex.size);
    this.prefixCounts = new Float64Array((this.segments + 1) * PREFIX_WIDTH);
    this.prefixWon = new Float64Array(this.segments + 1);
    this.prefixWonFraction = new Float64Array(this.segments + 1);
    this.prefixWonMoney = new Array<Money>(this.segments + 1).fill(0);
    this.earliestPlausible = addMonths(asOfDay, -PLAUSIBLE_CLOSE_MONTHS);
    this.latestPlausible = addMonths(asOfDay, PLAUSIBLE_CLOSE_MONTHS);
  }

  add(opportunities: Iterable<OpportunityInput>): void {
    for (const opportunity of opportunities) this.addOne(opportunity);
  }

  // The hot path: one hash lookup, one or two date parses and a handful of typed-array writes.
  private addOne(opportunity: OpportunityInput): void {
    const accountId = opportunity.accountId;
    if (accountId === null || accountId === undefined)
      return this.log.record('missingAccount', opportunity.id);
    const account = this.accountIndex.indexOf(accountId);
    if (account === UNKNOWN_ACCOUNT) return this.log.record('unknownAccount', opportunity.id);

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

    const cellIndex = account * this.segments + segment;
    const cell = cellIndex * CELL_WIDTH;
    const counts = cellIndex * COUNT_WIDTH;
    this.counts[counts + OPPORTUNITY_COUNT]!++;
    if (isWon) {
      this.counts[counts + WON_COUNT]!++;
      this.cells.values[cell + SALES_CYCLE_DAYS]! += salesCycle;
      if (slot === NO_RATE) this.cells.add(cell + WON, cents);
      else this.foreignWon.add(this.foreignRecord(account, segment, slot), cents);
    } else if (opportunity.isClosed) {
      this.counts[counts + LOST_COUNT]!++;
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

  /** Foreign-currency sums of each account that has any, converted to corporate cents (once per record). */
  private convertedForeignSums(): Map<number, ForeignSums> {
    const byAccount = new Map<number, ForeignSums>();
    for (let record = 0; record < this.foreignCount; record++) {
      const account = this.foreignAccount[record]!;
      let sums = byAccount.get(account);
      if (!sums) {
        sums = {
          wonBySegment: new Array<Money>(this.segments).fill(0),
          openPipeline: 0,
          weightedPipeline: 0
        };
        byAccount.set(account, sums);
      }
      const rate = this.rates.slotRates[this.foreignSlot[record]!]!;
      const segment = this.foreignSegment[record]!;
      const won = this.foreignWon.total(record, record + 1);
      if (won !== 0)
        sums.wonBySegment[segment] = addMoney(sums.wonBySegment[segment]!, convertMoney(won, rate));
      if (segment === this.pipelineSegment) {
        const open = convertMoney(this.foreignPipeline.total(record, record + 1), rate);
        const weighted = convertMoney(this.foreignWeighted.total(record, record + 1), rate);
        sums.openPipeline = addMoney(sums.openPipeline, open);
        sums.weightedPipeline = addMoney(sums.weightedPipeline, weighted);
      }
    }
    return byAccount;
  }

  /**
   * Make `account` the one windowTotals() and pipelineTotals() read: its prefix sums over the
   * segments, so every window is one subtraction. Call after the last add().
   */
  loadAccount(account: number): void {
    this.foreignSums ??= this.convertedForeignSums();
    const foreign = this.foreignSums.get(account);
    const values = this.cells.values;
    const prefix = this.prefixCounts;
    const base = account * this.segments * CELL_WIDTH;
    const countBase = account * this.segments * COUNT_WIDTH;
    for (let segment = 0; segment < this.segments; segment++) {
      const counts = countBase + segment * COUNT_WIDTH;
      const at = segment * PREFIX_WIDTH;
      prefix[at + PREFIX_WIDTH + 0] = prefix[at + 0]! + this.counts[counts + WON_COUNT]!;
      prefix[at + PREFIX_WIDTH + 1] = prefix[at + 1]! + this.counts[counts + LOST_COUNT]!;
      prefix[at + PREFIX_WIDTH + 2] = prefix[at + 2]! + this.counts[counts + OPPORTUNITY_COUNT]!;
      prefix[at + PREFIX_WIDTH + 3] =
        prefix[at + 3]! + values[base + segment * CELL_WIDTH + SALES_CYCLE_DAYS]!;
    }
    this.loadWonPrefix(base, foreign);
    const open = this.pipeline.total(account, account + 1);
    const weighted = this.weightedPipeline.total(account, account + 1);
    this.loadedPipeline = {
      openAmount: foreign ? addMoney(open, foreign.openPipeline) : open,
      weightedAmountTimesProbability: foreign
        ? addMoney(weighted, foreign.weightedPipeline)
        : weighted
    };
  }

  /**
   * Prefix sums of won cents in two exact parts, whole cents and 10^-15-cent fractions
   * (converted amounts have fractions). Corporate-only buckets are integers below 2^46 and at
   * most 127 of them add up, so whole cents stay below 2^53; with converted amounts the sums are
   * checked, and Money arithmetic takes over in the (theoretical) case they would not be safe.
   */
  private loadWonPrefix(base: number, foreign: ForeignSums | undefined): void {
    const values = this.cells.values;
    const cents = this.prefixWon;
    const fractions = this.prefixWonFraction;
    this.wonInDoubles = !this.cells.hasSpills;
    for (let segment = 0; segment < this.segments && this.wonInDoubles; segment++) {
      const converted = foreign?.wonBySegment[segment] ?? 0;
      if (typeof converted === 'bigint') {
        this.wonInDoubles = false;
        break;
      }
      let whole = cents[segment]! + values[base + segment * CELL_WIDTH + WON]!;
      let fraction = fractions[segment]!;
      if (typeof converted === 'number') {
        whole += converted;
      } else {
        whole += converted.cents;
        fraction += converted.fraction;
        if (fraction >= FRACTION_SCALE) {
          fraction -= FRACTION_SCALE;
          whole += 1;
        }
      }
      // Below 2^52 the sum was exact and window differences stay safe integers.
      if (!(Math.abs(whole) < 2 ** 52)) this.wonInDoubles = false;
      cents[segment + 1] = whole;
      fractions[segment + 1] = fraction;
    }
    if (this.wonInDoubles) return;
    for (let segment = 0; segment < this.segments; segment++) {
      const cell = base + segment * CELL_WIDTH + WON;
      const won = addMoney(this.cells.total(cell, cell + 1), foreign?.wonBySegment[segment] ?? 0);
      this.prefixWonMoney[segment + 1] = addMoney(this.prefixWonMoney[segment]!, won);
    }
  }

  /** Fill `into` with the loaded account's sums over a window, in corporate cents. */
  windowTotals(range: SegmentRange, into: WindowTotals): void {
    const counts = this.prefixCounts;
    const first = range.first * PREFIX_WIDTH;
    const end = range.end * PREFIX_WIDTH;
    into.wonCount = counts[end + 0]! - counts[first + 0]!;
    into.lostCount = counts[end + 1]! - counts[first + 1]!;
    into.opportunityCount = counts[end + 2]! - counts[first + 2]!;
    into.salesCycleDays = counts[end + 3]! - counts[first + 3]!;
    if (!this.wonInDoubles) {
      into.wonAmount = subtractMoney(
        this.prefixWonMoney[range.end]!,
        this.prefixWonMoney[range.first]!
      );
      return;
    }
    let whole = this.prefixWon[range.end]! - this.prefixWon[range.first]!;
    let fraction = this.prefixWonFraction[range.end]! - this.prefixWonFraction[range.first]!;
    if (fraction < 0) {
      fraction += FRACTION_SCALE;
      whole -= 1;
    }
    into.wonAmount = fraction === 0 ? whole : { cents: whole, fraction };
  }

  /** The loaded account's open pipeline 12M. */
  pipelineTotals(): PipelineTotals {
    return this.loadedPipeline;
  }
}

function grow(values: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(values);
  return grown;
}
