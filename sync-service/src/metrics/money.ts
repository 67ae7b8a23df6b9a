// Exact money in cents of the corporate currency, kept in plain numbers on the common path:
// - a `number` is an integer count of cents, always a safe integer, so it is exact;
// - a `FixedMoney` is cents plus a fraction in units of 10^-15 cent: what an amount converted
//   from another currency needs (amount / rate rarely ends). Each converted (account, segment,
//   rate) sum is rounded once to 10^-15 cent, far below the cent the fields show;
// - a `bigint` counts 10^-15 cents: the fallback when cents leave the safe-integer range.
// Ratios are computed in doubles with a proven error bound and recomputed exactly (bigint or
// 50-digit decimals) in the rare case where that bound reaches a rounding midpoint. Every
// rounding happens once, at the field's scale, half away from zero.
import Decimal from 'decimal.js';

const ExactDecimal = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

export const FRACTION_SCALE = 1e15;
const FRACTION_SCALE_BIG = 10n ** 15n;

export interface FixedMoney {
  /** Safe integer. */
  readonly cents: number;
  /** Integer in [1, 10^15): value = cents + fraction / 10^15. */
  readonly fraction: number;
}

/** An amount in cents of the corporate currency. */
export type Money = number | FixedMoney | bigint;

/** Units of 10^-15 cent, exact. */
export function toFemtocents(amount: Money): bigint {
  if (typeof amount === 'number') return BigInt(amount) * FRACTION_SCALE_BIG;
  if (typeof amount === 'bigint') return amount;
  return BigInt(amount.cents) * FRACTION_SCALE_BIG + BigInt(amount.fraction);
}

export function fromFemtocents(femtocents: bigint): Money {
  let cents = femtocents / FRACTION_SCALE_BIG;
  let fraction = femtocents - cents * FRACTION_SCALE_BIG;
  if (fraction < 0n) {
    cents -= 1n;
    fraction += FRACTION_SCALE_BIG;
  }
  if (cents < -BigInt(Number.MAX_SAFE_INTEGER) || cents > BigInt(Number.MAX_SAFE_INTEGER))
    return femtocents;
  return fraction === 0n ? Number(cents) : { cents: Number(cents), fraction: Number(fraction) };
}

/** Money from a bigint count of cents. */
export function moneyFromCents(cents: bigint): Money {
  return fromFemtocents(cents * FRACTION_SCALE_BIG);
}

/** Cents of an amount with (at most) 2 decimals, as Salesforce currency fields hold them. */
export function centsOf(amount: number): Money {
  const cents = amount >= 0 ? Math.round(amount * 100) : -Math.round(-amount * 100);
  return Number.isSafeInteger(cents) ? cents + 0 : moneyFromCents(BigInt(cents));
}

export function addMoney(a: Money, b: Money): Money {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    // Both are safe integers, so the double sum is exact whenever it is itself safe.
    if (Number.isSafeInteger(sum)) return sum + 0;
  } else if (typeof a !== 'bigint' && typeof b !== 'bigint') {
    let cents = (typeof a === 'number' ? a : a.cents) + (typeof b === 'number' ? b : b.cents);
    let fraction =
      (typeof a === 'number' ? 0 : a.fraction) + (typeof b === 'number' ? 0 : b.fraction);
    if (fraction >= FRACTION_SCALE) {
      fraction -= FRACTION_SCALE;
      cents += 1;
    }
    if (Number.isSafeInteger(cents)) return fraction === 0 ? cents + 0 : { cents, fraction };
  }
  return fromFemtocents(toFemtocents(a) + toFemtocents(b));
}

export function negateMoney(amount: Money): Money {
  if (typeof amount === 'number') return -amount + 0;
  if (typeof amount === 'bigint') return fromFemtocents(-amount);
  const cents = -amount.cents - 1;
  if (!Number.isSafeInteger(cents)) return fromFemtocents(-toFemtocents(amount));
  return { cents, fraction: FRACTION_SCALE - amount.fraction };
}

