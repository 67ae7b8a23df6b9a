// Metric windows and the segment layout the accumulator buckets by.
//
// Every window is (from, to] in day numbers. All windows' bounds, sorted, cut the horizon into
// segments; each window is then a run of whole segments, so summing per (account, segment) is
// exact at day precision (a TTM ending on an arbitrary as-of day, a February that gained a 29th)
// while the state stays accounts × ~40 segments, not accounts × days.
import { addMonths } from './calendar';
import type { FiscalPeriod } from './fiscal';

export interface DayWindow {
  /** exclusive */
  from: number;
  /** inclusive */
  to: number;
}

/** A window as segments [first, end). */
export interface SegmentRange {
  first: number;
  end: number;
}

export interface PeriodWindows {
  /** Won in the fiscal quarter up to D. */
  quarter: DayWindow;
  /** (D−12m, D] */
  ttm: DayWindow;
  /** (D−24m, D−12m] */
  priorTtm: DayWindow;
  /** (D−48m, D−36m], the CAGR base. */
  cagrBase: DayWindow;
  /** (D−36m, D], won revenue counted in lifetime value. */
  lifetime: DayWindow;
  /** (D, D+12m], the pipeline window; current quarter only. */
  pipeline: DayWindow | null;
}

export type WindowName = keyof PeriodWindows;

/** DESIGN.md "Periods": windows relative to the period's As_Of D, in calendar months, start exclusive, end inclusive. */
export function periodWindows(period: FiscalPeriod): PeriodWindows {
  const d = period.asOfDay;
  return {
    quarter: { from: period.startDay - 1, to: d },
    ttm: { from: addMonths(d, -12), to: d },
    priorTtm: { from: addMonths(d, -24), to: addMonths(d, -12) },
    cagrBase: { from: addMonths(d, -48), to: addMonths(d, -36) },
    lifetime: { from: addMonths(d, -36), to: d },
    pipeline: period.isCurrent ? { from: d, to: addMonths(d, 12) } : null
  };
}

/** Keeps window sums exact: segment buckets stay below 2^46 and a window adds at most this many of them (< 2^53). */
export const MAX_SEGMENTS = 127;

export class SegmentLayout {
  /** Sorted distinct window bounds; segment k is (cuts[k], cuts[k+1]]. */
  readonly cuts: number[];
  readonly segmentCount: number;
  /** First and last day that falls in some segment. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Segment of day (firstDay + i). */
  private readonly segmentOfOffset: Int16Array;

  constructor(windows: DayWindow[]) {
    const bounds = new Set<number>();
    for (const window of windows) {
      bounds.add(window.from);
      bounds.add(window.to);
    }
    this.cuts = [...bounds].sort((a, b) => a - b);
    this.segmentCount = this.cuts.length - 1;
    if (this.segmentCount < 1 || this.segmentCount > MAX_SEGMENTS) {
      throw new Error(`metrics: ${this.segmentCount} segments is outside 1..${MAX_SEGMENTS}`);
    }
    this.firstDay = this.cuts[0]! + 1;
    this.lastDay = this.cuts[this.segmentCount]!;
    this.segmentOfOffset = new Int16Array(this.lastDay - this.firstDay + 1);
    for (let segment = 0; segment < this.segmentCount; segment++) {
      this.segmentOfOffset.fill(
        segment,
        this.cuts[segment]! + 1 - this.firstDay,
        this.cuts[segment + 1]! + 1 - this.firstDay
      );
    }
  }

  /** The segment holding `day`, or −1 outside every window. */
  segmentOf(day: number): number {
    const offset = day - this.firstDay;
    return offset >= 0 && offset < this.segmentOfOffset.length ? this.segmentOfOffset[offset]! : -1;
  }

  range(window: DayWindow): SegmentRange {
    return { first: this.cutIndex(window.from), end: this.cutIndex(window.to) };
  }

  private cutIndex(bound: number): number {
    const index = this.cuts.indexOf(bound);
    if (index < 0) throw new Error(`metrics: ${bound} is not a window bound`);
    return index;
  }
}
