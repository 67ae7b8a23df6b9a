// Whitespace cells (DESIGN.md "Whitespace"): for the top account of every customer group and every
// strategic account without a parent (the roots), one cell per segment (the root and each descendant) × product
// family: won TTM and open pipeline 12M from the line items' TotalPrice in the corporate currency,
// the last win, and a status. The families are those sold (on won opportunities closed in the last
// 36 months) anywhere in the org; an opportunity without products counts under "(none)", as does a
// product without a family.
//
// Streaming, so a full run need not hold a million opportunities: every opportunity first
// (`addOpportunities`), then every line item (`addLineItems`), then `finish`. Only the
// opportunities of segment accounts are kept whole; of the others only the won ones in the family
// window, by id.
import type { AccountTree } from './accountTree';
import { addMonths, formatDay, parseDay } from './calendar';
import { NO_RATE, RateTable } from './currency';
import { addMoney, centsOf, convertMoney, currencyField, fromFemtocents, moneySign, toFemtocents, type Money } from './money';
import type { AccountInput, CurrencyRates, OpportunityInput } from './types';

/** The family of an opportunity without products (and of a product without a family). */
export const NO_PRODUCTS_FAMILY = '(none)';

export type CellStatus = 'Won' | 'Open' | 'Lost' | 'Whitespace';

/** An OpportunityLineItem as the sync reads it: its TotalPrice is in its opportunity's currency. */
export interface LineItemInput {
  id: string;
  opportunityId: string;
  /** Product2.Family */
  family: string | null;
  totalPrice: number | null;
}

/** One Whitespace_Cell__c row, keyed by field API name. */
export interface WhitespaceCellRow {
  /** `{RootAccountId}:{SegmentAccountId}:{Family}` */
  Cell_Key__c: string;
  /** The root: the group's top account, or the strategic account. */
  Account__c: string;
  Segment_Account__c: string;
  Product_Family__c: string;
  Won_TTM__c: number;
  Open_Pipeline_12M__c: number;
  /** YYYY-MM-DD, or null when the segment never won the family (up to D). */
  Last_Won__c: string | null;
  Status__c: CellStatus;
}

/** The fields of a cell row the service writes (and reads back to verify), Computed_At__c aside. */
export const WHITESPACE_CELL_FIELDS = ['Cell_Key__c', 'Account__c', 'Segment_Account__c', 'Product_Family__c', 'Won_TTM__c', 'Open_Pipeline_12M__c', 'Last_Won__c', 'Status__c'] as const satisfies ReadonlyArray<keyof WhitespaceCellRow>;

/** What whitespace needs of the account hierarchy. */
export type WhitespaceTree = Pick<AccountTree, 'parentOf' | 'hasChildren' | 'descendantsOf'>;

export interface WhitespaceContext {
  /** YYYY-MM-DD, the as-of date D. */
  asOf: string;
  corporateCurrency: string;
  rates: CurrencyRates;
  accounts: AccountInput[];
  tree: WhitespaceTree;
}

export interface WhitespaceResult {
  /** Roots by id, segments in tree order, families by name. */
  cells: WhitespaceCellRow[];
  /** Line items (or opportunities without products) of segments left out of the sums: no rate for their currency on their close date. */
  unknownCurrency: string[];
}

/**
 * The roots (DESIGN.md), by id: accounts without a parent that have children or are strategic. A
 * strategic subsidiary is a segment of its group's top (a root: it has children), so every
 * strategic account has its cells, and a cell's Account__c is always a top, as the field says.
 */
