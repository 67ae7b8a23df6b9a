import { createElement } from '@lwc/engine-dom';
import MapLegend from 'c/mapLegend';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';

const values = (pairs) => ({ values: pairs.map(([value, label]) => ({ value, label })) });
const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();

describe('c-map-legend', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('explains borders, colours, symbols and line styles with the org’s translated values', async () => {
    const element = createElement('c-map-legend', { is: MapLegend });
    document.body.appendChild(element);
    // Each wire gets the values of its field (Italian labels, as an Italian user reads them).
    getPicklistValues.emit(
      values([
        ['High', 'Alta'],
        ['Medium', 'Media'],
        ['Low', 'Bassa']
      ]),
      (c) => c.fieldApiName.fieldApiName === 'Influence__c'
    );
    getPicklistValues.emit(
      values([
        ['Advocate', 'Sostenitore'],
        ['Detractor', 'Detrattore']
      ]),
      (c) => c.fieldApiName.fieldApiName === 'Attitude__c'
    );
    getPicklistValues.emit(
      values([
        ['Influences', 'Influenza'],
        ['Allied with', 'Alleato di'],
        ['Partner of', 'Partner di']
      ]),
      (c) => c.fieldApiName.fieldApiName === 'Type__c'
    );
    await Promise.resolve();
    const root = element.shadowRoot;
    // Border width: the thickest border for High influence.
    const samples = [...root.querySelectorAll('.influence .item')];
    expect(samples.map(text)).toEqual(['Alta', 'Media', 'Bassa']);
    expect(samples[0].querySelector('.sample').className).toContain('influence-high');
    expect(text(root.querySelector('.unmapped'))).toBe('Dashed border: not mapped yet');
    // Attitude: colour AND symbol AND word.
    expect([...root.querySelectorAll('.attitude .item')].map(text)).toEqual([
      '++Sostenitore',
      '−−Detrattore'
    ]);
    // Line styles: solid for reporting, a dash pattern per link type, an arrow when directed;
    // a type an admin added later is drawn in the neutral style, with its label.
    const links = [...root.querySelectorAll('.link-type')];
    expect(links.map(text)).toEqual(['Influenza', 'Alleato di', 'Partner di']);
    expect(links[0].querySelector('line').getAttribute('stroke-dasharray')).toBe('6 4');
    expect(links[0].querySelector('polygon')).not.toBeNull();
    expect(links[1].querySelector('polygon')).toBeNull();
    expect(links[2].querySelector('line').getAttribute('class')).toContain('link-other');
    expect(text(root.querySelector('.reports-to'))).toBe('Reports to');
    await expect(element).toBeAccessible();
  });
});
