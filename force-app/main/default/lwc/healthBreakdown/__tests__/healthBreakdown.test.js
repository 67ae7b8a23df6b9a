import { createElement } from '@lwc/engine-dom';
import HealthBreakdown from 'c/healthBreakdown';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import { CHECKS, VALUES, mount as mountWith, open, rowsOf } from './data/workedExample';

const mount = (props) => mountWith(createElement, HealthBreakdown, props);

describe('c-health-breakdown', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('opens plan health to its four components, each failed check worded as the action to take', async () => {
    const element = await mount({ checks: CHECKS, values: VALUES, score: 37 });
    const toggle = $(element, 'lightning-button.toggle');
    expect(toggle.label).toBe('Show what makes up plan health');
    expect(toggle.ariaExpanded).toBe('false');
    expect($(element, 'table.parts')).toBeNull();

    await open(element);
    expect(toggle.label).toBe('Hide what makes up plan health');
    expect(toggle.ariaExpanded).toBe('true');
    expect(text($(element, 'caption'))).toBe('Plan health 37 = Σ (weight × component) ÷ Σ weights');
    expect($$(element, 'thead th').map(text)).toEqual([
      'Component',
      'Weight',
      'Value (0–100)',
      'Points'
    ]);
    // Points = weight × value ÷ 100: 12 + 5.01 + 10 + 10 = 37.01, the score 37 within rounding.
    expect(rowsOf(element)).toEqual([
      {
        component: 'Plan: is it written?',
        weight: '30',
        value: '40',
        points: '12.0',
        actions: [
          'Fill in the weaknesses',
          'Fill in the opportunities',
          "Fill in the customer's objectives",
          'Set a revenue target',
          'Next review date has passed',
          'Add a joint initiative with both value targets'
        ],
        allPass: null
      },
      {
        component: 'Relationships: do we know the people who decide?',
        weight: '30',
        value: '16.7',
        points: '5.0',
        actions: [
          'No economic buyer identified',
          'No champion identified',
          'Map the high-influence stakeholders',
          'Map the stakeholders'
        ],
        allPass: null
      },
      {
        component: 'Sponsorship: are the sponsors keeping cadence?',
        weight: '20',
        value: '50',
        points: '10.0',
        actions: ['Bring executive sponsors back on cadence (50% on cadence)'],
        allPass: null
      },
      {
        component: 'Execution: is the plan being carried out?',
        weight: '20',
        value: '50',
        points: '10.0',
        actions: ['Move the objectives toward their targets (0% progress)'],
        allPass: null
      }
    ]);
    await expect(element).toBeAccessible();
  });

  it('says every check passes for a healthy plan', async () => {
    const healthy = CHECKS.map((part) => ({ ...part, failed: [] }));
    const element = await mount({
      checks: healthy,
      values: { Plan: 100, Relationships: 100, Sponsorship: 100, Execution: 100 },
      score: 100
    });
    await open(element);
    const rows = rowsOf(element);
    expect(rows.map((row) => [row.points, row.actions, row.allPass])).toEqual([
      ['30.0', [], 'Every check passes.'],
      ['30.0', [], 'Every check passes.'],
      ['20.0', [], 'Every check passes.'],
      ['20.0', [], 'Every check passes.']
    ]);
  });

  it('names every failed check of a plan with none passing, shares filled in', async () => {
    // A Champion who left, one High-influence person unowned and weak, 1 of 3 seen lately.
    const checks = [
      {
        component: 'Relationships',
        weight: 1,
        failed: [
          { code: 'economicBuyer' },
          { code: 'highInfluenceOwned', value: 0 },
          { code: 'highInfluenceStrong', value: 0.33 },
          { code: 'recentInteraction', value: 0.33 },
          { code: 'keyPersonAlert' },
          { code: 'someFutureCheck' }
        ]
      },
      { component: 'Sponsorship', weight: 0, failed: [{ code: 'noActiveSponsor' }] },
      {
        component: 'Execution',
        weight: 0,
        failed: [
          { code: 'noMeasuredObjective' },
          { code: 'noActiveInitiative' },
          { code: 'initiativesOnTime', value: 0.25 }
        ]
      },
      {
        component: 'Plan',
        weight: 0,
        failed: [{ code: 'nextReviewMissing' }, { code: 'objectiveDefined' }]
      }
    ];
    const element = await mount({ checks, values: { Relationships: 16.7 }, score: 16.7 });
    await open(element);
    const rows = rowsOf(element);
    expect(rows[0].actions).toEqual([
      'No economic buyer identified',
      'Give high-influence stakeholders a relationship owner (0% have one)',
      'Strengthen relationships with high-influence stakeholders (33% strong or medium)',
      'Meet the stakeholders not seen in the last 90 days (33% seen)',
      'Act on the change alert on an economic buyer or champion',
      // A code a newer sync sends shows as sent rather than vanishing.
      'someFutureCheck'
    ]);
    expect(rows[1].actions).toEqual(['Name an active executive sponsor']);
    expect(rows[2].actions).toEqual([
      'Set a target on the objectives',
      'Start a joint initiative',
      'Bring late joint initiatives back on schedule (25% on time)'
    ]);
    expect(rows[3].actions).toEqual([
      'Set a next review date',
      'Add an objective with an owner, a due date and a target'
    ]);
    // Weight 1 of 1: all the points are Relationships'; the hidden components show "—".
    expect(rows.map((row) => [row.value, row.points])).toEqual([
      ['16.7', '16.7'],
      ['—', '—'],
      ['—', '—'],
      ['—', '—']
    ]);
  });
});
