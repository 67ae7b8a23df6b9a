// The matrix as an Italian user reads it: every label from translations/it.translation-meta.xml,
// the status labels as the org translates them, amounts in the it-IT format.
import { createElement } from '@lwc/engine-dom';
import { graphql } from 'lightning/graphql';
import { getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

require('../../../../../test/jest-mocks/labels').mockItalian();
const WhitespaceMatrix = require('c/whitespaceMatrix').default;

const mockMatrix = require('./data/graphqlMatrix.json');
const mockSubsidiary = require('./data/graphqlMatrixSubsidiary.json');
const mockEmpty = require('./data/graphqlMatrixEmpty.json');
const mockNoAccess = require('./data/graphqlMatrixNoAccess.json');
const mockStatusLabels = require('./data/getPicklistValuesCellItalian.json');

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mountWith(data, recordId = '001000000000001AAA') {
  const element = createElement('c-whitespace-matrix', { is: WhitespaceMatrix });
  element.recordId = recordId;
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(data);
  getPicklistValuesByRecordType.emit(mockStatusLabels);
  await flushPromises();
  return element;
}

const linesOf = (node) =>
  [...node.querySelectorAll('.amounts > span, :scope > span')].map(text).join(' | ');

describe('c-whitespace-matrix in Italian', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('words headings, cells, totals and the legend in Italian', async () => {
    const element = await mountWith(mockMatrix);
    expect($(element, 'lightning-card').title).toBe('Matrice whitespace');
    expect($$(element, 'thead th').map(text)).toEqual([
      'Segmento',
      'Analytics',
      'Fleet Telematics',
      'Predictive Maintenance',
      'Totale'
    ]);
    const first = $(element, 'tbody tr.row');
    expect([...first.querySelectorAll('td.cell')].map(linesOf)).toEqual([
      '1,2 Mln USD vinti | 300K USD aperti',
      '450K USD aperti',
      'Perso'
    ]);
    expect(linesOf($(element, 'tfoot td.grand-total'))).toBe('1,5 Mln USD vinti | 770K USD aperti');
    expect($$(element, '.legend-item').map(text)).toEqual([
      'Vinto',
      'Aperto',
      'Perso',
      'Whitespace'
    ]);
    const falcon = $(element, 'tbody tr.row[data-segment="001000000000003AAA"] button');
    // Intl puts a no-break space between amount and currency.
    expect(falcon.getAttribute('aria-label').replace(/\s/g, ' ')).toBe(
      'Falcon Aerospace Parts, Analytics: Vinto, 80.000 USD vinti, 0 USD aperti. Mostra le opportunità'
    );
    await expect(element).toBeAccessible();
  });

  it("says whose group a subsidiary's matrix belongs to", async () => {
    const element = await mountWith(mockSubsidiary, '001000000000003AAA');
    expect(text($(element, 'p.subtree'))).toBe(
      'Falcon Aerospace Parts e le sue controllate, nel gruppo Castellan Manufacturing'
    );
  });

  it('words the empty and no-access notices in Italian', async () => {
    const empty = await mountWith(mockEmpty);
    expect(text($(empty, 'p.empty'))).toBe('Nessun prodotto ancora venduto a questo gruppo.');
    const noAccess = await mountWith(mockNoAccess);
    expect(text($(noAccess, 'p.no-access'))).toBe(
      "Non hai accesso alle celle whitespace: chiedi all'amministratore un permission set Tandem."
    );
  });
});
