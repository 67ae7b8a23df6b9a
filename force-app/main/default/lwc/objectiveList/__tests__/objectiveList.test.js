import { createElement } from '@lwc/engine-dom';
import ObjectiveList from 'c/objectiveList';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const OBJECTIVES = [
  { id: 'o1', measure: 'NPS', status: 'On track' },
  { id: 'o2', measure: 'Share of wallet', status: 'At risk' }
];

async function mount(props) {
  const element = createElement('c-objective-list', { is: ObjectiveList });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-objective-list', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists the objectives and passes an item edit on with its id', async () => {
    const element = await mount({ objectives: OBJECTIVES, canCreate: true, canEdit: true });
    expect($$(element, '.objective-title').map(text)).toEqual(['NPS', 'Share of wallet']);
    const edit = jest.fn();
    const add = jest.fn();
    element.addEventListener('edit', edit);
    element.addEventListener('add', add);
    $($$(element, 'li.objective')[1], 'lightning-button-icon.edit-objective').click();
    $(element, 'lightning-button.add-objective').click();
    expect(edit.mock.calls[0][0].detail).toEqual({ id: 'o2' });
    expect(add).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('offers no action to a read-only user and says when there is nothing yet', async () => {
    const element = await mount({ objectives: [], canCreate: false, canEdit: false });
    expect($(element, 'lightning-button.add-objective')).toBeNull();
    expect(text($(element, '.no-objectives'))).toBe('No objectives yet.');
  });
});
