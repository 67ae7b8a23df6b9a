import { LightningElement, api } from 'lwc';
import {
  formatCurrency,
  formatDate,
  formatFixed,
  formatLabel,
  formatNumber,
  formatPercent,
  NO_VALUE
} from 'c/tandemFormat';
import { programLabels } from 'c/programLabels';
import { compareGrowth } from 'c/programModel';

const isNegative = (value) => typeof value === 'number' && value < 0;
const signed = (points) => formatPercent(points, { signed: true });

/**
 * The growth comparison in words (issue 15: "strategic accounts grew 1.6× as fast"). A ratio is
 * given only when both groups grew; shrinking, flat or unknown growth is said as it is.
 */
export function growthSentence(strategic, other) {
  const comparison = compareGrowth(strategic, other);
  switch (comparison.kind) {
    case 'faster':
      return formatLabel(
        programLabels.growthFaster,
        `${formatFixed(comparison.ratio, 1)}×`,
        signed(strategic),
        signed(other)
      );
    case 'strategicOnly':
      return formatLabel(programLabels.growthStrategicOnly, signed(strategic), signed(other));
    case 'otherOnly':
      return formatLabel(programLabels.growthOtherOnly, signed(strategic), signed(other));
    case 'neither':
      return formatLabel(programLabels.growthNeither, signed(strategic), signed(other));
    default:
      return programLabels.growthUnknown;
  }
}

const QUARTER_COLUMNS = [
  ['period', 'columnQuarter'],
  ['strategicAccounts', 'columnStrategicAccounts'],
  ['strategicGrowth', 'columnStrategicGrowth'],
  ['otherGrowth', 'columnOtherGrowth'],
  ['strategicShare', 'columnShare'],
  ['sponsorCoverage', 'columnSponsorCoverage'],
  ['planCoverage', 'columnPlanCoverage']
];

/**
 * The program at a glance: the latest quarter's growth comparison in words, its figures as tiles
 * (with the average plan health of the strategic accounts) and the last 12 quarters as a table.
 */
export default class ProgramSummary extends LightningElement {
  /** Program_Metric__c rows, newest first (c/programModel's readProgramPeriods). */
  @api periods = [];
  /** { average, counted, total } (c/programModel's averagePlanHealth). */
  @api planHealth;

  programLabels = programLabels;

  get latest() {
    return (this.periods && this.periods[0]) || null;
  }

  get hasPeriods() {
    return Boolean(this.latest);
  }

  get sentence() {
    return growthSentence(this.latest.strategicGrowth, this.latest.otherGrowth);
  }

  get asOfText() {
    return formatLabel(
      programLabels.asOf,
      this.latest.period || NO_VALUE,
      formatDate(this.latest.asOf)
    );
  }

  get tiles() {
    const p = this.latest;
    const health = this.planHealth || { average: null, counted: 0, total: 0 };
    const tile = (key, label, value, details = []) => ({ key, label, value, details });
    return [
      tile('strategicGrowth', programLabels.strategicGrowth, signed(p.strategicGrowth), [
        { key: 'yoy', text: programLabels.yearOverYear, decline: isNegative(p.strategicGrowth) }
      ]),
      tile('otherGrowth', programLabels.otherGrowth, signed(p.otherGrowth), [
        { key: 'yoy', text: programLabels.yearOverYear, decline: isNegative(p.otherGrowth) }
      ]),
      tile('share', programLabels.revenueShare, formatPercent(p.strategicShare), [
        {
          key: 'amounts',
          text: formatLabel(
            programLabels.revenueShareDetail,
            formatCurrency(p.strategicRevenue, { compact: true }),
            formatCurrency(sum(p.strategicRevenue, p.otherRevenue), { compact: true })
          )
        }
      ]),
      tile('sponsorCoverage', programLabels.sponsorCoverage, formatPercent(p.sponsorCoverage), [
        { key: 'rule', text: programLabels.sponsorCoverageDetail }
      ]),
      tile('planCoverage', programLabels.planCoverage, formatPercent(p.planCoverage), [
        { key: 'rule', text: programLabels.planCoverageDetail }
      ]),
      tile(
        'planHealth',
        programLabels.planHealth,
        formatNumber(health.average, { maximumFractionDigits: 0 }),
        [
          {
            key: 'over',
            text: formatLabel(programLabels.planHealthDetail, health.counted, health.total)
          }
        ]
      ),
      tile('strategicAccounts', programLabels.strategicCount, formatNumber(p.strategicAccounts))
    ];
  }

  get quarterColumns() {
    return QUARTER_COLUMNS.map(([fieldName, label]) => ({
      label: programLabels[label],
      fieldName,
      type: 'text',
      hideDefaultActions: true
    }));
  }

  get quarterRows() {
    return (this.periods || []).map((p) => ({
      id: p.id,
      period: p.period || NO_VALUE,
      strategicAccounts: formatNumber(p.strategicAccounts),
      strategicGrowth: signed(p.strategicGrowth),
      otherGrowth: signed(p.otherGrowth),
      strategicShare: formatPercent(p.strategicShare),
      sponsorCoverage: formatPercent(p.sponsorCoverage),
      planCoverage: formatPercent(p.planCoverage)
    }));
  }
}

/** Strategic plus other revenue; unknown when either is hidden or blank. */
function sum(a, b) {
  return typeof a === 'number' && typeof b === 'number' ? a + b : null;
}
