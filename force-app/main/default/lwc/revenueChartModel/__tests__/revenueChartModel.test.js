import fc from 'fast-check';
import { niceStep, niceScale, shortPeriodLabel, buildRevenueChart } from 'c/revenueChartModel';

const SIZE = { width: 400, height: 200, left: 50, right: 10, top: 10, bottom: 40 };

describe('niceScale', () => {
  it('picks 1-2-5 steps', () => {
    expect(niceStep(100, 4)).toBe(50); // 25 → 50
    expect(niceStep(7, 4)).toBe(2); // 1.75 → 2
    expect(niceStep(0.9, 4)).toBe(0.5); // 0.225 → 0.5
    expect(niceStep(0, 4)).toBe(1);
  });

  it('always includes zero and the data', () => {
    expect(niceScale(120, 930)).toEqual({ min: 0, max: 1000, step: 500, ticks: [0, 500, 1000] });
    expect(niceScale(-40, 90).ticks).toEqual([-50, 0, 50, 100]);
    expect(niceScale(0, 0)).toEqual({ min: 0, max: 1, step: 0.5, ticks: [0, 0.5, 1] });
  });

  it('copes with huge amounts', () => {
    const scale = niceScale(0, 4.2e15);
    expect(scale.max).toBeGreaterThanOrEqual(4.2e15);
    expect(scale.ticks.length).toBeLessThanOrEqual(6);
  });

  it('covers any data range with few ticks (property)', () => {
    fc.assert(
      fc.property(
        // Currency(18,2): whole cents up to a trillion.
        fc.integer({ min: -1e14, max: 1e14 }).map((cents) => cents / 100),
        fc.integer({ min: -1e14, max: 1e14 }).map((cents) => cents / 100),
        (a, b) => {
          const low = Math.min(a, b);
          const high = Math.max(a, b);
          const scale = niceScale(low, high);
          expect(scale.min).toBeLessThanOrEqual(Math.min(0, low));
          expect(scale.max).toBeGreaterThanOrEqual(Math.max(0, high));
          expect(scale.ticks.length).toBeGreaterThanOrEqual(2);
          expect(scale.ticks.length).toBeLessThanOrEqual(12);
        }
      )
    );
  });
});

describe('shortPeriodLabel', () => {
  it('shows the fiscal year on the first bar and on each Q1', () => {
    expect(shortPeriodLabel('FY2026-Q3', true)).toBe('Q3 FY26');
    expect(shortPeriodLabel('FY2026-Q3', false)).toBe('Q3');
    expect(shortPeriodLabel('FY2027-Q1', false)).toBe('Q1 FY27');
    expect(shortPeriodLabel('2026 custom', false)).toBe('2026 custom');
  });
});

describe('buildRevenueChart', () => {
  it('scales bars to the plot area from a zero baseline', () => {
    const chart = buildRevenueChart(
      [
        { period: 'FY2026-Q1', value: 500 },
        { period: 'FY2026-Q2', value: 1000 },
        { period: 'FY2026-Q3', value: 0 },
        { period: 'FY2026-Q4', value: null }
      ],
      SIZE
    );
    // Plot: x 50..390 (340 wide, 85 per slot, bars 51 wide); y 10..160 (150 high), axis 0..1000.
    expect(chart.baselineY).toBe(160);
    expect(chart.bars[1]).toMatchObject({ x: 50 + 85 + 17, y: 10, height: 150, width: 51 });
    expect(chart.bars[0]).toMatchObject({ y: 85, height: 75, label: 'Q1 FY26' });
    expect(chart.bars[2]).toMatchObject({ height: 0, hasValue: true, value: 0 });
    expect(chart.bars[3]).toMatchObject({ hasValue: false, value: null, height: 0 });
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 500, 1000]);
    expect(chart.empty).toBe(false);
  });

  it('draws negative quarters below the baseline', () => {
    const chart = buildRevenueChart(
      [
        { period: 'FY2026-Q1', value: -50 },
        { period: 'FY2026-Q2', value: 100 }
      ],
      SIZE
    );
    // Axis −50..100 over 150 px: 1 px per unit, baseline at 10 + 100.
    expect(chart.baselineY).toBe(110);
    expect(chart.bars[0]).toMatchObject({ y: 110, height: 50, negative: true });
  });

  it('knows when there is nothing to draw', () => {
    expect(buildRevenueChart([]).empty).toBe(true);
    expect(buildRevenueChart([{ period: 'FY2026-Q1', value: null }]).empty).toBe(true);
  });
});
