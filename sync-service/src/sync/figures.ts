// Per-account figures as the sync state keeps them (see state.ts `figures`): compact JSON that
// reads back to exactly the figures written, so rows computed from stored figures equal rows
// computed from the opportunities. Money is a number of cents, [cents, fraction] or a bigint's
// digits as a string (money.ts).
import type { AccountFigures } from '../metrics';
import type { PipelineTotals, WindowTotals } from '../metrics/accumulator';
import type { Money } from '../metrics/money';

type StoredMoney = number | [number, number] | string;
type StoredWindow = [StoredMoney, number, number, number, number];
type StoredFigures = [Array<[StoredWindow, StoredWindow, StoredWindow, StoredWindow]>, StoredMoney, StoredMoney, StoredMoney];

function moneyOut(money: Money): StoredMoney {
  if (typeof money === 'number') return money;
  if (typeof money === 'bigint') return money.toString();
  return [money.cents, money.fraction];
}

function moneyIn(stored: StoredMoney): Money {
  if (typeof stored === 'number') return stored;
  if (typeof stored === 'string') return BigInt(stored);
  return { cents: stored[0], fraction: stored[1] };
}

function windowOut(totals: WindowTotals): StoredWindow {
  return [moneyOut(totals.wonAmount), totals.wonCount, totals.lostCount, totals.opportunityCount, totals.salesCycleDays];
}

function windowIn([won, wonCount, lostCount, opportunityCount, salesCycleDays]: StoredWindow): WindowTotals {
  return { wonAmount: moneyIn(won), wonCount, lostCount, opportunityCount, salesCycleDays };
}

export function encodeFigures(figures: AccountFigures): string {
  const stored: StoredFigures = [
    figures.periods.map((p) => [windowOut(p.quarter), windowOut(p.ttm), windowOut(p.priorTtm), windowOut(p.cagrBase)]),
    moneyOut(figures.pipeline.openAmount),
    moneyOut(figures.pipeline.weightedAmountTimesProbability),
    moneyOut(figures.lifetimeWon)
  ];
  return JSON.stringify(stored);
}

export function decodeFigures(json: string): AccountFigures {
  const [periods, open, weighted, lifetimeWon] = JSON.parse(json) as StoredFigures;
  const pipeline: PipelineTotals = { openAmount: moneyIn(open), weightedAmountTimesProbability: moneyIn(weighted) };
  return {
    periods: periods.map(([quarter, ttm, priorTtm, cagrBase]) => ({ quarter: windowIn(quarter), ttm: windowIn(ttm), priorTtm: windowIn(priorTtm), cagrBase: windowIn(cagrBase) })),
    pipeline,
    lifetimeWon: moneyIn(lifetimeWon)
  };
}
