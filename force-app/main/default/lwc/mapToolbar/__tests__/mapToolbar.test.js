import { createElement } from '@lwc/engine-dom';
import MapToolbar from 'c/mapToolbar';

const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();

function mount(properties) {
  const element = createElement('c-map-toolbar', { is: MapToolbar });
  Object.assign(element, { view: 'chart', showExpandAll: true, ...properties });
  document.body.appendChild(element);
  return element;
}

describe('c-map-toolbar', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('says how many people the search found, or that nobody matches', async () => {
    const element = mount({ searchTerm: 'rossi', matchCount: 2 });
    await Promise.resolve();
    expect(text(element.shadowRoot.querySelector('.search-summary'))).toBe('2 found');
    element.matchCount = 0;
    await Promise.resolve();
    expect(text(element.shadowRoot.querySelector('.search-summary'))).toBe(
      'Nobody matches “rossi”'
    );
  });

  it('counts the people in collapsed branches next to Expand all', async () => {
    const element = mount({ hiddenCount: 412 });
    await Promise.resolve();
    expect(text(element.shadowRoot.querySelector('.folded'))).toBe(
      '412 people are in collapsed branches.'
    );
    element.showExpandAll = false;
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.expand-all')).toBeNull();
  });

  it('raises what the user chose', async () => {
    const element = mount({});
    const seen = [];
    ['search', 'mappedonly', 'childaccounts', 'expandall', 'viewchange'].forEach((name) =>
      element.addEventListener(name, (e) => seen.push([name, e.detail]))
    );
    await Promise.resolve();
    const $ = (selector) => element.shadowRoot.querySelector(selector);
    $('.search').dispatchEvent(new CustomEvent('change', { detail: { value: 'cfo' } }));
    $('.mapped-only').dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    $('.child-accounts').dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    $('.expand-all').click();
    $('.view-switch').dispatchEvent(new CustomEvent('change', { detail: { value: 'table' } }));
    expect(seen).toEqual([
      ['search', { term: 'cfo' }],
      ['mappedonly', { value: true }],
      ['childaccounts', { value: true }],
      ['expandall', {}],
      ['viewchange', { value: 'table' }]
    ]);
    await expect(element).toBeAccessible();
  });
});
