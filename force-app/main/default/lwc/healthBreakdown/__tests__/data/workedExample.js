// The worked example and the helpers both c-health-breakdown suites (English, Italian) share.
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../../test/jest-utils/shadowQuery';

// docs/metrics.md's worked example (sync-service/src/metrics/planHealth.test.ts, default weights):
// Plan 40, Relationships 16.7, Sponsorship 50, Execution 50 → plan health 37, with the checks
// the sync reported as failed.
export const CHECKS = [
  {
    component: 'Plan',
    weight: 30,
    failed: [
      { code: 'weaknesses' },
      { code: 'opportunities' },
      { code: 'customerObjectives' },
      { code: 'revenueTarget' },
      { code: 'nextReviewPassed' },
      { code: 'initiativeValued' }
    ]
  },
  {
    component: 'Relationships',
    weight: 30,
    failed: [
      { code: 'economicBuyer' },
      { code: 'champion' },
      { code: 'noHighInfluence' },
      { code: 'noStakeholders' }
    ]
  },
  { component: 'Sponsorship', weight: 20, failed: [{ code: 'sponsorsOnCadence', value: 0.5 }] },
  { component: 'Execution', weight: 20, failed: [{ code: 'objectiveProgress', value: 0 }] }
];
export const VALUES = { Plan: 40, Relationships: 16.7, Sponsorship: 50, Execution: 50 };

export async function mount(createElement, HealthBreakdown, props) {
  const element = createElement('c-health-breakdown', { is: HealthBreakdown });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

export async function open(element) {
  $(element, 'lightning-button.toggle').click();
  await Promise.resolve();
}

export const rowsOf = (element) =>
  $$(element, 'tr.part').map((row) => ({
    component: text(row.querySelector('.component')),
    weight: text(row.querySelector('.weight')),
    value: text(row.querySelector('.value')),
    points: text(row.querySelector('.points')),
    actions: [...row.querySelectorAll('li.action')].map(text),
    allPass: row.querySelector('.all-pass') ? text(row.querySelector('.all-pass')) : null
  }));
