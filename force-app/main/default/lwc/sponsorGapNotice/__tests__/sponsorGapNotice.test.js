import { createElement } from '@lwc/engine-dom';
import SponsorGapNotice from 'c/sponsorGapNotice';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

async function mount(gaps) {
  const element = createElement('c-sponsor-gap-notice', { is: SponsorGapNotice });
  element.gaps = gaps;
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-sponsor-gap-notice', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('names each uncovered executive with the title when known', async () => {
    const element = await mount([
      { contactId: 'c1', name: 'Marco Verdi', title: 'CFO' },
      { contactId: 'c2', name: null, title: null }
    ]);
    expect(text($(element, '.gap'))).toBe(
      'High-influence customer executives without a sponsor counterpart: Marco Verdi (CFO), —'
    );
    await expect(element).toBeAccessible();
  });

  it('shows nothing without gaps', async () => {
    const element = await mount([]);
    expect($(element, '.gap')).toBeNull();
  });
});
