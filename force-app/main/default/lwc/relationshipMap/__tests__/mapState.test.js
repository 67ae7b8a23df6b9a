import {
  afterRead,
  chosenView,
  freshView,
  openingView,
  searched,
  selecting,
  staleAfter
} from '../mapState';

// Ada (CEO) manages Bruno (CTO), who manages Carla (CFO); Dario stands alone. Only Ada and
// Bruno are mapped stakeholders.
const PEOPLE = [
  { id: 'ada', parentId: null, name: 'Ada Rossi', title: 'CEO', mapped: true },
  { id: 'bruno', parentId: 'ada', name: 'Bruno Neri', title: 'CTO', mapped: true },
  { id: 'carla', parentId: 'bruno', name: 'Carla Bianchi', title: 'CFO', mapped: false },
  { id: 'dario', parentId: null, name: 'Dario Conti', title: 'Buyer', mapped: false }
];
const read = {
  forest: PEOPLE.map(({ id, parentId }) => ({ id, parentId })),
  people: new Map(PEOPLE.map((person) => [person.id, person])),
  personList: PEOPLE
};

describe('mapState', () => {
  it('starts another account afresh', () => {
    expect(freshView()).toEqual({
      collapsed: undefined,
      selectedId: undefined,
      searchTerm: '',
      matchIds: []
    });
  });

  it('opens the view the design attribute names, the chart otherwise', () => {
    expect(openingView('Table')).toEqual({ view: 'table', isChartView: false });
    expect(openingView('CHART')).toEqual({ view: 'chart', isChartView: true });
    expect(openingView(undefined)).toEqual({ view: 'chart', isChartView: true });
    expect(chosenView('table')).toEqual({ view: 'table', isChartView: false });
  });

  it('takes a positive stale threshold, else 90 days', () => {
    expect(staleAfter('30')).toBe(30);
    expect(staleAfter(0)).toBe(90);
    expect(staleAfter('soon')).toBe(90);
  });

  it('folds what does not fit only the first time, and searches again', () => {
    // 1 px fits no level even at half size: only the roots show, so Ada (the one root with
    // reports) is folded.
    expect(afterRead(read, { collapsed: undefined, searchTerm: '' }, 1)).toEqual({
      collapsed: new Set(['ada']),
      matchIds: []
    });
    // Three levels fit an unmeasured card (1,200 px assumed): nothing folded.
    expect(afterRead(read, { collapsed: undefined, searchTerm: 'c' }, 0).collapsed).toEqual(
      new Set()
    );
    // The user's folding is kept; "ca" is only in Carla's name (no title has it).
    const kept = new Set(['bruno']);
    expect(afterRead(read, { collapsed: kept, searchTerm: 'ca' }, 1)).toEqual({
      collapsed: kept,
      matchIds: ['carla']
    });
  });

  it('unfolds the branches above what a search finds, and shows unmapped finds', () => {
    const state = { collapsed: new Set(['ada', 'bruno']), mappedOnly: true };
    expect(searched(read, state, 'cfo')).toEqual({
      searchTerm: 'cfo',
      matchIds: ['carla'],
      collapsed: new Set(),
      mappedOnly: false
    });
    // Nothing found: nothing unfolds and "mapped only" stays.
    expect(searched(read, state, 'zeta')).toEqual({
      searchTerm: 'zeta',
      matchIds: [],
      collapsed: new Set(['ada', 'bruno']),
      mappedOnly: true
    });
  });

  it('selects a person and shows him, keeping other folds', () => {
    const state = { collapsed: new Set(['ada', 'dario']), mappedOnly: true };
    expect(selecting(read, state, 'bruno')).toEqual({
      selectedId: 'bruno',
      collapsed: new Set(['dario']),
      mappedOnly: true
    });
  });
});
