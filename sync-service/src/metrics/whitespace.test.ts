import { NO_PRODUCTS_FAMILY, whitespaceCells, whitespaceRoots, WhitespaceRun, type LineItemInput, type WhitespaceContext } from './whitespace';
import { buildAccountTree, type AccountTree } from './accountTree';
import type { AccountInput, OpportunityInput } from './types';

// D = 2026-06-15. TTM = (2025-06-15, 2026-06-15]; pipeline 12M = (2026-06-15, 2027-06-15];
// families are those won in (2023-06-15, 2026-06-15] anywhere in the org.
const D = '2026-06-15';
const TOP = '001000000000000TOP'; // a group: TOP → SUB1 → SUB2
const SUB1 = '001000000000001SUB';
const SUB2 = '001000000000002SUB';
const STRAT = '001000000000000STR'; // strategic, no children
const OTHER = '001000000000000OTH'; // neither: only its sales decide families

const ALL = [TOP, SUB1, SUB2, STRAT, OTHER];
/** The forest of a parent map over the five accounts. */
const treeOf = (parents: Record<string, string>): AccountTree => buildAccountTree(ALL.map((id) => [id, parents[id] ?? null] as const));

const accounts: AccountInput[] = [
  { id: TOP, isStrategic: false },
  { id: SUB1, isStrategic: false },
  { id: SUB2, isStrategic: false },
  { id: STRAT, isStrategic: true },
  { id: OTHER, isStrategic: false }
];

function context(overrides: Partial<WhitespaceContext> = {}): WhitespaceContext {
  return {
    asOf: D,
    corporateCurrency: 'USD',
    rates: { static: [{ isoCode: 'USD', conversionRate: 1 }, { isoCode: 'EUR', conversionRate: 0.92 }, { isoCode: 'GBP', conversionRate: 0.79 }], dated: [] },
    accounts,
    tree: treeOf({ [SUB1]: TOP, [SUB2]: SUB1 }),
    ...overrides
  };
}

let next = 0;
const won = (accountId: string, closeDate: string, extra: Partial<OpportunityInput> = {}): OpportunityInput => ({
  id: `006${String(++next).padStart(15, '0')}`,
  accountId,
  amount: null,
  closeDate,
  createdDate: '2020-01-01T00:00:00.000Z',
  isWon: true,
  isClosed: true,
  probability: 100,
  ...extra
});
const lost = (accountId: string, closeDate: string): OpportunityInput => won(accountId, closeDate, { isWon: false, probability: 0 });
const open = (accountId: string, closeDate: string): OpportunityInput => won(accountId, closeDate, { isWon: false, isClosed: false, probability: 40 });
const line = (opportunity: OpportunityInput, family: string | null, totalPrice: number): LineItemInput => ({ id: `00k${String(++next).padStart(15, '0')}`, opportunityId: opportunity.id, family, totalPrice });

const byKey = (cells: ReturnType<typeof whitespaceCells>['cells']) => new Map(cells.map((c) => [c.Cell_Key__c, c]));

describe('whitespace roots (DESIGN.md "Whitespace")', () => {
  it('are the tops of groups and the strategic accounts without a parent', () => {
    const tree = treeOf({ [SUB1]: TOP, [SUB2]: SUB1 });
    expect(whitespaceRoots(accounts, tree)).toEqual([STRAT, TOP]);
    // SUB1 strategic: its cells are those of TOP's group, where it is a segment (Account__c is always a top).
    expect(whitespaceRoots(accounts.map((a) => (a.id === SUB1 ? { ...a, isStrategic: true } : a)), tree)).toEqual([STRAT, TOP]);
    // STRAT moved under OTHER: OTHER becomes a group top, STRAT one of its segments.
    expect(whitespaceRoots(accounts, treeOf({ [SUB1]: TOP, [SUB2]: SUB1, [STRAT]: OTHER }))).toEqual([OTHER, TOP]);
  });
});

