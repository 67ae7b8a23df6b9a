import { createElement } from '@lwc/engine-dom';
import PortfolioItem from 'c/portfolioItem';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

// An entry as orderPortfolio hands it over (state worked out for 2026-06-15).
const ENTRY = {
  id: 'a05000000000003AAA',
  accountId: '001000000000003AAA',
  accountName: 'Aurora Renewables',
  counterpartId: '003000000000003AAA',
  counterpartName: 'Lena Fischer',
  counterpartTitle: null,
  nextEngagement: '2026-05-31',
  state: { status: 'Overdue', daysSince: 75 },
  metric: { revenueTtm: 310000, growthYoy: 8, strategicScore: 42.6, currency: 'EUR' },
  plan: null
};

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(properties) {
  const element = createElement('c-portfolio-item', { is: PortfolioItem });
  Object.assign(element, properties);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-portfolio-item', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the account, its cadence status and figures, and raises logengagement with its id', async () => {
    const element = await mount({ entry: ENTRY, canLog: true });
    expect(text($(element, '.account-link'))).toBe('Aurora Renewables');
    expect(text($(element, '.days-since'))).toBe('Days since last engagement: 75');
    expect(text($(element, '.counterpart'))).toBe('Lena Fischer');
    expect(text($(element, '.next'))).toBe('May 31, 2026');
    expect(text($(element, '.revenue'))).toBe('€310K');
    expect(text($(element, '.growth'))).toBe('(+8% year over year)');
    expect(text($(element, '.plan'))).toBe('No plan');
    const raised = [];
    element.addEventListener('logengagement', (event) => raised.push(event.detail));
    $(element, 'lightning-button.log-engagement').click();
    expect(raised).toEqual([{ id: 'a05000000000003AAA' }]);
    await expect(element).toBeAccessible();
  });

  it('offers no Log Engagement unless the container allows it, and disables it while busy', async () => {
    const element = await mount({ entry: ENTRY, canLog: false });
    expect($(element, 'lightning-button.log-engagement')).toBeNull();
    element.canLog = true;
    element.busy = true;
    await flushPromises();
    expect($(element, 'lightning-button.log-engagement').disabled).toBe(true);
  });
});
