// Sums of integer amounts kept exact in doubles: each bucket stays below 2^46 in magnitude
// (an addend is below 2^52, so bucket + addend < 2^53 is exact); a bucket that reaches the
// limit moves its value into a bigint spill and starts again from 0.
import { addMoney, moneyFromCents, type Money } from './money';

const SPILL_LIMIT = 2 ** 46;

export class ExactBuckets {
  values: Float64Array;
  private readonly spilled = new Map<number, bigint>();

  /** `size` new buckets, or buckets over an existing array (e.g. a view that shares its memory). */
  constructor(size: number | Float64Array) {
    this.values = typeof size === 'number' ? new Float64Array(size) : size;
  }

  add(index: number, amount: number): void {
    const value = this.values[index]! + amount;
    if (value >= SPILL_LIMIT || value <= -SPILL_LIMIT) {
      this.spilled.set(index, (this.spilled.get(index) ?? 0n) + BigInt(value));
      this.values[index] = 0;
    } else {
      this.values[index] = value;
    }
  }

  /** Grow to at least `size` buckets (for stores whose keys appear as data arrives). */
  ensureSize(size: number): void {
    if (size <= this.values.length) return;
    const grown = new Float64Array(Math.max(size, this.values.length * 2));
    grown.set(this.values);
    this.values = grown;
  }

  get hasSpills(): boolean {
    return this.spilled.size > 0;
  }

  /**
   * Exact total of the buckets first, first + step, … below end. The double part is below
   * 127 × 2^46 < 2^53 when the caller adds at most 127 buckets.
   */
  total(first: number, end: number, step = 1): Money {
    let sum = 0;
    for (let index = first; index < end; index += step) sum += this.values[index]!;
    if (this.spilled.size === 0) return sum;
    let spill = 0n;
    for (let index = first; index < end; index += step) spill += this.spilled.get(index) ?? 0n;
    return spill === 0n ? sum : addMoney(sum, moneyFromCents(spill));
  }
}
