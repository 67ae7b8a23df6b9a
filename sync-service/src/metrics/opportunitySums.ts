// What an account's opportunities add up to over a stretch of time: the sums every
// opportunity-based metric is computed from (DESIGN.md "Metric definitions"). A metric that needs
// another sum adds its field here: in OpportunitySums, emptySums, SumsTable, addSums, subtractSums
// and convertSums.
// Sums of integers (cents, counts, days) are exact, so they do not depend on the input order.
import { addMoney, convertMoney, subtractMoney, type DecimalRate, type Money } from './money';

export interface OpportunitySums {
  /** Σ Amount of won opportunities, in cents (DESIGN.md "Revenue"). */
  won: Money;
  wonCount: number;
  /** Closed and not won. */
  lostCount: number;
  /** Every opportunity closing in the stretch: won, lost or still open. */
  opportunityCount: number;
  /** Σ (CloseDate − created date) over the won ones, in days. */
  salesCycleDays: number;
  /** Σ Amount of open opportunities, in cents. */
  open: Money;
  /** Σ Amount × Probability of open opportunities, in cents × percentage points. */
  openTimesProbability: Money;
}

/** One opportunity as the sums see it, once validated (see accumulator.ts). */
export interface OpportunityFacts {
  /** Amount in whole cents of its own currency, a safe integer. */
  cents: number;
  isWon: boolean;
  isClosed: boolean;
  /** Whole percentage points 0–100 (0 for a closed one). */
  probability: number;
  /** Days from created to close, 0 or more (0 for one not won). */
  salesCycleDays: number;
}

export function emptySums(): OpportunitySums {
  return {
    won: 0,
    wonCount: 0,
    lostCount: 0,
    opportunityCount: 0,
    salesCycleDays: 0,
    open: 0,
    openTimesProbability: 0
  };
}

/**
 * Sums per cell (an account's time segment in one currency), field by field: a few long arrays
 * of numbers rather than an object per cell keep the state of a million-opportunity run compact.
 */
export class SumsTable {
  private readonly won: Money[];
  private readonly wonCount: number[];
  private readonly lostCount: number[];
  private readonly opportunityCount: number[];
  private readonly salesCycleDays: number[];
  private readonly open: Money[];
  private readonly openTimesProbability: Money[];

  constructor(cells: number) {
    const zeros = (): number[] => new Array<number>(cells).fill(0);
    this.won = zeros();
    this.wonCount = zeros();
    this.lostCount = zeros();
    this.opportunityCount = zeros();
    this.salesCycleDays = zeros();
    this.open = zeros();
    this.openTimesProbability = zeros();
  }

  get cellCount(): number {
    return this.won.length;
  }

  /** Room for cells up to `cells` (for cells that appear as data arrives). */
  grow(cells: number): void {
    for (const column of [
      this.won,
      this.wonCount,
      this.lostCount,
      this.opportunityCount,
      this.salesCycleDays,
      this.open,
      this.openTimesProbability
    ]) {
      while (column.length < cells) column.push(0);
    }
  }

  addOpportunity(cell: number, opportunity: OpportunityFacts): void {
    this.opportunityCount[cell]!++;
    if (opportunity.isWon) {
      this.wonCount[cell]!++;
      this.won[cell] = addMoney(this.won[cell]!, opportunity.cents);
      this.salesCycleDays[cell]! += opportunity.salesCycleDays;
    } else if (opportunity.isClosed) {
      this.lostCount[cell]!++;
    } else {
      this.open[cell] = addMoney(this.open[cell]!, opportunity.cents);
      // |cents| ≤ 2^45 and probability ≤ 100: the product is a safe integer.
      this.openTimesProbability[cell] = addMoney(
        this.openTimesProbability[cell]!,
        opportunity.cents * opportunity.probability
      );
    }
  }

  sumsAt(cell: number): OpportunitySums {
    return {
      won: this.won[cell]!,
      wonCount: this.wonCount[cell]!,
      lostCount: this.lostCount[cell]!,
      opportunityCount: this.opportunityCount[cell]!,
      salesCycleDays: this.salesCycleDays[cell]!,
      open: this.open[cell]!,
      openTimesProbability: this.openTimesProbability[cell]!
    };
  }
}

/** Adds `more` into `sums`: the sums of a longer stretch, or of more accounts. */
export function addSums(sums: OpportunitySums, more: OpportunitySums): void {
  sums.won = addMoney(sums.won, more.won);
  sums.wonCount += more.wonCount;
  sums.lostCount += more.lostCount;
  sums.opportunityCount += more.opportunityCount;
  sums.salesCycleDays += more.salesCycleDays;
  sums.open = addMoney(sums.open, more.open);
  sums.openTimesProbability = addMoney(sums.openTimesProbability, more.openTimesProbability);
}

/** The sums of `sums` less those of `part`, which they include (a window from running totals). */
export function subtractSums(sums: OpportunitySums, part: OpportunitySums): OpportunitySums {
  return {
    won: subtractMoney(sums.won, part.won),
    wonCount: sums.wonCount - part.wonCount,
    lostCount: sums.lostCount - part.lostCount,
    opportunityCount: sums.opportunityCount - part.opportunityCount,
    salesCycleDays: sums.salesCycleDays - part.salesCycleDays,
    open: subtractMoney(sums.open, part.open),
    openTimesProbability: subtractMoney(sums.openTimesProbability, part.openTimesProbability)
  };
}

/** The same sums with their money converted to the corporate currency (amount / rate). */
export function convertSums(sums: OpportunitySums, rate: DecimalRate): OpportunitySums {
  return {
    won: convertMoney(sums.won, rate),
    wonCount: sums.wonCount,
    lostCount: sums.lostCount,
    opportunityCount: sums.opportunityCount,
    salesCycleDays: sums.salesCycleDays,
    open: convertMoney(sums.open, rate),
    openTimesProbability: convertMoney(sums.openTimesProbability, rate)
  };
}
