/**
 * Geometry of the account plan's quarterly revenue chart: values in, bars and axis ticks out
 * (in SVG user units). Pure, so the scaling is tested without a DOM; the component only draws.
 */

export const DEFAULT_CHART_SIZE = Object.freeze({
  width: 560,
  height: 180,
  left: 64,
  right: 8,
  top: 12,
  bottom: 36
});

const PERIOD = /^FY(\d{2,4})-Q([1-4])$/;

function tidy(value) {
  // 0.1 + 0.2 style noise would show in tick labels.
  return Number(value.toPrecision(12));
}

/** A "nice" tick step (1, 2 or 5 times a power of ten) giving about `targetTicks` intervals. */
export function niceStep(range, targetTicks = 4) {
  if (!(range > 0) || !Number.isFinite(range)) {
    return 1;
  }
  const raw = range / Math.max(1, targetTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  let nice = 10;
  if (residual <= 1) {
    nice = 1;
  } else if (residual <= 2) {
    nice = 2;
  } else if (residual <= 5) {
    nice = 5;
  }
  return tidy(nice * magnitude);
}

/** Axis bounds that include zero and the data, on multiples of a nice step. */
export function niceScale(minValue, maxValue, targetTicks = 4) {
  let low = Math.min(0, minValue);
  let high = Math.max(0, maxValue);
  if (high - low < 1e-6) {
    // Flat data (all zero, or differences below a cent): still draw a readable axis.
    high = low + 1;
  }
  const step = niceStep(high - low, targetTicks);
  low = tidy(Math.floor(low / step) * step);
  high = tidy(Math.ceil(high / step) * step);
  const ticks = [];
  const count = Math.round((high - low) / step);
  for (let index = 0; index <= count; index++) {
    ticks.push(tidy(low + index * step));
  }
  return { min: low, max: high, step, ticks };
}

/** "FY2026-Q3" → "Q3"; the fiscal year is added on the first bar and on each Q1. */
export function shortPeriodLabel(period, withYear) {
  const match = PERIOD.exec(String(period || ''));
  if (!match) {
    return String(period || '');
  }
  const year = match[1].length === 4 ? match[1].slice(2) : match[1];
  return withYear || match[2] === '1' ? `Q${match[2]} FY${year}` : `Q${match[2]}`;
}

/**
 * @param {Array<{period: string, value: number|null}>} points oldest first
 * @param {object} [size] see DEFAULT_CHART_SIZE
 * @returns {{ width, height, bars: Array<{period, label, value, x, y, width, height, hasValue,
 *   negative, labelX}>, ticks: Array<{value, y}>, baselineY: number, plotLeft: number,
 *   plotRight: number, empty: boolean }}
 */
export function buildRevenueChart(points, size = {}) {
  const s = { ...DEFAULT_CHART_SIZE, ...size };
  const values = points
    .map((p) => p.value)
    .filter((v) => typeof v === 'number' && Number.isFinite(v));
  const scale = niceScale(
    values.length ? Math.min(...values) : 0,
    values.length ? Math.max(...values) : 0
  );
  const plotWidth = s.width - s.left - s.right;
  const plotHeight = s.height - s.top - s.bottom;
  const toY = (value) => s.top + ((scale.max - value) / (scale.max - scale.min)) * plotHeight;
  const baselineY = toY(0);
  const slot = points.length ? plotWidth / points.length : plotWidth;
  const barWidth = Math.max(2, slot * 0.6);
  const bars = points.map((point, index) => {
    const hasValue = typeof point.value === 'number' && Number.isFinite(point.value);
    const value = hasValue ? point.value : 0;
    const top = Math.min(toY(value), baselineY);
    const slotLeft = s.left + index * slot;
    return {
      period: point.period,
      label: shortPeriodLabel(point.period, index === 0),
      value: hasValue ? point.value : null,
      hasValue,
      negative: value < 0,
      // The current quarter is still running: drawn apart so it is not read as a full one.
      partial: point.partial === true,
      x: slotLeft + (slot - barWidth) / 2,
      y: top,
      width: barWidth,
      height: Math.abs(toY(value) - baselineY),
      labelX: slotLeft + slot / 2
    };
  });
  return {
    width: s.width,
    height: s.height,
    bars,
    ticks: scale.ticks.map((value) => ({ value, y: toY(value) })),
    baselineY,
    plotLeft: s.left,
    plotRight: s.width - s.right,
    labelY: s.height - s.bottom + 16,
    empty: values.length === 0
  };
}
