import { createElement } from '@lwc/engine-dom';
import PlanHeader from 'c/planHeader';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const PLAN = {
  id: 'a00000000000001AAA',
  name: 'Acme Growth Plan 2026–2028',
  status: 'Active',
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  revenueTarget: 6000000,
  nextReview: '2026-04-15',
  governanceCadence: 'Quarterly business review',
  customerObjectives: 'Cut downtime.',
  valueProposition: 'Predictive maintenance.',
  influenceRating: 4,
  coInnovationRating: 3,
  collaborationRating: undefined,
  riskRating: null
};

async function mount(props) {
  const element = createElement('c-plan-header', { is: PlanHeader });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-plan-header', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the plan with its status, period, target and the four ratings behind the score', async () => {
    const element = await mount({ plan: PLAN, canEdit: true });
    expect(text($(element, '.plan-name'))).toBe('Acme Growth Plan 2026–2028');
    expect($(element, 'c-status-badge.plan-status').tone).toBe('success');
    expect(text($(element, '.plan-period'))).toBe('Jan 1, 2026 – Dec 31, 2028');
    expect(text($(element, '.revenue-target'))).toBe('$6,000,000');
    expect(
      $$(element, 'li.rating').map((li) => [li.dataset.key, text($(li, '.rating-value'))])
    ).toEqual([
      ['influenceRating', '4 of 5'],
      ['coInnovationRating', '3 of 5'],
      ['collaborationRating', '—'],
      ['riskRating', '—']
    ]);
    await expect(element).toBeAccessible();
  });

  it("shows the org's label of the plan status", async () => {
    const element = await mount({ plan: { ...PLAN, statusLabel: 'Attivo' }, canEdit: false });
    expect($(element, 'c-status-badge.plan-status').label).toBe('Attivo');
  });

  it('raises edit when the user may edit, and offers nothing otherwise', async () => {
    const element = await mount({ plan: PLAN, canEdit: true });
    const handler = jest.fn();
    element.addEventListener('edit', handler);
    $(element, 'lightning-button.edit-plan').click();
    expect(handler).toHaveBeenCalledTimes(1);

    const readOnly = await mount({ plan: PLAN, canEdit: false });
    expect($(readOnly, 'lightning-button.edit-plan')).toBeNull();
  });

  it('shows — for fields hidden from the user', async () => {
    const element = await mount({ plan: { id: 'x', name: 'P', status: 'Draft' } });
    expect(text($(element, '.revenue-target'))).toBe('—');
    expect(text($(element, '.governance'))).toBe('—');
    expect(text($(element, '.customer-objectives'))).toBe('—');
  });
});
