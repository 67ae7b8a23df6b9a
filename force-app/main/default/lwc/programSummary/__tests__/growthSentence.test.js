// The growth comparison in words, for every case DESIGN.md's growth can take (percentage points).
import { growthSentence } from 'c/programSummary';

describe('growthSentence', () => {
  it('gives the ratio when both groups grew: 16 % ÷ 10 % = 1.6×', () => {
    expect(growthSentence(16, 10)).toBe(
      'Strategic accounts grew 1.6× as fast as the other accounts (+16% against +10% year over year).'
    );
  });

  it('says "0.5× as fast" when strategic accounts grew half as fast, not a flattering word', () => {
    expect(growthSentence(5, 10)).toBe(
      'Strategic accounts grew 0.5× as fast as the other accounts (+5% against +10% year over year).'
    );
  });

  it('gives no ratio when only strategic accounts grew (the others shrank or stood still)', () => {
    expect(growthSentence(12, -4)).toBe(
      'Strategic accounts grew (+12% year over year) while the other accounts did not (-4%).'
    );
    expect(growthSentence(12, 0)).toBe(
      'Strategic accounts grew (+12% year over year) while the other accounts did not (0%).'
    );
  });

  it('gives no ratio when only the other accounts grew', () => {
    expect(growthSentence(-3, 8)).toBe(
      'Strategic accounts did not grow (-3% year over year) while the other accounts grew (+8%).'
    );
    expect(growthSentence(0, 8)).toBe(
      'Strategic accounts did not grow (0% year over year) while the other accounts grew (+8%).'
    );
  });

  it('says neither grew when both shrank (a ratio of two declines would read as growth)', () => {
    expect(growthSentence(-2, -8)).toBe(
      'Neither group grew: strategic accounts -2%, the other accounts -8% year over year.'
    );
  });

  it('cannot compare without a prior year (null growth) or when a figure is hidden', () => {
    const unknown =
      'Growth cannot be compared yet: both groups need revenue in the prior twelve months.';
    expect(growthSentence(null, 10)).toBe(unknown);
    expect(growthSentence(16, null)).toBe(unknown);
    expect(growthSentence(undefined, undefined)).toBe(unknown);
  });
});
