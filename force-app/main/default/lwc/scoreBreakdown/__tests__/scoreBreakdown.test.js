import { createElement } from '@lwc/engine-dom';
import ScoreBreakdown from 'c/scoreBreakdown';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

// docs/metrics.md's example: revenue rank 0.75, lifetime rank 0.25, influence 5 (→ 1),
// co-innovation 3 (→ 0.5), collaboration blank (→ 0.5), risk 2 (→ 0.75), default weights.
const CRITERIA = [
  { criterion: 'Revenue_Concentration', weight: 25, value: 0.75 },
  { criterion: 'Lifetime_Value', weight: 20, value: 0.25 },
  { criterion: 'Influence', weight: 15, value: 1 },
  { criterion: 'Co_Innovation', weight: 15, value: 0.5 },
  { criterion: 'Collaboration', weight: 15, value: 0.5 },
  { criterion: 'Risk', weight: 10, value: 0.75 }
];

async function mount(props) {
  const element = createElement('c-score-breakdown', { is: ScoreBreakdown });
  Object.assign(element, props);
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

describe('c-score-breakdown', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('opens the score to its six criteria with weights, values and the points each adds', async () => {
    const element = await mount({ criteria: CRITERIA, score: 61.3 });
    const toggle = $(element, 'lightning-button.toggle');
    expect(toggle.label).toBe("Show the score's parts");
    expect(toggle.ariaExpanded).toBe('false');
    expect($(element, 'table.parts')).toBeNull();

    toggle.click();
    await Promise.resolve();
    expect(toggle.label).toBe("Hide the score's parts");
    const rows = $$(element, 'tr.part');
    const cells = (row) => [
      text(row.querySelector('th')),
      text(row.querySelector('.weight')),
      text(row.querySelector('.value')),
      text(row.querySelector('.points'))
    ];
    // Points = 100 × weight × value ÷ 100 (the weights add up to 100):
    // 18.75 + 5 + 15 + 7.5 + 7.5 + 7.5 = 61.25, shown as the score 61.3.
    expect(rows.map(cells)).toEqual([
      ['Revenue concentration (rank by revenue, last 12 months)', '25', '0.75', '18.8'],
      ['Lifetime value (rank by won revenue, 36 months, plus pipeline)', '20', '0.25', '5.0'],
      ['Influence rating', '15', '1.00', '15.0'],
      ['Co-innovation rating', '15', '0.50', '7.5'],
      ['Collaboration rating', '15', '0.50', '7.5'],
      ['Risk (a higher rating lowers the score)', '10', '0.75', '7.5']
    ]);
    expect(text($(element, 'caption'))).toBe(
      'Strategic score 61.3 = 100 × Σ (weight × value) ÷ Σ weights'
    );
    await expect(element).toBeAccessible();
  });

  it("weighs by the admin's weights, whatever they add up to", async () => {
    // Weights 3 and 1: influence 1 adds 100 × 3 × 1 ÷ 4 = 75 points, risk 0.5 adds 100 × 1 × 0.5 ÷ 4 = 12.5.
    const element = await mount({
      criteria: [
        { criterion: 'Influence', weight: 3, value: 1 },
        { criterion: 'Risk', weight: 1, value: 0.5 }
      ],
      score: 87.5
    });
    $(element, 'lightning-button.toggle').click();
    await Promise.resolve();
    expect($$(element, 'td.points').map(text)).toEqual(['75.0', '12.5']);
  });
});
