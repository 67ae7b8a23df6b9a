// The trend arrows' words for an Italian user (translations/it.translation-meta.xml): the box's
// accessible name and the arrow's title. Today is 31 March 2026: D−90 is 31 December 2025.
require('../../../../../test/jest-mocks/labels').mockItalian();
const { readPeople } = require('../mapModel');
const mockMap = require('./data/graphqlRelationshipMap.json');

const MARCO = '003000000000002AAA'; // stakeholder …2: Skeptic, Weak today

const change = (id, field, oldValue, newValue, createdDate) => ({
  node: {
    Id: id,
    ParentId: { value: 'a03000000000002AAA' },
    Field: { value: field },
    OldValue: { value: oldValue },
    NewValue: { value: newValue },
    CreatedDate: { value: createdDate }
  }
});

describe('relationship trends in Italian', () => {
  it('words the arrows in Italian', () => {
    const data = JSON.parse(JSON.stringify(mockMap));
    // Supporter → Skeptic on 2 March: decaying; strength Weak → Weak untouched: steady.
    data.uiapi.query.Stakeholder__History = {
      edges: [change('h1', 'Attitude__c', 'Supporter', 'Skeptic', '2026-03-02T09:00:00.000Z')]
    };
    const { people } = readPeople(data, undefined, { today: '2026-03-31', staleAfterDays: 90 });
    const marco = people.get(MARCO);
    expect([marco.attitudeTrend.symbol, marco.attitudeTrend.title]).toEqual([
      '↓',
      'Atteggiamento: in peggioramento negli ultimi 90 giorni'
    ]);
    expect([marco.strengthTrend.symbol, marco.strengthTrend.title]).toEqual([
      '→',
      'Relazione: stabile negli ultimi 90 giorni'
    ]);
    expect(marco.ariaLabel).toContain('in peggioramento negli ultimi 90 giorni');
  });
});
