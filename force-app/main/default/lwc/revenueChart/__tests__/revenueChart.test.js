import { createElement } from '@lwc/engine-dom';
import RevenueChart from 'c/revenueChart';

const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);

function mount(points) {
  const element = createElement('c-revenue-chart', { is: RevenueChart });
  element.points = points;
  document.body.appendChild(element);
  return element;
}

describe('c-revenue-chart', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('draws a labelled bar per quarter and the same numbers as a hidden table', async () => {
    const element = mount([
      { period: 'FY2026-Q1', value: 1000 },
      { period: 'FY2026-Q2', value: -250 },
      { period: 'FY2026-Q3', value: null }
    ]);
    const svg = element.shadowRoot.querySelector('svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Bar chart of revenue in each of the last 3 quarters'
    );
    const bars = [...element.shadowRoot.querySelectorAll('g.bar rect')];
    expect(bars).toHaveLength(3);
    // A credit-note quarter is drawn below the baseline, in a different colour.
    expect(bars[1].classList).toContain('negative');
    expect(bars[0].classList).not.toContain('negative');
    expect(Number(bars[2].getAttribute('height'))).toBe(0);
    const rows = [...element.shadowRoot.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map(text)
    );
    expect(rows).toEqual([
      ['FY2026-Q1', '$1,000'],
      ['FY2026-Q2', '-$250'],
      ['FY2026-Q3', 'not computed']
    ]);
    await expect(element).toBeAccessible();
  });

  it('marks the running quarter as partial, in the bar and in the numbers', async () => {
    const element = mount([
      { period: 'FY2026-Q2', value: 1000, partial: false },
      { period: 'FY2026-Q3', value: 400, partial: true }
    ]);
    await Promise.resolve();
    const bars = [...element.shadowRoot.querySelectorAll('g.bar rect')];
    expect(bars.map((bar) => bar.classList.contains('partial'))).toEqual([false, true]);
    const rows = [...element.shadowRoot.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map(text)
    );
    expect(rows[1]).toEqual(['FY2026-Q3', '$400 (quarter to date)']);
  });

  it('says there is nothing to chart rather than drawing empty axes', async () => {
    const element = mount([{ period: 'FY2026-Q1', value: null }]);
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
    expect(text(element.shadowRoot.querySelector('.no-chart'))).toBe(
      'No quarterly revenue to chart yet.'
    );
    await expect(element).toBeAccessible();
  });
});