describe('whitespace cells (DESIGN.md "Whitespace")', () => {
  // The org's sales, each line commented with what it shows.
  const analyticsSub1 = won(SUB1, '2026-03-10', { amount: 1000 }); //           Analytics to SUB1 only, in TTM
  const analyticsOld = won(SUB1, '2022-01-10', { amount: 50 }); //              an old win: neither TTM nor the family window
  const trainingOther = won(OTHER, '2024-01-10', { amount: 300 }); //           makes Training a family (won within 36 months)
  const trainingLost = lost(SUB2, '2026-02-01'); //                             SUB2 lost Training in TTM: a lost-only cell
  const trainingStrat = won(STRAT, '2024-05-01', { amount: 80 }); //            STRAT won Training before TTM: Last_Won only
  const routeOther = won(OTHER, '2023-06-16', { amount: 10 }); //               D − 36m + 1 day: Route Planning is a family
  const routeOpen = open(TOP, '2026-09-30'); //                                 open, closing in 12M: an open-only cell
  const routeLate = open(TOP, '2027-07-01'); //                                 closes after D + 12m: not pipeline
  const esgOther = won(OTHER, '2023-06-15', { amount: 10 }); //                 exactly D − 36m: outside (start exclusive)
  const maintenanceOpen = open(SUB1, '2026-08-01'); //                          never won anywhere: not a family
  const noProducts = won(TOP, '2026-03-01', { amount: 700 }); //                no line items: "(none)", a family now
  const opportunities = [analyticsSub1, analyticsOld, trainingOther, trainingLost, trainingStrat, routeOther, routeOpen, routeLate, esgOther, maintenanceOpen, noProducts];
  const lineItems = [
    line(analyticsSub1, 'Analytics', 600),
    line(analyticsSub1, 'Analytics', 400),
    line(analyticsOld, 'Analytics', 50),
    line(trainingOther, 'Training', 300),
    line(trainingLost, 'Training', 900),
    line(trainingStrat, 'Training', 80),
    line(routeOther, 'Route Planning', 10),
    line(routeOpen, 'Route Planning', 2500),
    line(routeLate, 'Route Planning', 9999),
    line(esgOther, 'Sustainability Reporting', 10),
    line(maintenanceOpen, 'Predictive Maintenance', 1200)
  ];
  const { cells, unknownCurrency } = whitespaceCells(context(), opportunities, lineItems);
  const cell = byKey(cells);

  it('writes roots × segments × families sold in the last 36 months, by root, segment in tree order, family', () => {
    // Families: (none), Analytics, Route Planning, Training. Not Sustainability Reporting (won
    // exactly on D − 36m), not Predictive Maintenance (open only). Roots STRAT [STRAT] and
    // TOP [TOP, SUB1, SUB2]: 4 segments × 4 families = 16 cells.
    expect(cells.map((c) => c.Cell_Key__c)).toEqual(
      [STRAT, TOP, SUB1, SUB2].flatMap((segment) => [NO_PRODUCTS_FAMILY, 'Analytics', 'Route Planning', 'Training'].map((family) => `${segment === STRAT ? STRAT : TOP}:${segment}:${family}`))
    );
    expect(unknownCurrency).toEqual([]);
  });

  it('shows a family sold only to one segment as Won there and Whitespace elsewhere in the group', () => {
    // SUB1: 600 + 400 = 1,000.00 won in TTM; its 2022 win only moves nothing (Last_Won is the latest).
    expect(cell.get(`${TOP}:${SUB1}:Analytics`)).toEqual({
      Cell_Key__c: `${TOP}:${SUB1}:Analytics`,
      Account__c: TOP,
      Segment_Account__c: SUB1,
      Product_Family__c: 'Analytics',
      Won_TTM__c: 1000,
      Open_Pipeline_12M__c: 0,
      Last_Won__c: '2026-03-10',
      Status__c: 'Won'
    });
    expect(cell.get(`${TOP}:${TOP}:Analytics`)).toMatchObject({ Won_TTM__c: 0, Open_Pipeline_12M__c: 0, Last_Won__c: null, Status__c: 'Whitespace' });
    expect(cell.get(`${TOP}:${SUB2}:Analytics`)).toMatchObject({ Status__c: 'Whitespace' });
  });

  it('marks a family the segment only lost in TTM as Lost, and one won only before TTM as Whitespace with its last win', () => {
    expect(cell.get(`${TOP}:${SUB2}:Training`)).toMatchObject({ Won_TTM__c: 0, Open_Pipeline_12M__c: 0, Last_Won__c: null, Status__c: 'Lost' });
    expect(cell.get(`${STRAT}:${STRAT}:Training`)).toMatchObject({ Won_TTM__c: 0, Last_Won__c: '2024-05-01', Status__c: 'Whitespace' });
  });

  it('counts open pipeline closing in (D, D + 12m] only: an open-only cell', () => {
    // 2,500 closes 2026-09-30 (in); 9,999 closes 2027-07-01 (after 2027-06-15: out).
    expect(cell.get(`${TOP}:${TOP}:Route Planning`)).toMatchObject({ Won_TTM__c: 0, Open_Pipeline_12M__c: 2500, Last_Won__c: null, Status__c: 'Open' });
  });

  it('counts an opportunity without products whole under "(none)"', () => {
    expect(cell.get(`${TOP}:${TOP}:${NO_PRODUCTS_FAMILY}`)).toMatchObject({ Won_TTM__c: 700, Last_Won__c: '2026-03-01', Status__c: 'Won' });
    expect(cell.get(`${TOP}:${SUB1}:${NO_PRODUCTS_FAMILY}`)).toMatchObject({ Won_TTM__c: 0, Status__c: 'Whitespace' });
  });

  it('ranks Won over Open over Lost', () => {
    const wonToo = won(SUB2, '2026-05-01');
    const openToo = open(SUB2, '2026-12-01');
    const result = byKey(whitespaceCells(context(), [...opportunities, wonToo, openToo], [...lineItems, line(wonToo, 'Training', 5), line(openToo, 'Training', 7)]).cells);
    // SUB2 Training: lost in TTM, open 7, won 5 → Won.
    expect(result.get(`${TOP}:${SUB2}:Training`)).toMatchObject({ Won_TTM__c: 5, Open_Pipeline_12M__c: 7, Status__c: 'Won' });
  });
});

