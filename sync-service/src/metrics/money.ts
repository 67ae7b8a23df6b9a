// Exact money. Amounts are integer cents held in a JS number while that is provably exact
// (a safe integer); a sum that could leave that range, or an amount converted from another
// currency (a division that need not terminate), becomes a decimal.js value with 50
// significant digits. Rounding happens once, when a field is written, half away from zero.
import Decimal from 'decimal.js';

export const ExactDecimal = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
export type ExactDecimal = InstanceType<typeof ExactDecimal>;

/** An amount in cents of the corporate currency: a safe integer, or a decimal when it cannot be one. */
export type Money = number | ExactDecimal;

/** Below this, integer arithmetic in a double is exact with room for one more addend or a ×scale. */
const INTEGER_PATH_LIMIT = 2 ** 52;

export function toDecimal(amount: Money | bigint): ExactDecimal {
  if (typeof amount === 'number') return new ExactDecimal(amount);
  return typeof amount === 'bigint' ? new ExactDecimal(amount.toString()) : amount;
}

/** Cents of a bigint total: a number when safe, else a decimal. */
export function moneyFromBigInt(cents: bigint): Money {
  return cents >= -BigInt(Number.MAX_SAFE_INTEGER) && cents <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(cents)
    : new ExactDecimal(cents.toString());
}

export function addMoney(a: Money, b: Money): Money {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    // Both are safe integers, so the double sum is exact whenever it is itself safe.
    if (Number.isSafeInteger(sum)) return sum;
  }
  return toDecimal(a).plus(toDecimal(b));
}

export function subtractMoney(a: Money, b: Money): Money {
  return addMoney(a, typeof b === 'number' ? -b : b.negated());
}

export function moneySign(amount: Money): number {
  return typeof amount === 'number'
    ? Math.sign(amount)
    : amount.isZero()
      ? 0
      : amount.isNegative()
        ? -1
        : 1;
}

export function compareMoney(a: Money, b: Money): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return toDecimal(a).comparedTo(toDecimal(b));
}

/** Integer quotient n/d rounded half away from zero; n, d safe integers with |n|, d ≤ 2^52, d > 0. */
function roundedIntegerDivision(n: number, d: number): number {
  const magnitude = Math.abs(n);
  let quotient = Math.floor(magnitude / d);
  // The float quotient may be one off near an integer; the products below are exact (≤ 2^53).
  while (quotient * d > magnitude) quotient--;
  while ((quotient + 1) * d <= magnitude) quotient++;
  if (2 * (magnitude - quotient * d) >= d) quotient++;
  return n < 0 && quotient !== 0 ? -quotient : quotient;
}

/** n/d rounded half away from zero; d > 0. */
export function roundedBigIntDivision(n: bigint, d: bigint): bigint {
  const magnitude = n < 0n ? -n : n;
  let quotient = magnitude / d;
  if (2n * (magnitude - quotient * d) >= d) quotient++;
  return n < 0n ? -quotient : quotient;
}

/** round(n × scale / d) half away from zero, as an integer; d must be > 0. */
export function scaledQuotient(n: Money, d: Money, scale: number): number {
  if (typeof n === 'number' && typeof d === 'number') {
    const scaled = n * scale;
    if (Math.abs(scaled) <= INTEGER_PATH_LIMIT && d <= INTEGER_PATH_LIMIT)
      return roundedIntegerDivision(scaled, d);
    return Number(roundedBigIntDivision(BigInt(n) * BigInt(scale), BigInt(d)));
  }
  return toDecimal(n).times(scale).div(toDecimal(d)).toDecimalPlaces(0).toNumber() + 0;
}

/** A Currency(18,2) field value from cents. */
export function currencyField(cents: Money): number {
  if (typeof cents === 'number') return cents / 100;
  return cents.toDecimalPlaces(0).div(100).toNumber() + 0;
}

/** A ratio as percentage points with 2 decimals (0.125 → 12.5); null when the denominator is not positive. */
export function percentField(part: Money, whole: Money): number | null {
  if (moneySign(whole) <= 0) return null;
  return scaledQuotient(part, whole, 10000) / 100;
}

/** (a / b − 1) in percentage points with 2 decimals; null when b ≤ 0. */
export function growthField(current: Money, prior: Money): number | null {
  if (moneySign(prior) <= 0) return null;
  return scaledQuotient(subtractMoney(current, prior), prior, 10000) / 100;
}

/**
 * ((ttm / base)^(1/3) − 1) in percentage points with 2 decimals; null when either is ≤ 0.
 * Cube roots are irrational in general, so "exact" means correctly rounded: a double
 * computation is used when its error bound (< 2^-49 relative, see below) cannot reach the
 * rounding midpoint, else 50-digit decimals decide.
 */
export function cagrField(ttm: Money, base: Money): number | null {
  if (moneySign(ttm) <= 0 || moneySign(base) <= 0) return null;
  if (typeof ttm === 'number' && typeof base === 'number') {
    // ttm/base: 1 rounding; Math.cbrt (fdlibm): < 0.67 ulp; −1 and ×10000: 1 rounding each.
    const root = Math.cbrt(ttm / base);
    const scaled = (root - 1) * 10000;
    const errorBound = (10000 * root + Math.abs(scaled)) * 2 ** -49;
    const magnitude = Math.abs(scaled);
    const fraction = magnitude - Math.floor(magnitude);
    if (Math.abs(fraction - 0.5) > errorBound) {
      const rounded = Math.floor(magnitude + 0.5);
      return (scaled < 0 && rounded !== 0 ? -rounded : rounded) / 100;
    }
  }
  const root = toDecimal(ttm).div(toDecimal(base)).cbrt();
  return root.minus(1).times(10000).toDecimalPlaces(0).toNumber() / 100 + 0;
}

/** Cents of an amount with (at most) 2 decimals, as Salesforce currency fields hold them. */
export function centsOf(amount: number): Money {
  const cents = amount >= 0 ? Math.round(amount * 100) : -Math.round(-amount * 100);
  return Number.isSafeInteger(cents) && Math.abs(amount) < 2 ** 45
    ? cents + 0
    : new ExactDecimal(String(amount)).times(100).toDecimalPlaces(0);
}