export function whitespaceRoots(accounts: readonly AccountInput[], tree: WhitespaceTree): string[] {
  const roots = accounts.filter((a) => tree.parentOf(a.id) === null && (a.isStrategic || tree.hasChildren(a.id))).map((a) => a.id);
  return roots.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Sums of one (segment, family): corporate cents plus source cents per rate slot, converted once at the end. */
interface CellSums {
  won: Money;
  wonBySlot: Map<number, Money>;
  open: Money;
  openBySlot: Map<number, Money>;
  lostInTtm: boolean;
  /** Day number of the latest win up to D, or NaN. */
  lastWon: number;
}

/** One account's sums of one family, as stored: [rate slot (−1: corporate), 10^-15 cents] pairs. */
export interface FamilyFigures {
  won: Array<[number, string]>;
  open: Array<[number, string]>;
  lost: boolean;
  /** Day number, or null. */
  lastWon: number | null;
}

/**
 * What one account adds to whitespace: the families its opportunities sold in the family window,
 * and (segment accounts only) its sums per family. Cells are built from every account's figures,
 * so a run can recompute the accounts whose opportunities changed and read the others' as stored.
 */
export interface AccountWhitespace {
  sold: string[];
  families: Record<string, FamilyFigures>;
}

const CORPORATE_SLOT = -1;

function encodeSums(corporate: Money, bySlot: Map<number, Money>): Array<[number, string]> {
  const pairs: Array<[number, string]> = moneySign(corporate) === 0 ? [] : [[CORPORATE_SLOT, toFemtocents(corporate).toString()]];
  for (const [slot, cents] of [...bySlot].sort(([a], [b]) => a - b)) pairs.push([slot, toFemtocents(cents).toString()]);
  return pairs;
}

interface KeptOpportunity {
  opportunity: OpportunityInput;
  closeDay: number;
  hasLines: boolean;
}

export class WhitespaceRun {
  private readonly asOfDay: number;
  /** (D−12m, D] as day numbers: from exclusive. */
  private readonly ttmFrom: number;
  /** (D, D+12m] */
  private readonly pipelineTo: number;
  /** (D−36m, D]: won there means sold. */
  private readonly familyFrom: number;
  private readonly rates: RateTable;
  private readonly roots: string[];
  private readonly segmentsOf = new Map<string, string[]>();
  private readonly segmentAccounts = new Set<string>();
  private readonly accountIds: ReadonlySet<string>;
  /** Opportunities of segment accounts, by id. */
  private readonly kept = new Map<string, KeptOpportunity>();
  /** Won opportunities in the family window at other accounts: id → its account and whether a line item was seen. */
  private readonly soldElsewhere = new Map<string, { accountId: string; hasLines: boolean }>();
  /** Families sold (in the family window), by account. */
  private readonly sold = new Map<string, Set<string>>();
  private readonly sums = new Map<string, Map<string, CellSums>>();
  private readonly unknownCurrency: string[] = [];
  private stage: 'opportunities' | 'lineItems' | 'finished' = 'opportunities';

  constructor(private readonly ctx: WhitespaceContext) {
    this.asOfDay = parseDay(ctx.asOf);
    if (Number.isNaN(this.asOfDay)) throw new Error(`whitespace: asOf ${ctx.asOf} is not a date`);
    this.ttmFrom = addMonths(this.asOfDay, -12);
    this.pipelineTo = addMonths(this.asOfDay, 12);
    this.familyFrom = addMonths(this.asOfDay, -36);
    this.rates = new RateTable(ctx.rates, ctx.corporateCurrency, this.ttmFrom + 1, this.pipelineTo);
    this.accountIds = new Set(ctx.accounts.map((a) => a.id));
    this.roots = whitespaceRoots(ctx.accounts, ctx.tree);
    for (const root of this.roots) {
      const segments = [root, ...ctx.tree.descendantsOf(root)];
      this.segmentsOf.set(root, segments);
      for (const segment of segments) this.segmentAccounts.add(segment);
    }
  }

  /**
   * Every opportunity of the org, each once, before any line item. One without an account, of an
   * account not given, or without a close date counts nowhere (as in the metrics engine).
   */
  addOpportunities(opportunities: Iterable<OpportunityInput>): void {
    if (this.stage !== 'opportunities') throw new Error('whitespace: opportunities after line items');
    for (const opportunity of opportunities) {
      const closeDay = opportunity.closeDate === null ? Number.NaN : parseDay(opportunity.closeDate);
      if (Number.isNaN(closeDay) || opportunity.accountId === null || !this.accountIds.has(opportunity.accountId)) continue;
      if (this.segmentAccounts.has(opportunity.accountId)) this.kept.set(opportunity.id, { opportunity, closeDay, hasLines: false });
      else if (this.isSold(opportunity, closeDay)) this.soldElsewhere.set(opportunity.id, { accountId: opportunity.accountId, hasLines: false });
    }
  }

  /** Every line item of the org, each once; a line item of an opportunity not given is ignored. */
  addLineItems(lineItems: Iterable<LineItemInput>): void {
    if (this.stage === 'finished') throw new Error('whitespace: line items after finish()');
    this.stage = 'lineItems';
    for (const line of lineItems) {
      const family = familyOf(line.family);
      const kept = this.kept.get(line.opportunityId);
      if (kept) {
        kept.hasLines = true;
        this.addSale(kept, family, line.totalPrice, line.id);
      } else {
        const elsewhere = this.soldElsewhere.get(line.opportunityId);
        if (!elsewhere) continue;
        elsewhere.hasLines = true;
        this.soldBy(elsewhere.accountId).add(family);
      }
    }
  }

  /** Line items (or opportunities without products) left out so far: no rate for their currency on their close date. */
  get unknownCurrencyIds(): readonly string[] {
    return this.unknownCurrency;
  }

  /** The accounts' figures of what was added (see AccountWhitespace), by account id; ends the run. */
  figures(): Map<string, AccountWhitespace> {
    if (this.stage === 'finished') throw new Error('whitespace: finish() called twice');
    this.stage = 'finished';
    // Opportunities without products count whole, under "(none)".
    for (const kept of this.kept.values()) if (!kept.hasLines) this.addSale(kept, NO_PRODUCTS_FAMILY, kept.opportunity.amount, kept.opportunity.id);
    for (const { accountId, hasLines } of this.soldElsewhere.values()) if (!hasLines) this.soldBy(accountId).add(NO_PRODUCTS_FAMILY);
    const figures = new Map<string, AccountWhitespace>();
    for (const id of [...new Set([...this.sold.keys(), ...this.sums.keys()])].sort()) {
      const families: Record<string, FamilyFigures> = {};
      for (const [family, sums] of [...(this.sums.get(id) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        families[family] = { won: encodeSums(sums.won, sums.wonBySlot), open: encodeSums(sums.open, sums.openBySlot), lost: sums.lostInTtm, lastWon: Number.isNaN(sums.lastWon) ? null : sums.lastWon };
      }
      figures.set(id, { sold: [...(this.sold.get(id) ?? [])].sort(), families });
    }
    return figures;
  }

  finish(): WhitespaceResult & { figures: Map<string, AccountWhitespace> } {
    const figures = this.figures();
    return { cells: this.cellsOf(figures), unknownCurrency: this.unknownCurrency, figures };
  }

  /** The cells of every root from every account's figures (a fresh run's, or stored ones). */
  cellsOf(figures: ReadonlyMap<string, AccountWhitespace>): WhitespaceCellRow[] {
    const sold = new Set<string>();
    for (const figure of figures.values()) for (const family of figure.sold) sold.add(family);
    const families = [...sold].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const cells: WhitespaceCellRow[] = [];
    for (const root of this.roots) {
      for (const segment of this.segmentsOf.get(root)!) {
        for (const family of families) cells.push(this.cell(root, segment, family, figures.get(segment)?.families[family]));
      }
    }
    return cells;
  }

  private soldBy(accountId: string): Set<string> {
    let families = this.sold.get(accountId);
    if (!families) this.sold.set(accountId, (families = new Set()));
    return families;
  }

  private isSold(opportunity: OpportunityInput, closeDay: number): boolean {
    return opportunity.isWon && closeDay > this.familyFrom && closeDay <= this.asOfDay;
  }

  /** One line item (or a whole opportunity without products) of a segment account. */
  private addSale(kept: KeptOpportunity, family: string, amount: number | null, id: string): void {
    const { opportunity, closeDay } = kept;
    if (this.isSold(opportunity, closeDay)) this.soldBy(opportunity.accountId!).add(family);
    const inTtm = closeDay > this.ttmFrom && closeDay <= this.asOfDay;
    const inPipeline = !opportunity.isClosed && closeDay > this.asOfDay && closeDay <= this.pipelineTo;
    const wonToDate = opportunity.isWon && closeDay <= this.asOfDay;
    if (!wonToDate && !inPipeline && !(inTtm && opportunity.isClosed)) return;
    const sums = this.sumsOf(opportunity.accountId!, family);
    if (wonToDate && !(sums.lastWon >= closeDay)) sums.lastWon = closeDay;
    if (inTtm && opportunity.isClosed && !opportunity.isWon) sums.lostInTtm = true;
    const counted = (opportunity.isWon && inTtm) || inPipeline;
    if (!counted) return;
    const cents = centsOf(amount ?? 0);
    const isWon = opportunity.isWon;
    if (this.rates.isCorporate(opportunity.currencyIsoCode)) {
      if (isWon) sums.won = addMoney(sums.won, cents);
      else sums.open = addMoney(sums.open, cents);
      return;
    }
    const currency = this.rates.currencyOf(opportunity.currencyIsoCode!);
    const slot = currency === NO_RATE ? NO_RATE : this.rates.slotOn(currency, closeDay);
    if (slot === NO_RATE) {
      this.unknownCurrency.push(id);
      return;
    }
    const bySlot = isWon ? sums.wonBySlot : sums.openBySlot;
    bySlot.set(slot, addMoney(bySlot.get(slot) ?? 0, cents));
  }

  private sumsOf(accountId: string, family: string): CellSums {
    let byFamily = this.sums.get(accountId);
    if (!byFamily) this.sums.set(accountId, (byFamily = new Map()));
    let sums = byFamily.get(family);
    if (!sums) byFamily.set(family, (sums = { won: 0, wonBySlot: new Map(), open: 0, openBySlot: new Map(), lostInTtm: false, lastWon: Number.NaN }));
    return sums;
  }

  /** Σ of stored [slot, 10^-15 cents] pairs in the corporate currency, each slot converted once. */
  private converted(pairs: ReadonlyArray<[number, string]>): Money {
    let total: Money = 0;
    for (const [slot, femtocents] of pairs) {
      const amount = fromFemtocents(BigInt(femtocents));
      total = addMoney(total, slot === CORPORATE_SLOT ? amount : convertMoney(amount, this.rates.slotRates[slot]!));
    }
    return total;
  }

  private cell(root: string, segment: string, family: string, figure: FamilyFigures | undefined): WhitespaceCellRow {
    const won = figure ? this.converted(figure.won) : 0;
    const open = figure ? this.converted(figure.open) : 0;
    const status: CellStatus = moneySign(won) > 0 ? 'Won' : moneySign(open) > 0 ? 'Open' : figure?.lost ? 'Lost' : 'Whitespace';
    return {
      Cell_Key__c: `${root}:${segment}:${family}`,
      Account__c: root,
      Segment_Account__c: segment,
      Product_Family__c: family,
      Won_TTM__c: currencyField(won),
      Open_Pipeline_12M__c: currencyField(open),
      Last_Won__c: figure && figure.lastWon !== null ? formatDay(figure.lastWon) : null,
      Status__c: status
    };
  }
}

function familyOf(family: string | null): string {
  const trimmed = family?.trim() ?? '';
  return trimmed === '' ? NO_PRODUCTS_FAMILY : trimmed;
}

/** The cells of one as-of date from every opportunity and line item at once (see WhitespaceRun). */
export function whitespaceCells(ctx: WhitespaceContext, opportunities: Iterable<OpportunityInput>, lineItems: Iterable<LineItemInput>): WhitespaceResult {
  const run = new WhitespaceRun(ctx);
  run.addOpportunities(opportunities);
  run.addLineItems(lineItems);
  return run.finish();
}
