import { LightningElement, api } from 'lwc';
import {
  formatCurrency,
  formatDate,
  formatLabel,
  formatNumber,
  formatPercent,
  formatRatio,
  NO_VALUE
} from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { groupLabels } from 'c/groupLabels';
import { chartPoints, latestMetric } from 'c/planModel';
import { attainmentPercent } from 'c/planStatus';

const isNegative = (value) => typeof value === 'number' && value < 0;

/**
 * The latest metric snapshot as tiles (revenue with growth and attainment of the plan's target,
 * CAGR, pipeline with coverage, win rate, mutual value, strategic score, plan health), both
 * scores openable to their parts, and the quarterly revenue chart. A metric the user may not read
 * shows "—".
 */
export default class PlanMetrics extends LightningElement {
  /** Snapshots, newest first (c/planModel's readMetrics). */
  @api metrics = [];
  /** The group's current figures (c/planModel's readGroupMetric); null without subsidiaries. */
  @api groupMetric = null;
  /** The Active plan's revenue target; undefined without a plan or when hidden. */
  @api revenueTarget;
  @api quartersShown = 12;

  labels = labels;

  get latest() {
    return latestMetric(this.metrics || []);
  }

  get hasMetrics() {
    return Boolean(this.latest);
  }

  get hasScoreCriteria() {
    return Boolean(this.latest.scoreCriteria && this.latest.scoreCriteria.length);
  }

  get hasHealthChecks() {
    return Boolean(this.latest.healthChecks && this.latest.healthChecks.length);
  }

  /** The component fields by component, as c-health-breakdown reads them. */
  get healthValues() {
    const m = this.latest;
    return {
      Plan: m.healthPlan,
      Relationships: m.healthRelationships,
      Sponsorship: m.healthSponsorship,
      Execution: m.healthExecution
    };
  }

  get asOfText() {
    return formatLabel(
      labels.planAsOf,
      formatDate(this.latest.asOf),
      this.latest.period || NO_VALUE
    );
  }

  get tiles() {
    const m = this.latest;
    const out = (value) => formatLabel(labels.planMetricOutOfHundred, formatNumber(value));
    const tiles = [
      {
        key: 'revenue',
        label: labels.planMetricRevenueTtm,
        value: formatCurrency(m.revenueTtm, { compact: true }),
        exactValue: formatCurrency(m.revenueTtm),
        details: [
          {
            key: 'yoy',
            text: formatLabel(labels.planMetricYoy, formatPercent(m.growthYoy, { signed: true })),
            decline: isNegative(m.growthYoy)
          }
        ]
      },
      {
        key: 'cagr',
        label: labels.planMetricCagr,
        value: formatPercent(m.cagr3y, { signed: true }),
        details: isNegative(m.cagr3y)
          ? [{ key: 'cagr', text: labels.planMetricDecline, decline: true }]
          : []
      },
      {
        key: 'pipeline',
        label: labels.planMetricPipeline,
        value: formatCurrency(m.pipeline12m, { compact: true }),
        exactValue: formatCurrency(m.pipeline12m),
        details: [
          {
            key: 'coverage',
            text: formatLabel(labels.planMetricCoverage, formatRatio(m.pipelineCoverage))
          }
        ]
      },
      {
        key: 'winRate',
        label: labels.planMetricWinRate,
        value: formatPercent(m.winRate),
        details: []
      },
      {
        key: 'mutualValue',
        label: labels.planMetricMutualValue,
        value: out(m.mutualValueBalance),
        // The balance opened to its parts: value realized for the customer and for us.
        details: [
          {
            key: 'parts',
            text: formatLabel(
              labels.planMetricValueParts,
              formatCurrency(m.customerValue, { compact: true }),
              formatCurrency(m.supplierValue, { compact: true })
            )
          }
        ]
      },
      { key: 'score', label: labels.planMetricScore, value: out(m.strategicScore), details: [] },
      // "—" without an Active plan (the sync leaves it blank) or when hidden.
      { key: 'health', label: labels.planMetricHealth, value: out(m.planHealth), details: [] }
    ];
    const group = this.groupMetric;
    if (group) {
      // The whole customer group next to the account's own figures.
      tiles[0].details.push({
        key: 'group',
        text: formatLabel(
          groupLabels.planGroupRevenue,
          formatCurrency(group.revenueTtm, { compact: true }),
          formatPercent(group.growthYoy, { signed: true })
        ),
        title: groupLabels.planGroupHint,
        decline: isNegative(group.growthYoy)
      });
      tiles[2].details.push({
        key: 'group',
        text: formatLabel(
          groupLabels.planGroupPipeline,
          formatCurrency(group.pipeline12m, { compact: true })
        ),
        title: groupLabels.planGroupHint
      });
    }
    if (this.revenueTarget !== undefined) {
      // Attainment beside coverage: how far this year's revenue is from the plan's goal.
      tiles[0].details.push({
        key: 'attainment',
        text: formatLabel(
          labels.planMetricAttainment,
          formatPercent(attainmentPercent(m.revenueTtm, this.revenueTarget))
        )
      });
    }
    return tiles;
  }

  get chartPoints() {
    return chartPoints(this.metrics || [], this.quartersShown);
  }

  get chartHeading() {
    return formatLabel(labels.planChartHeading, this.chartPoints.length);
  }
}
