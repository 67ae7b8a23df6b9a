import { createElement } from '@lwc/engine-dom';
import PlanSwot from 'c/planSwot';
import { deepQueryAll as $$, text } from '../../../../../test/jest-utils/shadowQuery';

async function mount(plan) {
  const element = createElement('c-plan-swot', { is: PlanSwot });
  element.plan = plan;
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-plan-swot', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the four quadrants: text, "nothing yet" when blank, — when hidden', async () => {
    const element = await mount({
      strengths: 'Installed base',
      weaknesses: null,
      threats: 'Bundles'
    });
    expect(
      $$(element, '.quadrant').map((q) => [text(q.querySelector('h5')), text(q.querySelector('p'))])
    ).toEqual([
      ['Strengths', 'Installed base'],
      ['Weaknesses', 'Not filled in yet.'],
      ['Opportunities', '—'],
      ['Threats', 'Bundles']
    ]);
    await expect(element).toBeAccessible();
  });
});
