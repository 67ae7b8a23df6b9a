import { createElement } from '@lwc/engine-dom';
import PlanItemHeader from 'c/planItemHeader';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

async function mount(props) {
  const element = createElement('c-plan-item-header', { is: PlanItemHeader });
  Object.assign(element, { kind: 'objective', heading: 'Share of wallet (%)', ...props });
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-plan-item-header', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the title and the status badge, and an edit button that raises edit only when allowed', async () => {
    const element = await mount({
      canEdit: true,
      editTitle: 'Edit Share of wallet (%)',
      statusText: 'On track',
      tone: 'success'
    });
    expect(text($(element, '.objective-title'))).toBe('Share of wallet (%)');
    expect($(element, 'c-status-badge.objective-status').label).toBe('On track');
    const edits = [];
    element.addEventListener('edit', () => edits.push(true));
    const button = $(element, 'lightning-button-icon.edit-objective');
    expect(button.alternativeText).toBe('Edit Share of wallet (%)');
    button.click();
    expect(edits).toEqual([true]);

    const readOnly = await mount({ kind: 'initiative', canEdit: false });
    expect($(readOnly, 'lightning-button-icon.edit-initiative')).toBeNull();
    expect($(readOnly, 'c-status-badge')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
