import { percentileRanks } from './percentileRank';

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
