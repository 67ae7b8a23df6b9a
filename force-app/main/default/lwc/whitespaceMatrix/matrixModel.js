/**
 * The whitespace matrix from the component's GraphQL answer: segments (the page's account and
 * its subsidiaries, in tree order with their level) × product families, with row, column and
 * grand totals. Pure; amounts are the cells' (corporate currency). Definitions: DESIGN.md
 * "Whitespace".
 */
import { recordsOf, valueOf } from 'c/graphqlRecords';

/** The family the sync gives opportunities without products. */
export const NO_FAMILY = '(none)';
export const STATUSES = ['Won', 'Open', 'Lost', 'Whitespace'];

const CELL_OBJECT = 'Whitespace_Cell__c';

const amount = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
// Sums of currency amounts kept to the cent, so totals do not carry floating-point dust.
const addCents = (a, b) => Math.round((a + b) * 100) / 100;

/** False when the user may not read Whitespace_Cell__c (the @optional connection is left out). */
export function canReadCells(data) {
  const query = data && data.uiapi && data.uiapi.query;
  return Boolean(query && query[CELL_OBJECT]);
}

/**
 * The account `rootId` and its descendants among the Account nodes, depth first, siblings by
 * name: [{ id, name, level }] with level 0 for the root. A node whose parent is not in the
 * answer (not visible to the user) hangs under the root.
 */
export function readSegments(data, rootId) {
  const accounts = recordsOf(data, 'Account').map((node) => ({
    id: node.Id,
    name: valueOf(node, 'Name') || '',
    parentId: valueOf(node, 'ParentId') || null
  }));
  const byId = new Map(accounts.map((account) => [account.id, account]));
  if (!byId.has(rootId)) {
    return [];
  }
  const children = new Map();
  accounts
    .filter((account) => account.id !== rootId)
    .forEach((account) => {
      const parent = byId.has(account.parentId) ? account.parentId : rootId;
      if (!children.has(parent)) {
        children.set(parent, []);
      }
      children.get(parent).push(account);
    });
  const ordered = [];
  const visit = (account, level) => {
    ordered.push({ id: account.id, name: account.name, level });
    (children.get(account.id) || [])
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((child) => visit(child, level + 1));
  };
  visit(byId.get(rootId), 0);
  return ordered;
}

/** Status as the sync wrote it; derived from the amounts when the field is hidden. */
function statusOf(node, won, open) {
  const status = valueOf(node, 'Status__c');
  if (STATUSES.includes(status)) {
    return status;
  }
  if (won > 0) {
    return 'Won';
  }
  return open > 0 ? 'Open' : 'Whitespace';
}

/** The cells: [{ segmentId, family, won, open, status, topId, topName }]. */
export function readCells(data) {
  return recordsOf(data, CELL_OBJECT).map((node) => {
    const won = amount(valueOf(node, 'Won_TTM__c'));
    const open = amount(valueOf(node, 'Open_Pipeline_12M__c'));
    const top = node.Account__r;
    return {
      segmentId: valueOf(node, 'Segment_Account__c'),
      family: valueOf(node, 'Product_Family__c') || NO_FAMILY,
      won,
      open,
      status: statusOf(node, won, open),
      topId: valueOf(node, 'Account__c') || null,
      topName: top ? valueOf(top, 'Name') || null : null
    };
  });
}

/** Families by name, "(none)" last. */
function orderFamilies(families) {
  return [...families].sort((a, b) => {
    if (a === NO_FAMILY || b === NO_FAMILY) {
      return Number(a === NO_FAMILY) - Number(b === NO_FAMILY);
    }
    return a.localeCompare(b);
  });
}

/**
 * Segments × families: { families, rows: [{ segment, cells: [{ family, won, open, status }],
 * total: { won, open } }], columnTotals: [{ family, won, open }], total: { won, open } }.
 * Columns are the families of the cells shown; a segment without a cell in a family (or without
 * any cell) is Whitespace there. Cells of segments not among the rows are left out.
 */
export function buildMatrix(segments, cells) {
  const segmentIds = new Set(segments.map((segment) => segment.id));
  const shown = cells.filter((cell) => segmentIds.has(cell.segmentId));
  const families = orderFamilies(new Set(shown.map((cell) => cell.family)));
  const byKey = new Map(shown.map((cell) => [`${cell.segmentId}|${cell.family}`, cell]));
  const columnTotals = families.map((family) => ({ family, won: 0, open: 0 }));
  const total = { won: 0, open: 0 };
  const rows = segments.map((segment) => {
    const rowTotal = { won: 0, open: 0 };
    const rowCells = families.map((family, index) => {
      const cell = byKey.get(`${segment.id}|${family}`) || {
        won: 0,
        open: 0,
        status: 'Whitespace'
      };
      rowTotal.won = addCents(rowTotal.won, cell.won);
      rowTotal.open = addCents(rowTotal.open, cell.open);
      columnTotals[index].won = addCents(columnTotals[index].won, cell.won);
      columnTotals[index].open = addCents(columnTotals[index].open, cell.open);
      return { family, won: cell.won, open: cell.open, status: cell.status };
    });
    total.won = addCents(total.won, rowTotal.won);
    total.open = addCents(total.open, rowTotal.open);
    return { segment, cells: rowCells, total: rowTotal };
  });
  return { families, rows, columnTotals, total };
}

/** The group's top account as the cells name it, when it is not the page's account. */
export function groupTop(cells, rootId) {
  const cell = cells.find((candidate) => candidate.topId);
  return cell && cell.topId !== rootId ? { id: cell.topId, name: cell.topName } : null;
}
