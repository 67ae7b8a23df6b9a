// The breakdown as an Italian user reads it: every label from translations/it.translation-meta.xml
// and the it-IT locale, mocked before the component is loaded.
import { createElement } from '@lwc/engine-dom';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';
import { CHECKS, VALUES, mount, open, rowsOf } from './data/workedExample';

require('../../../../../test/jest-mocks/labels').mockItalian();
const HealthBreakdown = require('c/healthBreakdown').default;

describe('c-health-breakdown in Italian', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('words each component and failed check in Italian, numbers in the Italian format', async () => {
    const element = await mount(createElement, HealthBreakdown, {
      checks: CHECKS,
      values: VALUES,
      score: 37
    });
    const toggle = $(element, 'lightning-button.toggle');
    expect(toggle.label).toBe('Mostra le componenti della salute del piano');
    await open(element);
    expect(toggle.label).toBe('Nascondi le componenti della salute del piano');
    expect(text($(element, 'caption'))).toBe(
      'Salute del piano 37 = Σ (peso × componente) ÷ Σ pesi'
    );
    expect($$(element, 'thead th').map(text)).toEqual([
      'Componente',
      'Peso',
      'Valore (0–100)',
      'Punti'
    ]);
    expect(
      rowsOf(element).map((row) => [row.component, row.value, row.points, row.actions])
    ).toEqual([
      [
        'Piano: è compilato?',
        '40',
        '12,0',
        [
          'Compila i punti deboli',
          'Compila le opportunità',
          'Compila gli obiettivi del cliente',
          'Imposta un obiettivo di fatturato',
          'La data della prossima revisione è passata',
          "Aggiungi un'iniziativa congiunta con entrambi gli obiettivi di valore"
        ]
      ],
      [
        'Relazioni: conosciamo chi decide?',
        '16,7',
        '5,0',
        [
          'Nessun decisore di spesa identificato',
          'Nessun alleato interno identificato',
          'Mappa gli stakeholder ad alta influenza',
          'Mappa gli stakeholder'
        ]
      ],
      [
        'Sponsorship: gli sponsor rispettano la cadenza?',
        '50',
        '10,0',
        ['Riporta gli sponsor esecutivi in linea con la cadenza (50% in linea)']
      ],
      [
        'Esecuzione: il piano viene realizzato?',
        '50',
        '10,0',
        ['Fai avanzare gli obiettivi verso il valore obiettivo (avanzamento 0%)']
      ]
    ]);
    expect(rowsOf(element)[0].allPass).toBeNull();
  });
});
