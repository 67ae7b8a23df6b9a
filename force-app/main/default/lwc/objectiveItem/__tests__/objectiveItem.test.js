import { createElement } from '@lwc/engine-dom';
import ObjectiveItem from 'c/objectiveItem';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

const OBJECTIVE = {
  id: 'a02000000000001AAA',
  measure: 'Share of wallet (%)',
  category: 'Growth',
  status: 'Achieved',
  targetValue: 100,
  currentValue: 31,
  dueDate: '2026-12-31',
  ownerName: 'Anna Rossi'
};

async function mount(props) {
  const element = createElement('c-objective-item', { is: ObjectiveItem });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-objective-item', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("shows the org's labels of status and category, also for a value an admin added later", async () => {
    const element = await mount({
      objective: {
        ...OBJECTIVE,
        status: 'Paused',
        statusLabel: 'In pausa',
        categoryLabel: 'Crescita'
      }
    });
    expect($(element, 'c-status-badge.objective-status').label).toBe('In pausa');
    expect(text($(element, '.objective-category'))).toBe('Crescita');
  });

  it.each([
    ['Achieved', 31, 'success', 'progress_success'],
    ['Not started', 47, 'neutral', 'progress'],
    ['At risk', 47, 'warning', 'progress_warning'],
    ['Off track', 10, 'error', 'progress_error']
  ])('colours a %s objective at %i %% by its status', async (status, current, tone, barClass) => {
    const element = await mount({ objective: { ...OBJECTIVE, status, currentValue: current } });
    expect($(element, 'c-status-badge.objective-status').tone).toBe(tone);
    expect($(element, 'lightning-progress-bar').classList).toContain(barClass);
    expect(text($(element, '.objective-percent'))).toBe(`${current}%`);
    await expect(element).toBeAccessible();
  });

  it('raises edit with its id only for a user who may edit', async () => {
    const element = await mount({ objective: OBJECTIVE, canEdit: true });
    const handler = jest.fn();
    element.addEventListener('edit', handler);
    $(element, 'lightning-button-icon.edit-objective').click();
    expect(handler.mock.calls[0][0].detail).toEqual({ id: OBJECTIVE.id });
    const readOnly = await mount({ objective: OBJECTIVE, canEdit: false });
    expect($(readOnly, 'lightning-button-icon.edit-objective')).toBeNull();
  });
});
