import { createElement } from '@lwc/engine-dom';
import InitiativeList from 'c/initiativeList';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const INITIATIVES = [
  { id: 'o1', name: 'Pilot', status: 'Active' },
  { id: 'o2', name: 'Retrofit', status: 'Proposed' }
];

async function mount(props) {
  const element = createElement('c-initiative-list', { is: InitiativeList });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-initiative-list', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists the joint initiatives and passes an item edit on with its id', async () => {
    const element = await mount({ initiatives: INITIATIVES, canCreate: true, canEdit: true });
    expect($$(element, '.initiative-title').map(text)).toEqual(['Pilot', 'Retrofit']);
    const edit = jest.fn();
    const add = jest.fn();
    element.addEventListener('edit', edit);
    element.addEventListener('add', add);
    $($$(element, 'li.initiative')[1], 'lightning-button-icon.edit-initiative').click();
    $(element, 'lightning-button.add-initiative').click();
    expect(edit.mock.calls[0][0].detail).toEqual({ id: 'o2' });
    expect(add).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('offers no action to a read-only user and says when there is nothing yet', async () => {
    const element = await mount({ initiatives: [], canCreate: false, canEdit: false });
    expect($(element, 'lightning-button.add-initiative')).toBeNull();
    expect(text($(element, '.no-initiatives'))).toBe('No joint initiatives yet.');
  });
});
