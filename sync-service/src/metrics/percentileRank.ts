import { compareMoney, moneySign, type Money } from './money';

/** An exact fraction numerator / denominator (denominator > 0). */
export interface Fraction {
  numerator: number;
  denominator: number;
}

const ZERO: Fraction = { numerator: 0, denominator: 1 };

/**
 * DESIGN.md "Strategic_Score__c": the percentile rank of each value among the positive values,
 * (count below + ½ count equal) / n, so tied accounts share a rank; 0 for a value ≤ 0.
 * Kept as the fraction (2·below + equal) / 2n so the score can be computed exactly.
 */
export function percentileRanks(values: readonly Money[]): Fraction[] {
  const positive = values.map((_, index) => index).filter((index) => moneySign(values[index]!) > 0);
  positive.sort((a, b) => compareMoney(values[a]!, values[b]!));
  const ranks: Fraction[] = values.map(() => ZERO);
  const denominator = 2 * positive.length;
  let runStart = 0;
  while (runStart < positive.length) {
    let runEnd = runStart + 1;
    while (
      runEnd < positive.length &&
      compareMoney(values[positive[runEnd]!]!, values[positive[runStart]!]!) === 0
    )
      runEnd++;
    const rank = { numerator: 2 * runStart + (runEnd - runStart), denominator };
    for (let i = runStart; i < runEnd; i++) ranks[positive[i]!] = rank;
    runStart = runEnd;
  }
  return ranks;
}

/**
 * The percentile rank `value` would have among `values` (it is not one of them): a customer
 * group's figure ranked against the accounts'. Same rule as `percentileRanks`; 0 for a value ≤ 0.
 */
export function rankAmong(value: Money, values: readonly Money[]): Fraction {
  if (moneySign(value) <= 0) return ZERO;
  let below = 0;
  let equal = 0;
  let positive = 0;
  for (const other of values) {
    if (moneySign(other) <= 0) continue;
    positive++;
    const order = compareMoney(other, value);
    if (order < 0) below++;
    else if (order === 0) equal++;
  }
  return positive === 0 ? ZERO : { numerator: 2 * below + equal, denominator: 2 * positive };
}