export function subtractMoney(a: Money, b: Money): Money {
  return addMoney(a, negateMoney(b));
}

export function moneySign(amount: Money): number {
  if (typeof amount === 'number') return Math.sign(amount);
  if (typeof amount === 'bigint') return amount > 0n ? 1 : amount < 0n ? -1 : 0;
  return amount.cents >= 0 ? 1 : -1;
}

export function compareMoney(a: Money, b: Money): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return moneySign(subtractMoney(a, b));
}

/** n/d rounded half away from zero; d > 0. */
export function roundedBigIntDivision(n: bigint, d: bigint): bigint {
  const magnitude = n < 0n ? -n : n;
  let quotient = magnitude / d;
  if (2n * (magnitude - quotient * d) >= d) quotient++;
  return n < 0n ? -quotient : quotient;
}

/** An exact decimal rate m / 10^k, as the API sent it. */
export interface DecimalRate {
  readonly mantissa: bigint;
  readonly exponent: number;
}

export function decimalRate(rate: number): DecimalRate {
  const [whole = '0', decimals = ''] = new ExactDecimal(rate).toFixed().split('.');
  return { mantissa: BigInt(whole + decimals), exponent: decimals.length };
}

/** amount / rate, rounded (half away from zero) to 10^-15 cent. */
export function convertMoney(amount: Money, rate: DecimalRate): Money {
  if (typeof amount === 'number') {
    const converted = convertCentsExactly(amount, rate);
    if (converted !== null) return converted;
  }
  return fromFemtocents(
    roundedBigIntDivision(toFemtocents(amount) * 10n ** BigInt(rate.exponent), rate.mantissa)
  );
}

/** Floor of a / m for safe integers with a ≤ 2^53, m ≤ 2^36: the products checked are exact. */
function integerQuotient(a: number, m: number): number {
  let quotient = Math.floor(a / m);
  while (quotient * m > a) quotient--;
  while ((quotient + 1) * m <= a) quotient++;
  return quotient;
}

/**
 * The same conversion by long division in doubles, every step an exact integer operation:
 * whole cents, then the 15 decimals of the fraction five at a time (remainder × 10^5 < 2^53).
 * Null when the operands are too large for that (the bigint path then decides).
 */
function convertCentsExactly(cents: number, rate: DecimalRate): Money | null {
  const m = Number(rate.mantissa);
  const numerator = Math.abs(cents) * 10 ** rate.exponent;
  if (!(m <= 2 ** 36 && rate.exponent <= 15 && numerator <= 2 ** 52)) return null;
  let whole = integerQuotient(numerator, m);
  let remainder = numerator - whole * m;
  let fraction = 0;
  for (let step = 0; step < 3; step++) {
    const scaled = remainder * 1e5;
    const digits = integerQuotient(scaled, m);
    remainder = scaled - digits * m;
    fraction = fraction * 1e5 + digits;
  }
  if (2 * remainder >= m) fraction++;
  if (fraction === FRACTION_SCALE) {
    whole++;
    fraction = 0;
  }
  if (cents >= 0) return fraction === 0 ? whole : { cents: whole, fraction };
  return fraction === 0 ? -whole + 0 : { cents: -whole - 1, fraction: FRACTION_SCALE - fraction };
}

/** A double close to the amount (see approximationError). */
function approximate(amount: Money): number {
  if (typeof amount === 'number') return amount;
  if (typeof amount === 'bigint') return Number(amount) / FRACTION_SCALE;
  return amount.cents + amount.fraction / FRACTION_SCALE;
}

/** A bound on |approximate(amount) − amount|. */
function approximationError(amount: Money): number {
  if (typeof amount === 'number') return 0;
  // Number(bigint) and ÷10^15 round once each.
  if (typeof amount === 'bigint') return Math.abs(Number(amount) / FRACTION_SCALE) * 2 ** -51;
  // fraction / 10^15 < 1 is off by ≤ 2^-53; the sum by ≤ half an ulp of |cents| + 1.
  return (Math.abs(amount.cents) + 1) * 2 ** -52;
}

