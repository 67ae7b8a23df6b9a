import { LightningElement, api } from 'lwc';
import { buildRevenueChart } from 'c/revenueChartModel';
import { formatCurrency, formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';

/**
 * Quarterly revenue as an SVG bar chart drawn by the component (no chart library). The same
 * numbers are in a visually hidden table for screen readers.
 */
export default class RevenueChart extends LightningElement {
  /** [{ period: 'FY2026-Q3', value: number|null }], oldest first. */
  @api points = [];

  labels = labels;

  get chart() {
    const model = buildRevenueChart(this.points || []);
    return {
      ...model,
      viewBox: `0 0 ${model.width} ${model.height}`,
      ticks: model.ticks.map((tick) => ({
        key: `t${tick.value}`,
        y: tick.y,
        labelY: tick.y + 4,
        label: formatCurrency(tick.value, { compact: true })
      })),
      bars: model.bars.map((bar) => {
        const value = bar.hasValue ? formatCurrency(bar.value) : labels.planChartNoValue;
        const amount = bar.partial ? formatLabel(labels.planChartToDate, value) : value;
        return {
          ...bar,
          key: bar.period,
          className: `bar-rect${bar.negative ? ' negative' : ''}${bar.partial ? ' partial' : ''}`,
          tooltip: `${bar.period}: ${amount}`,
          amount
        };
      })
    };
  }

  get hasData() {
    return !buildRevenueChart(this.points || []).empty;
  }

  get chartLabel() {
    return formatLabel(labels.planChartLabel, (this.points || []).length);
  }
}