describe('whitespace money (DESIGN.md: converted, exact)', () => {
  it('converts TotalPrice in the opportunity’s currency once per rate, dated by CloseDate where the org has dated rates', () => {
    const euro = won(SUB1, '2026-03-10', { currencyIsoCode: 'EUR' });
    const pound = won(SUB1, '2026-02-01', { currencyIsoCode: 'GBP' });
    const poundPipeline = open(SUB1, '2026-08-01');
    poundPipeline.currencyIsoCode = 'GBP';
    const dollar = won(SUB1, '2026-04-01', { currencyIsoCode: 'USD' });
    const rates = {
      static: [{ isoCode: 'USD', conversionRate: 1 }, { isoCode: 'EUR', conversionRate: 0.92 }, { isoCode: 'GBP', conversionRate: 0.79 }],
      dated: [
        { isoCode: 'GBP', conversionRate: 0.8, startDate: '2026-01-01', nextStartDate: '2026-07-01' },
        { isoCode: 'GBP', conversionRate: 0.75, startDate: '2026-07-01', nextStartDate: null }
      ]
    };
    const { cells } = whitespaceCells(context({ rates }), [euro, pound, poundPipeline, dollar], [
      line(euro, 'Analytics', 100),
      line(euro, 'Analytics', 100),
      line(euro, 'Analytics', 100),
      line(pound, 'Analytics', 400),
      line(poundPipeline, 'Analytics', 300),
      line(dollar, 'Analytics', 0.01)
    ]);
    // EUR: 3 × 100 = 300 / 0.92 = 326.0869… (converted once: line by line would give 3 × 108.70 = 326.10).
    // GBP won 2026-02-01 at the dated 0.80: 400 / 0.8 = 500. USD 0.01 as is.
    // Won TTM = 326.0869… + 500 + 0.01 = 826.0969… → 826.10.
    // Pipeline: 300 GBP closing 2026-08-01 at the dated 0.75 = 400.00.
    expect(byKey(cells).get(`${TOP}:${SUB1}:Analytics`)).toMatchObject({ Won_TTM__c: 826.1, Open_Pipeline_12M__c: 400, Status__c: 'Won' });
  });

  it('leaves out and reports a line item in a currency without a rate', () => {
    const yen = won(SUB1, '2026-03-10', { currencyIsoCode: 'JPY' });
    const dollar = won(SUB1, '2026-03-11');
    const yenLine = line(yen, 'Analytics', 1000);
    const { cells, unknownCurrency } = whitespaceCells(context(), [yen, dollar], [yenLine, line(dollar, 'Analytics', 20)]);
    expect(byKey(cells).get(`${TOP}:${SUB1}:Analytics`)).toMatchObject({ Won_TTM__c: 20, Last_Won__c: '2026-03-11' });
    expect(unknownCurrency).toEqual([yenLine.id]);
  });
});

