// The program page as an Italian user reads it: every label from translations/it and the it-IT
// locale, mocked before the component is loaded.
import { createElement } from '@lwc/engine-dom';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

require('../../../../../test/jest-mocks/labels').mockItalian();
const SamProgram = require('c/samProgram').default;

const mockProgram = require('./data/graphqlProgram.json');
const mockAdmin = require('./data/getObjectInfosAdmin.json');

jest.mock('lightning/uiRecordApi', () => ({ updateRecord: jest.fn() }), { virtual: true });

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('c-sam-program in Italian', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('words the summary, tables, risks and candidates in Italian', async () => {
    const element = createElement('c-sam-program', { is: SamProgram });
    document.body.appendChild(element);
    await flushPromises();
    graphql.emit(mockProgram);
    getObjectInfos.emit(mockAdmin);
    await flushPromises();

    expect($(element, 'lightning-card').title).toBe('Programma SAM');
    expect(text($(element, '.sentence'))).toBe(
      "La crescita degli account strategici è 1,6× quella degli altri account (+16% contro +10% rispetto all'anno precedente)."
    );
    const health = $(element, '.tile[data-key="planHealth"] c-metric-tile');
    expect(text(health.shadowRoot.querySelector('.tile-label'))).toBe('Salute media dei piani');
    expect(text(health.shadowRoot.querySelector('.tile-detail'))).toBe(
      'Su 2 di 3 account strategici'
    );
    const table = $($(element, 'c-program-accounts'), 'lightning-datatable');
    expect(table.columns.map((c) => c.label)).toEqual([
      'Account',
      'Ricavi TTM',
      'YoY',
      'CAGR 3 anni',
      'Punteggio',
      'Equilibrio del valore',
      'Sponsor',
      'Piano'
    ]);
    expect(table.data.map((r) => [r.growthText, r.sponsorText])).toEqual([
      ['+20%', 'In linea con la cadenza'],
      ['-5%', 'In ritardo'],
      ['+30%', 'Nessuno sponsor']
    ]);
    expect($$(element, 'li.risk .reason').map(text)).toEqual([
      "Ricavi in calo (-5% rispetto all'anno precedente)",
      'Sponsor in ritardo: Luca Ferrari',
      'Nessun piano attivo'
    ]);
    expect(text($(element, 'li.candidate .strongest'))).toBe(
      'Punti di forza: Concentrazione del fatturato (15,0 punti), Valore nel tempo (13,3 punti), Collaborazione (12,5 punti)'
    );
    const nominate = $(element, 'li.candidate lightning-button.nominate');
    expect(nominate.label).toBe('Nomina');
    expect(nominate.title).toBe('Nomina Delta Foods come account strategico');
    await expect(element).toBeAccessible();
  });
});
