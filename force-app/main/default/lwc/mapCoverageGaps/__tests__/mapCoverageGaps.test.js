import { createElement } from '@lwc/engine-dom';
import MapCoverageGaps from 'c/mapCoverageGaps';

const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();

function mount(gaps) {
  const element = createElement('c-map-coverage-gaps', { is: MapCoverageGaps });
  element.gaps = gaps;
  document.body.appendChild(element);
  return element;
}

describe('c-map-coverage-gaps', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('reads each gap as a sentence whose names select the person', async () => {
    const element = mount([
      { code: 'NO_CHAMPION', before: 'No champion identified.', after: '', people: [] },
      {
        code: 'HIGH_INFLUENCE_OPPOSED',
        before: 'High-influence skeptics or detractors: ',
        after: '',
        people: [
          { contactId: '003A', name: 'Marco Verdi' },
          { contactId: '003B', name: 'Anke Müller' }
        ]
      }
    ]);
    const selected = [];
    element.addEventListener('selectperson', (e) => selected.push(e.detail.contactId));
    await Promise.resolve();
    const gaps = [...element.shadowRoot.querySelectorAll('li.gap')].map(text);
    expect(gaps).toEqual([
      'No champion identified.',
      'High-influence skeptics or detractors: Marco Verdi, Anke Müller'
    ]);
    const names = element.shadowRoot.querySelectorAll('button.person');
    expect(names[1].title).toBe('Show Anke Müller on the map');
    names[1].click();
    expect(selected).toEqual(['003B']);
    await expect(element).toBeAccessible();
  });

  it('says so when there is no gap', async () => {
    const element = mount([]);
    await Promise.resolve();
    expect(text(element.shadowRoot.querySelector('.no-gaps'))).toBe(
      'No coverage gaps: the buying centre is covered.'
    );
  });
});
