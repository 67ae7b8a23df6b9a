import { percentileRanks, rankAmong } from './percentileRank';

describe('percentileRanks', () => {
  it('gives tied values the same rank, counting half of the ties', () => {
    // Positive values {100, 200, 200}: n = 3.
    // 100: 0 below, 1 equal → (0 + ½·1)/3 = 1/6 = 1/6 (as 1/6: numerator 2·0+1, denominator 6).
    // 200: 1 below, 2 equal → (1 + ½·2)/3 = 2/3 = 4/6.
    // 0 and −50 are not positive → 0.
    const ranks = percentileRanks([200, 0, 100, 200, -50]);
    expect(ranks.map((r) => r.numerator / r.denominator)).toEqual([4 / 6, 0, 1 / 6, 4 / 6, 0]);
  });

  it('ranks a lone positive value at one half', () => {
    expect(percentileRanks([0, 5]).map((r) => r.numerator / r.denominator)).toEqual([0, 0.5]);
  });
});

describe('rankAmong', () => {
  it('ranks a value that is not in the list (a customer group among the accounts) by the same rule', () => {
    // Positive values {100, 200, 200}: n = 3 (0 and −50 are left out).
    // 200: 1 below, 2 equal → (1 + ½·2)/3 = 4/6; 150: 1 below → 2/6; 500: 3 below → 6/6.
    const values = [200, 0, 100, 200, -50];
    expect([200, 150, 500].map((v) => rankAmong(v, values)).map((r) => r.numerator / r.denominator)).toEqual([4 / 6, 2 / 6, 1]);
    // A value ≤ 0, or no positive value to rank against: 0.
    expect(rankAmong(0, values)).toEqual({ numerator: 0, denominator: 1 });
    expect(rankAmong(10, [0, -5])).toEqual({ numerator: 0, denominator: 1 });
  });
});
