/**
 * The user's view of the map as pure changes of state: each function takes the read data and
 * the current choices and returns the choices that change, so the container only assigns them.
 */
import { initialCollapse, searchPeople } from 'c/orgChartView';
import { chartWidth, revealing } from './chartModel';

export const VIEW_CHART = 'chart';
export const VIEW_TABLE = 'table';
// A chart opens folded below the deepest level that still fits the card at half size.
const SMALLEST_OPENING_SCALE = 0.5;
// The card's width before it is laid out (jest, a hidden tab).
const ASSUMED_WIDTH_PX = 1200;
const DEFAULT_STALE_DAYS = 90;

/** Another account: folded to fit once its data arrives, nothing selected, no search. */
export function freshView() {
  return { collapsed: undefined, selectedId: undefined, searchTerm: '', matchIds: [] };
}

/** "Chart" or "Table" (any case) as the design attribute says; anything else opens the chart. */
export function openingView(defaultView) {
  return chosenView(String(defaultView).toLowerCase() === VIEW_TABLE ? VIEW_TABLE : VIEW_CHART);
}

export function chosenView(view) {
  return { view, isChartView: view === VIEW_CHART };
}

/** The design attribute when it is a positive number of days, else 90. */
export function staleAfter(days) {
  const value = Number(days);
  return value > 0 ? value : DEFAULT_STALE_DAYS;
}

/**
 * After the data is read: the first time, fold what does not fit `availableWidth` (px) at half
 * size; then search again, since the people may have changed.
 */
export function afterRead(read, { collapsed, searchTerm }, availableWidth) {
  return {
    collapsed:
      collapsed ||
      initialCollapse(read.forest, {
        availableWidth: availableWidth || ASSUMED_WIDTH_PX,
        minScale: SMALLEST_OPENING_SCALE,
        widthOf: chartWidth
      }),
    matchIds: searchPeople(read.personList, searchTerm)
  };
}

/** A search: the people found, with the branches above them unfolded. */
export function searched(read, state, term) {
  const matchIds = searchPeople(read.personList, term);
  return { searchTerm: term, matchIds, ...revealing(read, state, matchIds) };
}

/** A person chosen (on the chart, in the gaps or the table): open in the panel and shown. */
export function selecting(read, state, id) {
  return { selectedId: id, ...revealing(read, state, [id]) };
}
