import { decodeFigures, encodeFigures } from './figures';
import type { AccountFigures } from '../metrics';

const window = (wonAmount: AccountFigures['lifetimeWon']) => ({ wonAmount, wonCount: 3, lostCount: 1, opportunityCount: 7, salesCycleDays: 95 });

describe('stored figures', () => {
  it('read back exactly, whatever form the money takes (cents, cents with a fraction, bigint)', () => {
    const figures: AccountFigures = {
      periods: [
        { quarter: window(125_000), ttm: window({ cents: 987_654, fraction: 333_333_333_333_333 }), priorTtm: window(-5), cagrBase: window(0) },
        { quarter: window(2n ** 70n), ttm: window(1), priorTtm: window(2), cagrBase: window(3) }
      ],
      pipeline: { openAmount: { cents: 12, fraction: 5 }, weightedAmountTimesProbability: 4_000_000 },
      lifetimeWon: -(2n ** 64n)
    };
    expect(decodeFigures(encodeFigures(figures))).toEqual(figures);
  });
});