/** round(x) half away from zero, or null when `error` might put x on the other side of a midpoint. */
function roundIfCertain(x: number, error: number): number | null {
  const magnitude = Math.abs(x);
  if (!(magnitude < 2 ** 51) || Math.abs(magnitude - Math.floor(magnitude) - 0.5) <= error)
    return null;
  const rounded = Math.floor(magnitude + 0.5);
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** round(n × scale / d) half away from zero, as an integer; d must be > 0. */
export function scaledQuotient(n: Money, d: Money, scale: number): number {
  const numerator = approximate(n);
  const numeratorError = approximationError(n);
  const denominator = approximate(d);
  const denominatorError = approximationError(d);
  if (denominator - denominatorError > 0) {
    const quotient = numerator / denominator;
    const scaled = quotient * scale;
    // Input errors carried through the division, plus one rounding each for ÷ and ×.
    const error =
      (scale * (numeratorError + Math.abs(quotient) * denominatorError)) /
        (denominator - denominatorError) +
      Math.abs(scaled) * 2 ** -51;
    const rounded = roundIfCertain(scaled, error);
    if (rounded !== null) return rounded;
  }
  return Number(roundedBigIntDivision(toFemtocents(n) * BigInt(scale), toFemtocents(d)));
}

/** A Currency(18,2) field value from cents. */
export function currencyField(cents: Money): number {
  if (typeof cents === 'number') return cents / 100;
  if (typeof cents === 'bigint') return scaledQuotient(cents, 1, 1) / 100;
  // cents + f with 0 < f < 1: up from ½ when positive; when negative, exactly ½ goes down (away from 0).
  const half = FRACTION_SCALE / 2;
  const rounded =
    cents.cents +
    (cents.cents >= 0 ? (cents.fraction >= half ? 1 : 0) : cents.fraction > half ? 1 : 0);
  return (rounded + 0) / 100;
}

/** A ratio as percentage points with 2 decimals (0.125 → 12.5); null when the denominator is not positive. */
export function percentField(part: Money, whole: Money): number | null {
  if (moneySign(whole) <= 0) return null;
  return scaledQuotient(part, whole, 10000) / 100;
}

/** (current / prior − 1) in percentage points with 2 decimals; null when prior ≤ 0. */
export function growthField(current: Money, prior: Money): number | null {
  if (moneySign(prior) <= 0) return null;
  const change =
    typeof current === 'number' &&
    typeof prior === 'number' &&
    Number.isSafeInteger(current - prior)
      ? current - prior
      : subtractMoney(current, prior);
  return scaledQuotient(change, prior, 10000) / 100;
}

/**
 * ((ttm / base)^(1/3) − 1) in percentage points with 2 decimals; null when either is ≤ 0.
 * The cube root is computed in doubles when the error bound cannot reach a rounding midpoint,
 * else with 50-digit decimals from the exact inputs.
 */
export function cagrField(ttm: Money, base: Money): number | null {
  if (moneySign(ttm) <= 0 || moneySign(base) <= 0) return null;
  const t = approximate(ttm);
  const tError = approximationError(ttm);
  const b = approximate(base);
  const bError = approximationError(base);
  if (t - tError > 0 && b - bError > 0) {
    // Relative error of t/b: the inputs' plus one rounding; cbrt (fdlibm, < 0.67 ulp) divides it
    // by 3 and adds its own; −1 and ×10000 add one rounding each.
    const ratioError = tError / (t - tError) + bError / (b - bError) + 2 ** -52;
    const root = Math.cbrt(t / b);
    const scaled = (root - 1) * 10000;
    const rounded = roundIfCertain(
      scaled,
      10000 * root * (ratioError + 2 ** -50) + Math.abs(scaled) * 2 ** -50
    );
    if (rounded !== null) return rounded / 100;
  }
  const ratio = new ExactDecimal(toFemtocents(ttm).toString()).div(toFemtocents(base).toString());
  return ratio.cbrt().minus(1).times(10000).toDecimalPlaces(0).toNumber() / 100 + 0;
}
