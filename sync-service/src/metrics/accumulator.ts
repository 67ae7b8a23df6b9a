// The streaming state of a run: each opportunity is checked (bad data is reported in the
// data-quality report, never thrown) and added to the sums of its account, time segment and
// conversion rate. Amounts in another currency stay in that currency until finish, when each
// (account, segment, rate) sum is converted once (DESIGN.md "Metric definitions": amounts
// converted by the rate in force on the CloseDate).
import { addMonths, parseDay } from './calendar';
import { NO_RATE, type RateTable } from './currency';
import type { DataQualityLog } from './dataQuality';
import { addSums, convertSums, SumsTable, type OpportunitySums } from './opportunitySums';
import type { OpportunityInput } from './types';
import type { SegmentLayout, SegmentRange } from './windows';

/** Largest |Amount| accepted, in cents (2^45 ≈ 351.8 billion): keeps cents × probability a safe integer. */
export const MAX_AMOUNT_CENTS = 2 ** 45;
/** Close dates further than this from the as-of date are reported and left out. */
export const PLAUSIBLE_CLOSE_MONTHS = 120;

/** A cell of the foreign-currency table: an account's segment in one rate slot. */
interface ForeignCell {
  segment: number;
  slot: number;
  cell: number;
}

export class OpportunityAccumulator {
  /** Account id → its position among the context's accounts. */
  private readonly accountIndex = new Map<string, number>();
  /** Opportunities in the corporate currency: cell = account × segments + segment. */
  private readonly corporate: SumsTable;
  /** Opportunities in other currencies, in their own currency: one cell per (account, segment, rate slot) that occurs. */
  private readonly foreign = new SumsTable(0);
  private readonly foreignCellOf = new Map<number, number>();
  private readonly foreignCellsByAccount: ForeignCell[][];
  private readonly earliestPlausible: number;
  private readonly latestPlausible: number;

  constructor(
    accountIds: readonly string[],
    private readonly layout: SegmentLayout,
    private readonly rates: RateTable,
    /** (as-of, as-of + 12m]: open opportunities closing there are the pipeline. */
    private readonly pipeline: SegmentRange,
    asOfDay: number,
    private readonly log: DataQualityLog
  ) {
    accountIds.forEach((id, index) => this.accountIndex.set(id, index));
    this.corporate = new SumsTable(accountIds.length * layout.segmentCount);
    this.foreignCellsByAccount = accountIds.map(() => []);
    this.earliestPlausible = addMonths(asOfDay, -PLAUSIBLE_CLOSE_MONTHS);
    this.latestPlausible = addMonths(asOfDay, PLAUSIBLE_CLOSE_MONTHS);
  }

  add(opportunities: Iterable<OpportunityInput>): void {
    for (const opportunity of opportunities) this.addOne(opportunity);
  }

  /** Checks in the order of DATA_QUALITY_KINDS: an excluded opportunity is reported once, under its first reason. */
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
    if (Number.isNaN(close)) return this.log.record('invalidDate', opportunity.id);
    if (close < this.earliestPlausible || close > this.latestPlausible)
      return this.log.record('closeDateOutOfRange', opportunity.id);
    const segment = this.layout.segmentOf(close);

    let slot = NO_RATE;
    const isoCode = opportunity.currencyIsoCode;
    if (!this.rates.isCorporate(isoCode)) {
      const currency = this.rates.currencyOf(isoCode!);
      if (currency !== NO_RATE && segment >= 0) slot = this.rates.slotOn(currency, close);
      if (currency === NO_RATE || (segment >= 0 && slot === NO_RATE))
        return this.log.record('unknownCurrency', opportunity.id);
    }

    const amount = opportunity.amount;
    let cents = 0;
    if (amount !== null && amount !== undefined) {
      // Amount has 2 decimals, so amount × 100 lies within a rounding error of the intended integer.
      cents = amount >= 0 ? Math.round(amount * 100) : -Math.round(-amount * 100);
      if (!(cents <= MAX_AMOUNT_CENTS && cents >= -MAX_AMOUNT_CENTS))
        return this.log.record('invalidAmount', opportunity.id);
    }

    const { isWon, isClosed } = opportunity;
    let salesCycleDays = 0;
    if (isWon && segment >= 0) {
      const createdDate = opportunity.createdDate;
      const created = typeof createdDate === 'string' ? parseDay(createdDate) : Number.NaN;
      if (Number.isNaN(created)) return this.log.record('invalidDate', opportunity.id);
      salesCycleDays = close - created;
      if (salesCycleDays < 0) {
        this.log.record('closeBeforeCreated', opportunity.id);
        salesCycleDays = 0;
      }
    }
    if (amount === null || amount === undefined) this.log.record('nullAmount', opportunity.id);
    else if (cents < 0) this.log.record('negativeAmount', opportunity.id);
    // Within the plausible range but in no window: nothing to add.
    if (segment < 0) return;

    const inPipeline = segment >= this.pipeline.first && segment < this.pipeline.end;
    const probability = isClosed ? 0 : this.probabilityOf(opportunity, inPipeline);
    const facts = { cents, isWon, isClosed, probability, salesCycleDays };
    const segments = this.layout.segmentCount;
    if (slot === NO_RATE) this.corporate.addOpportunity(account * segments + segment, facts);
    else this.foreign.addOpportunity(this.foreignCell(account, segment, slot), facts);
  }

  private foreignCell(account: number, segment: number, slot: number): number {
    const key = (account * this.layout.segmentCount + segment) * this.rates.slotCount + slot;
    let cell = this.foreignCellOf.get(key);
    if (cell === undefined) {
      cell = this.foreign.cellCount;
      this.foreign.grow(cell + 1);
      this.foreignCellOf.set(key, cell);
      this.foreignCellsByAccount[account]!.push({ segment, slot, cell });
    }
    return cell;
  }

  /** Probability as whole points 0–100 (the field is Percent(3,0)); problems are reported for the 12-month pipeline, where it counts. */
  private probabilityOf(opportunity: OpportunityInput, report: boolean): number {
    const probability = opportunity.probability;
    if (probability === null || probability === undefined) {
      if (report) this.log.record('nullProbability', opportunity.id);
      return 0;
    }
    if (Number.isInteger(probability) && probability >= 0 && probability <= 100) return probability;
    if (report) this.log.record('invalidProbability', opportunity.id);
    return Number.isFinite(probability) ? Math.min(100, Math.max(0, Math.round(probability))) : 0;
  }

  /** An account's sums per segment in the corporate currency, each (segment, rate) sum converted once. Call after the last add(). */
  segmentSums(accountId: string): OpportunitySums[] {
    const account = this.accountIndex.get(accountId)!;
    const first = account * this.layout.segmentCount;
    const segments = Array.from({ length: this.layout.segmentCount }, (_, segment) =>
      this.corporate.sumsAt(first + segment)
    );
    for (const { segment, slot, cell } of this.foreignCellsByAccount[account]!) {
      addSums(
        segments[segment]!,
        convertSums(this.foreign.sumsAt(cell), this.rates.slotRates[slot]!)
      );
    }
    return segments;
  }
}
