import { createElement } from '@lwc/engine-dom';
import MetricTile from 'c/metricTile';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

describe('c-metric-tile', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the value, the exact amount on hover and a declining detail in red with an arrow', async () => {
    const element = createElement('c-metric-tile', { is: MetricTile });
    Object.assign(element, {
      label: 'Revenue (TTM)',
      value: '$4.3M',
      exactValue: '$4,250,000',
      details: [
        { key: 'yoy', text: '-37% year over year', decline: true },
        { key: 'attainment', text: 'Attainment of the target: 71%' }
      ]
    });
    document.body.appendChild(element);
    await Promise.resolve();
    expect($(element, '.slds-box').title).toBe('$4,250,000');
    expect(text($(element, '.tile-value'))).toBe('$4.3M');
    const [yoy, attainment] = $$(element, '.tile-detail');
    expect(yoy.classList).toContain('slds-text-color_error');
    expect(yoy.querySelector('lightning-icon').alternativeText).toBe('Decline');
    expect(attainment.querySelector('lightning-icon')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
