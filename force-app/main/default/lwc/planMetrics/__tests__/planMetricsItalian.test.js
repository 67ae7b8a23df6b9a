// The group's figures as an Italian user reads them (labels from translations/it.translation-meta.xml,
// the it-IT locale), mocked before the component is loaded.
import { createElement } from '@lwc/engine-dom';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

require('../../../../../test/jest-mocks/labels').mockItalian();
const PlanMetrics = require('c/planMetrics').default;

describe('c-plan-metrics in Italian', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it("words the group's figures in Italian", async () => {
    const element = createElement('c-plan-metrics', { is: PlanMetrics });
    Object.assign(element, {
      metrics: [{ id: 'm1', period: 'FY2026-Q3', isCurrent: true, revenueTtm: 4250000 }],
      groupMetric: { revenueTtm: 12400000, growthYoy: 8, pipeline12m: 2500000 }
    });
    document.body.appendChild(element);
    await Promise.resolve();
    const group = $($(element, 'li.tile[data-key="revenue"]'), '.tile-detail[data-key="group"]');
    // Intl writes a no-break space before the currency; text() reads it as a space.
    expect(text(group)).toBe('Gruppo: 12,4 Mln USD negli ultimi 12 mesi, +8%');
    expect(group.title).toBe("L'account con tutte le sue controllate");
  });
});
