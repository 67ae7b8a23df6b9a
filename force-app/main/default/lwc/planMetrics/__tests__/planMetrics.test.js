import { createElement } from '@lwc/engine-dom';
import PlanMetrics from 'c/planMetrics';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const CURRENT = {
  id: 'm1',
  period: 'FY2026-Q3',
  asOf: '2026-08-20',
  isCurrent: true,
  revenueQuarter: 870000,
  revenueTtm: 3000000,
  growthYoy: -37,
  cagr3y: -4.2,
  pipeline12m: 1800000,
  pipelineCoverage: 0.3,
  winRate: 35,
  mutualValueBalance: 71.4,
  strategicScore: 82.5
};

async function mount(props) {
  const element = createElement('c-plan-metrics', { is: PlanMetrics });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const tile = (element, key) => $(element, `li.tile[data-key="${key}"]`);

describe('c-plan-metrics', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('offers the score opened to its parts when the sync wrote them, and nothing to open otherwise', async () => {
    const criteria = [
      { criterion: 'Influence', weight: 15, value: 1 },
      { criterion: 'Risk', weight: 10, value: 0.75 }
    ];
    const element = await mount({ metrics: [{ ...CURRENT, scoreCriteria: criteria }] });
    const breakdown = $(element, 'c-score-breakdown');
    expect(breakdown.criteria).toEqual(criteria);
    expect(breakdown.score).toBe(82.5);
    document.body.removeChild(element);
    const without = await mount({ metrics: [{ ...CURRENT, scoreCriteria: [] }] });
    expect($(without, 'c-score-breakdown')).toBeNull();
  });

  it('shows plan health with its breakdown, and a dash with nothing to open without an Active plan', async () => {
    const checks = [
      { component: 'Sponsorship', weight: 20, failed: [{ code: 'noActiveSponsor' }] }
    ];
    const element = await mount({
      metrics: [
        {
          ...CURRENT,
          planHealth: 44,
          healthPlan: 80,
          healthRelationships: 50,
          healthSponsorship: 0,
          healthExecution: undefined,
          healthChecks: checks
        }
      ]
    });
    expect(text($(tile(element, 'health'), '.tile-value'))).toBe('44 / 100');
    expect(text($(tile(element, 'health'), '.tile-label'))).toBe('Plan health');
    const breakdown = $(element, 'c-health-breakdown');
    expect(breakdown.checks).toEqual(checks);
    expect(breakdown.score).toBe(44);
    // The component fields by component; a hidden one stays undefined (shown "—").
    expect(breakdown.values).toEqual({
      Plan: 80,
      Relationships: 50,
      Sponsorship: 0,
      Execution: undefined
    });
    document.body.removeChild(element);
    // No Active plan: the sync leaves the score and the checks blank.
    const none = await mount({ metrics: [{ ...CURRENT, planHealth: null, healthChecks: [] }] });
    expect(text($(tile(none, 'health'), '.tile-value'))).toBe('— / 100');
    expect($(none, 'c-health-breakdown')).toBeNull();
  });

  it('puts attainment of the plan target next to growth, and marks a decline in red', async () => {
    const element = await mount({ metrics: [CURRENT], revenueTarget: 6000000 });
    const revenue = tile(element, 'revenue');
    // 3M of a 6M target = 50 % attained; −37 % year over year is a decline.
    expect($$(revenue, '.tile-detail').map(text)).toEqual([
      '-37% year over year',
      'Attainment of the target: 50%'
    ]);
    const [yoy, attainment] = $$(revenue, '.tile-detail');
    expect(yoy.classList).toContain('slds-text-color_error');
    expect($(revenue, 'lightning-icon.decline-icon').alternativeText).toBe('Decline');
    expect(attainment.classList).not.toContain('slds-text-color_error');
    expect(text($(tile(element, 'cagr'), '.tile-detail'))).toBe('Decline');
    expect(text($(tile(element, 'pipeline'), '.tile-detail'))).toBe(
      'Coverage of the target: 0.30×'
    );
    await expect(element).toBeAccessible();
  });

  it("adds the group's figures to revenue and pipeline, a falling group marked like the account", async () => {
    const element = await mount({
      metrics: [CURRENT],
      groupMetric: { revenueTtm: 12400000, growthYoy: -3.5, pipeline12m: 2500000 }
    });
    const group = $(tile(element, 'revenue'), '.tile-detail[data-key="group"]');
    expect(text(group)).toBe('Group: $12.4M TTM, -3.5%');
    expect(group.className).toContain('slds-text-color_error');
    expect(text($(tile(element, 'pipeline'), '.tile-detail[data-key="group"]'))).toBe(
      'Group: $2.5M'
    );
  });

  it('shows no group line for an account without subsidiaries, and "—" for a hidden group figure', async () => {
    const alone = await mount({ metrics: [CURRENT], groupMetric: null });
    expect($(alone, '.tile-detail[data-key="group"]')).toBeNull();
    document.body.removeChild(alone);
    const hidden = await mount({
      metrics: [CURRENT],
      groupMetric: { revenueTtm: undefined, growthYoy: undefined, pipeline12m: 10 }
    });
    expect(text($(tile(hidden, 'revenue'), '.tile-detail[data-key="group"]'))).toBe(
      'Group: — TTM, —'
    );
  });

  it('claims no attainment without a readable plan target', async () => {
    const element = await mount({ metrics: [{ ...CURRENT, growthYoy: 5 }] });
    expect($$(tile(element, 'revenue'), '.tile-detail').map(text)).toEqual(['+5% year over year']);
    expect($(tile(element, 'revenue'), '.decline-icon')).toBeNull();
  });

  it('says so when there are no metrics yet', async () => {
    const element = await mount({ metrics: [] });
    expect(text($(element, '.no-metrics'))).not.toBeNull();
    expect($(element, 'c-revenue-chart')).toBeNull();
  });
});