describe('whitespace streaming', () => {
  it('gives the same cells whether opportunities and line items come in one batch or many', () => {
    const a = won(SUB1, '2026-03-10');
    const b = won(OTHER, '2025-01-01');
    const c = open(SUB2, '2026-10-01');
    const lines = [line(a, 'Analytics', 10), line(b, 'Training', 5), line(c, 'Training', 3), line(a, null, 2)];
    const run = new WhitespaceRun(context());
    run.addOpportunities([c]);
    run.addOpportunities([a, b]);
    run.addLineItems(lines.slice(0, 2));
    run.addLineItems(lines.slice(2));
    // A product without a family counts under "(none)" too.
    expect(run.finish().cells).toEqual(whitespaceCells(context(), [a, b, c], lines).cells);
    expect(() => run.finish()).toThrow(/twice/);
    expect(byKey(whitespaceCells(context(), [a, b, c], lines).cells).get(`${TOP}:${SUB1}:${NO_PRODUCTS_FAMILY}`)).toMatchObject({ Won_TTM__c: 2 });
  });

  it('counts an opportunity without an account, or of an account not given, nowhere (not even for the families)', () => {
    const orphan = won(null as unknown as string, '2026-03-10');
    orphan.accountId = null;
    const stranger = won('001000000000000XYZ', '2026-03-10');
    const { cells } = whitespaceCells(context(), [orphan, stranger], [line(orphan, 'Analytics', 10), line(stranger, 'Training', 10)]);
    expect(cells).toEqual([]);
  });

  it('builds the same cells from per-account figures: some recomputed, the others as stored (JSON)', () => {
    const a = won(SUB1, '2026-03-10', { currencyIsoCode: 'EUR' });
    const b = won(OTHER, '2025-01-01');
    const c = open(SUB2, '2026-10-01');
    const lines = [line(a, 'Analytics', 100), line(a, 'Analytics', 100), line(b, 'Training', 5), line(c, 'Training', 3)];
    const full = new WhitespaceRun(context());
    full.addOpportunities([a, b, c]);
    full.addLineItems(lines);
    const whole = full.finish();
    // SUB1's opportunity changes: only SUB1 is recomputed; OTHER's and SUB2's figures come from the store.
    const changed = { ...a, amount: null };
    const part = new WhitespaceRun(context());
    part.addOpportunities([changed]);
    part.addLineItems([...lines.slice(0, 1)]);
    const fresh = part.figures();
    const merged = new Map([...whole.figures].map(([id, figure]) => [id, JSON.parse(JSON.stringify(figure)) as typeof figure]));
    for (const [id, figure] of fresh) merged.set(id, figure);
    const expected = whitespaceCells(context(), [changed, b, c], lines.slice(0, 1).concat(lines.slice(2))).cells;
    expect(new WhitespaceRun(context()).cellsOf(merged)).toEqual(expected);
    // One EUR line of 100 at 0.92 = 108.695… → 108.70; OTHER's Training sale keeps Training a family.
    expect(byKey(expected).get(`${TOP}:${SUB1}:Analytics`)).toMatchObject({ Won_TTM__c: 108.7 });
    expect(byKey(expected).get(`${TOP}:${SUB2}:Training`)).toMatchObject({ Open_Pipeline_12M__c: 3, Status__c: 'Open' });
  });

  it('refuses opportunities after line items', () => {
    const run = new WhitespaceRun(context());
    run.addLineItems([]);
    expect(() => run.addOpportunities([])).toThrow(/after line items/);
  });
});
