// What the accounts of a lean run (incremental, or account over the mirror) add up to, read from
// the per-account mirror hashes with the run's changes applied: the figures behind the metric
// rows and the whitespace figures behind the cells, recomputed for the accounts the changes touch
// and read as stored for every other one. Reads Redis, writes nothing: the run commits what it
// returns. Also the line items that follow an opportunity to another account's hash.
import { createFiguresRun, type AccountFigures, type AccountInput, type DataQualityReport, type OpportunityInput } from '../metrics';
import { WhitespaceRun, type AccountWhitespace, type LineItemInput, type WhitespaceResult } from '../metrics/whitespace';
import { decodeFigures, encodeFigures } from './figures';
import type { OrgContext } from './inputs';
import { bucketAfter, moveLineItems, movedOpportunities, touchedBuckets, whitespaceContext } from './planner';
import type { FiguresChanges, MirrorChanges, SyncState } from './state';

/** Accounts one batch recomputes (their opportunities and line items held at once). */
const RECOMPUTE_BATCH = 25;

/** Whitespace figures as the state keeps them (JSON by account). */
export function encodeWhitespace(figures: Map<string, AccountWhitespace>, remove: string[], replace: boolean): FiguresChanges {
  return { set: new Map([...figures].map(([id, figure]) => [id, JSON.stringify(figure)] as const)), remove, replace };
}

/**
 * Whether the cells may have changed: an opportunity, a line item or an account (a parent, the
 * strategic flag) changed, or a cell is to be retried. Nothing else enters them (a rate change
 * is a new context: a full run).
 */
export function whitespaceChanged(changes: MirrorChanges, retryRows: readonly string[]): boolean {
  const touched = (['opportunity', 'lineItem', 'account'] as const).some((kind) => (changes[kind]?.set.size ?? 0) + (changes[kind]?.remove.length ?? 0) > 0);
  return touched || retryRows.some((key) => key.startsWith('W:'));
}

/**
 * What the accounts add up to, from the mirror with the run's changes, in one pass over the
 * accounts' mirror hashes, a batch of accounts at a time (each batch's opportunities parsed once):
 * - figures: of the accounts whose opportunities the changes touch, and of those without stored
 *   figures (new accounts); every other account's are read as stored. `dataQuality` is that of
 *   the opportunities summed; `storedFigures` what the commit keeps (the recomputed accounts',
 *   and the deletion of `changes.account.remove`).
 * - whitespace, when `withWhitespace`: the cells, with the whitespace figures of the accounts
 *   whose opportunities or line items changed recomputed (of every account when an account
 *   changed: a parent or the strategic flag changes the groups), the others' read as stored.
 */
export async function recomputeFromMirror(
  state: SyncState,
  asOf: string,
  context: OrgContext,
  accounts: Map<string, AccountInput>,
  changes: MirrorChanges,
  withWhitespace: boolean
): Promise<{ figures: Map<string, AccountFigures>; dataQuality: DataQualityReport; storedFigures: FiguresChanges; whitespace: (WhitespaceResult & { stored: FiguresChanges }) | null }> {
  const accountIds = [...accounts.keys()];
  const touched = touchedBuckets(changes.opportunity);
  const kept = await state.readFigures(accountIds.filter((id) => !touched.has(id)));
  const figureIds = new Set(accountIds.filter((id) => !kept.has(id)));
  const figuresRun = createFiguresRun({ asOf: asOf, org: context.org, rates: context.rates, accountIds: [...figureIds] });
  const everyAccount = (changes.account?.set.size ?? 0) + (changes.account?.remove.length ?? 0) > 0;
  const cellIds = !withWhitespace ? new Set<string>() : everyAccount ? new Set(accountIds) : new Set([...touched, ...touchedBuckets(changes.lineItem)].filter((id) => accounts.has(id)));
  const shared = withWhitespace ? whitespaceContext(asOf, context, accounts.values()) : null;
  const freshCells = new Map<string, AccountWhitespace>();
  const unknownCurrency: string[] = [];
  const parsed = <T>(entries: Map<string, string>) => [...entries.values()].map((json) => JSON.parse(json) as T);
  const recomputed = [...new Set([...figureIds, ...cellIds])];
  for (let i = 0; i < recomputed.length; i += RECOMPUTE_BATCH) {
    const batch = recomputed.slice(i, i + RECOMPUTE_BATCH);
    const cellBatch = batch.filter((id) => cellIds.has(id));
    // An account's whitespace needs its own opportunities and their line items only.
    const cells = shared && cellBatch.length > 0 ? new WhitespaceRun(shared) : null;
    for await (const read of state.readBuckets('opportunity', batch)) {
      for (const [bucket, entries] of read) {
        const opportunities = parsed<OpportunityInput>(bucketAfter(bucket, entries, changes.opportunity));
        if (figureIds.has(bucket)) figuresRun.add(opportunities);
        if (cells && cellIds.has(bucket)) cells.addOpportunities(opportunities);
      }
    }
    if (!cells) continue;
    for await (const read of state.readBuckets('lineItem', cellBatch)) for (const [bucket, entries] of read) cells.addLineItems(parsed<LineItemInput>(bucketAfter(bucket, entries, changes.lineItem)));
    for (const [id, figure] of cells.figures()) freshCells.set(id, figure);
    unknownCurrency.push(...cells.unknownCurrencyIds);
  }
  const { figures, dataQuality } = figuresRun.finish();
  const storedFigures = { set: new Map([...figures].map(([id, f]) => [id, encodeFigures(f)] as const)), remove: changes.account?.remove ?? [], replace: false };
  for (const [id, json] of kept) figures.set(id, decodeFigures(json));
  if (!shared) return { figures, dataQuality, storedFigures, whitespace: null };
  const all = new Map<string, AccountWhitespace>();
  if (!everyAccount) {
    for (const [id, json] of await state.readFigures(accountIds.filter((id) => !cellIds.has(id)), 'whitespace')) all.set(id, JSON.parse(json) as AccountWhitespace);
  }
  for (const [id, figure] of freshCells) all.set(id, figure);
  // Touched accounts without whitespace figures now (deleted, or nothing in the family window) lose their stored ones.
  const gone = [...new Set([...touched, ...touchedBuckets(changes.lineItem)])].filter((id) => !freshCells.has(id));
  const whitespace = { cells: new WhitespaceRun(shared).cellsOf(all), unknownCurrency, stored: encodeWhitespace(freshCells, everyAccount ? [] : gone, everyAccount) };
  return { figures, dataQuality, storedFigures, whitespace };
}

/**
 * Line items follow their opportunities: those of an opportunity `changes` moves to another
 * account move with it in the mirror (their own records did not change, so no query returns them).
 */
export async function lineItemsFollow(state: SyncState, changes: MirrorChanges): Promise<void> {
  const left = [...new Set([...movedOpportunities(changes.opportunity).values()].map((move) => move.from))];
  if (left.length === 0) return;
  const lines = (changes.lineItem ??= { set: new Map(), remove: [] });
  for await (const held of state.readBuckets('lineItem', left)) moveLineItems(changes.opportunity, held, lines);
}
