import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  addMoney,
  cagrField,
  compareMoney,
  convertMoney,
  currencyField,
  decimalRate,
  FRACTION_SCALE,
  fromFemtocents,
  growthField,
  percentField,
  roundedBigIntDivision,
  scaledQuotient,
  toFemtocents,
  type Money
} from './money';

const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });

const money = fc.oneof(
  fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(fromFemtocents)
);

describe('money', () => {
  it('rounds half away from zero', () => {
    // 5 / 2 = 2.5 → 3; −5 / 2 = −2.5 → −3; 7 / 3 = 2.33 → 2.
    expect(scaledQuotient(5, 2, 1)).toBe(3);
    expect(scaledQuotient(-5, 2, 1)).toBe(-3);
    expect(scaledQuotient(7, 3, 1)).toBe(2);
    // 1 / 8 = 0.125 = 12.5 % exactly, kept; 1/3 = 33.333… % → 33.33.
    expect(percentField(1, 8)).toBe(12.5);
    expect(percentField(1, 3)).toBe(33.33);
    expect(percentField(2, 3)).toBe(66.67);
  });

  it('rounds exactly, matching 80-digit decimals', () => {
    fc.assert(
      fc.property(money, money, fc.constantFrom(1, 10, 100, 1000, 10000), (n, d, scale) => {
        fc.pre(compareMoney(d, 0) > 0);
        const expected = new Exact(toFemtocents(n).toString())
          .times(scale)
          .div(toFemtocents(d).toString())
          .toDecimalPlaces(0);
        expect(scaledQuotient(n, d, scale)).toBe(expected.toNumber() + 0);
      })
    );
  });

  it('adds exactly, in any order', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 20 }), (amounts) => {
        const forward = amounts.reduce(addMoney, 0);
        const backward = [...amounts].reverse().reduce(addMoney, 0);
        const exact = amounts.reduce<bigint>((sum, amount) => sum + toFemtocents(amount), 0n);
        expect(toFemtocents(forward)).toBe(exact);
        expect(toFemtocents(backward)).toBe(exact);
      })
    );
  });

  it('keeps a sum past 2^53 cents exact', () => {
    const big: Money = 2 ** 53 - 1;
    const sum = addMoney(big, 2);
    expect(typeof sum).toBe('bigint');
    expect(toFemtocents(sum)).toBe((2n ** 53n + 1n) * BigInt(FRACTION_SCALE));
  });

  it('converts with the rate the API sent, to 10^-15 cent', () => {
    // 1000 cents / 0.9 = 1111.111… cents; 10^-15 cent units: 1111111111111111111 (rounded down at the 19th digit).
    const converted = convertMoney(1000, decimalRate(0.9));
    expect(toFemtocents(converted)).toBe(1111111111111111111n);
    expect(currencyField(converted)).toBe(11.11);
    // 1 cent / 0.8 = 1.25 cents exactly.
    expect(toFemtocents(convertMoney(1, decimalRate(0.8)))).toBe(1250000000000000n);
    expect(decimalRate(1e-7)).toEqual({ mantissa: 1n, exponent: 7 });
    expect(decimalRate(1.234567)).toEqual({ mantissa: 1234567n, exponent: 6 });
  });

  it('converts exactly like bigint division, whatever the amount and rate', () => {
    const rates = fc.oneof(
      fc.integer({ min: 1, max: 99_999_999 }).map((m) => m / 1e6),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
      fc.constantFrom(0.9, 0.8, 1.234567891, 123456.789, 0.000001)
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 46), max: 2 ** 46 }), rates, (cents, rate) => {
        const decimal = decimalRate(rate);
        const expected = fromFemtocents(
          roundedBigIntDivision(
            BigInt(cents) * 10n ** 15n * 10n ** BigInt(decimal.exponent),
            decimal.mantissa
          )
        );
        expect(convertMoney(cents, decimal)).toEqual(expected);
      })
    );
  });

  it('writes currency fields rounded to the cent', () => {
    expect(currencyField(12345)).toBe(123.45);
    // 0.5 cent rounds away from zero: 1.005 → 1.01; −1.005 → −1.01.
    expect(currencyField(fromFemtocents(100n * 10n ** 15n + 5n * 10n ** 14n))).toBe(1.01);
    expect(currencyField(fromFemtocents(-(100n * 10n ** 15n + 5n * 10n ** 14n)))).toBe(-1.01);
  });

  it('rounds any amount to the cent like 80-digit decimals', () => {
    fc.assert(
      fc.property(money, (amount) => {
        const cents = new Exact(toFemtocents(amount).toString())
          .div(FRACTION_SCALE)
          .toDecimalPlaces(0);
        expect(currencyField(amount)).toBe(cents.div(100).toNumber() + 0);
      })
    );
  });

  it('computes growth as TTM / prior − 1, null without a positive prior', () => {
    // 1500 / 1200 − 1 = 0.25 → 25 points.
    expect(growthField(1500, 1200)).toBe(25);
    // 900 / 1200 − 1 = −0.25 → −25.
    expect(growthField(900, 1200)).toBe(-25);
    expect(growthField(900, 0)).toBeNull();
    expect(growthField(900, -5)).toBeNull();
  });

  it('computes the 3-year CAGR as a cube root', () => {
    // 1331 / 1000 = 1.1³ → 10 %; 8 / 1 = 2³ → 100 %; 1 / 8 → 0.5 − 1 = −50 %.
    expect(cagrField(133100, 100000)).toBe(10);
    expect(cagrField(800, 100)).toBe(100);
    expect(cagrField(100, 800)).toBe(-50);
    // (1.00005)³ = 1.000150007500125: the root is exactly 1.00005 → 0.005 points, a midpoint → 0.01.
    expect(cagrField(1000150007500125, 1000000000000000)).toBe(0.01);
    expect(cagrField(0, 100)).toBeNull();
    expect(cagrField(100, 0)).toBeNull();
  });

  it('rounds the CAGR like 80-digit decimals', () => {
    fc.assert(
      fc.property(money, money, (ttm, base) => {
        fc.pre(compareMoney(ttm, 0) > 0 && compareMoney(base, 0) > 0);
        const ratio = new Exact(toFemtocents(ttm).toString()).div(toFemtocents(base).toString());
        const expected = ratio.cbrt().minus(1).times(10000).toDecimalPlaces(0).toNumber() / 100 + 0;
        expect(cagrField(ttm, base)).toBe(expected);
      })
    );
  });
});
