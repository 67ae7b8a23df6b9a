import { createElement } from '@lwc/engine-dom';
import MapOrgChart from 'c/mapOrgChart';

const text = (element) => element.textContent.replace(/\s+/g, ' ').trim();
const LONG_NAME =
  'Maria Antonietta Giuseppina Carolina Wolfeschlegelsteinhausenbergerdorff-Montecuccoli';

function node(id, x, y, extra = {}) {
  return {
    id,
    name: id === 'b' ? LONG_NAME : `Person ${id}`,
    subtitle: 'Chief Executive Officer',
    mapped: true,
    x,
    y,
    width: 220,
    height: 112,
    style: `left: ${x}px; top: ${y}px; width: 220px; height: 112px;`,
    boxClass: 'node',
    stripeClass: 'stripe attitude-advocate',
    ariaLabel: `${id === 'b' ? LONG_NAME : `Person ${id}`}. Chief Executive Officer`,
    ariaPressed: 'false',
    toggle: null,
    ...extra
  };
}

// a manages b and c: a 2,000 px wide chart.
const CHART = {
  width: 2000,
  height: 300,
  label: 'Org chart of the account, 3 contacts',
  roots: ['a'],
  moves: new Map([
    ['a', { up: null, down: 'b', left: null, right: null }],
    ['b', { up: 'a', down: null, left: null, right: 'c' }],
    ['c', { up: 'a', down: null, left: 'b', right: null }]
  ]),
  nodes: [
    node('a', 900, 16, {
      toggle: { expanded: 'true', text: '−', label: 'Hide the people under Person a' }
    }),
    node('b', 16, 176),
    node('c', 1700, 176)
  ],
  reportingLines: [],
  links: []
};

function mount(width = 1000) {
  const element = createElement('c-map-org-chart', { is: MapOrgChart });
  element.chart = CHART;
  document.body.appendChild(element);
  const viewport = element.shadowRoot.querySelector('.viewport');
  Object.defineProperty(viewport, 'clientWidth', { configurable: true, value: width });
  Object.defineProperty(viewport, 'clientHeight', { configurable: true, value: 400 });
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const rerender = async (element) => {
  element.chart = { ...CHART };
  await Promise.resolve();
  await Promise.resolve();
};

describe('c-map-org-chart', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('opens fitted to the width, and zooms in and out in steps', async () => {
    const element = mount(1000);
    await rerender(element);
    // 1,000 px of room for a 2,000 px chart: half size.
    expect(text($(element, '.zoom-level'))).toBe('Zoom: 50 %');
    expect($(element, '.canvas').style.width).toBe('1000px');
    $(element, '.zoom-in').click();
    await Promise.resolve();
    expect(text($(element, '.zoom-level'))).toBe('Zoom: 67 %');
    $(element, '.zoom-out').click();
    $(element, '.zoom-out').click();
    await Promise.resolve();
    expect(text($(element, '.zoom-level'))).toBe('Zoom: 33 %');
    $(element, '.fit').click();
    await Promise.resolve();
    expect(text($(element, '.zoom-level'))).toBe('Zoom: 50 %');
  });

  it('keeps whole names for the eye (ellipsis by CSS) and for assistive technology', async () => {
    const element = mount();
    await Promise.resolve();
    const box = $(element, '.node[data-id="b"]');
    expect(text(box.querySelector('.node-name'))).toBe(LONG_NAME);
    expect(box.title).toContain(LONG_NAME);
    expect(box.getAttribute('aria-label')).toContain(LONG_NAME);
    await expect(element).toBeAccessible();
  });

  it('has one tab stop and moves with the arrow keys; Enter selects', async () => {
    const element = mount();
    const selected = [];
    element.addEventListener('selectperson', (e) => selected.push(e.detail.contactId));
    await Promise.resolve();
    const tabStops = () =>
      [...element.shadowRoot.querySelectorAll('.node[tabindex="0"]')].map((n) => n.dataset.id);
    expect(tabStops()).toEqual(['a']);
    const key = (id, k) =>
      $(element, `.node[data-id="${id}"]`).dispatchEvent(new KeyboardEvent('keydown', { key: k }));
    key('a', 'ArrowDown');
    await Promise.resolve();
    key('b', 'ArrowRight');
    await Promise.resolve();
    await Promise.resolve();
    expect(tabStops()).toEqual(['c']);
    expect(element.shadowRoot.activeElement).toBe($(element, '.node[data-id="c"]'));
    key('c', 'Enter');
    expect(selected).toEqual(['c']);
  });

  it('offers to hide or show a branch', async () => {
    const element = mount();
    const toggled = [];
    element.addEventListener('togglebranch', (e) => toggled.push(e.detail.contactId));
    await Promise.resolve();
    const toggle = $(element, 'button.branch-toggle');
    expect(toggle.getAttribute('aria-label')).toBe('Hide the people under Person a');
    toggle.click();
    expect(toggled).toEqual(['a']);
  });

  it('zooms in to a readable size and scrolls a person into the middle of the view', async () => {
    const element = mount(1000);
    await rerender(element);
    element.showPerson('c');
    await rerender(element);
    // Fitted at 50 %, too small to read: shown at 80 %. c's centre: (1,700 + 110) × 0.8 =
    // 1,448 px, minus half the 1,000 px view = 948.
    expect(text($(element, '.zoom-level'))).toBe('Zoom: 80 %');
    expect($(element, '.viewport').scrollLeft).toBe(948);
  });
});
