import {
  NO_FAMILY,
  buildMatrix,
  canReadCells,
  groupTop,
  readCells,
  readSegments
} from '../matrixModel';

const mockMatrix = require('./data/graphqlMatrix.json');
const mockNoAccess = require('./data/graphqlMatrixNoAccess.json');

const answer = (accounts, cells = []) => ({
  uiapi: {
    query: {
      Account: {
        edges: accounts.map(([Id, name, parent]) => ({
          node: { Id, Name: { value: name }, ParentId: { value: parent } }
        }))
      },
      Whitespace_Cell__c: { edges: cells.map((node) => ({ node })) }
    }
  }
});

const cell = (segment, family, won, open, status) => ({
  Id: `${segment}-${family}`,
  Segment_Account__c: { value: segment },
  Product_Family__c: { value: family },
  Won_TTM__c: { value: won },
  Open_Pipeline_12M__c: { value: open },
  ...(status === undefined ? {} : { Status__c: { value: status } })
});

describe('whitespace matrix model', () => {
  it('tells a user who may not read the cells from a group without cells', () => {
    expect(canReadCells(mockNoAccess)).toBe(false);
    expect(canReadCells(answer([['T', 'Top', null]]))).toBe(true);
    expect(canReadCells(undefined)).toBe(false);
  });

  it('orders segments depth first, siblings by name, with their level below the page account', () => {
    const data = answer([
      ['B', 'Beta', 'T'],
      ['A', 'Alpha', 'T'],
      ['T', 'Top', null],
      ['A2', 'Alpha Two', 'A'],
      ['A1', 'Alpha One', 'A']
    ]);
    expect(readSegments(data, 'T')).toEqual([
      { id: 'T', name: 'Top', level: 0 },
      { id: 'A', name: 'Alpha', level: 1 },
      { id: 'A1', name: 'Alpha One', level: 2 },
      { id: 'A2', name: 'Alpha Two', level: 2 },
      { id: 'B', name: 'Beta', level: 1 }
    ]);
    // A subsidiary's page: the query answers its own subtree, itself at level 0.
    const subtree = answer([
      ['A', 'Alpha', 'T'],
      ['A2', 'Alpha Two', 'A'],
      ['A1', 'Alpha One', 'A']
    ]);
    expect(readSegments(subtree, 'A').map((s) => [s.id, s.level])).toEqual([
      ['A', 0],
      ['A1', 1],
      ['A2', 1]
    ]);
  });

  it('hangs a segment whose parent the user cannot see under the page account', () => {
    const data = answer([
      ['T', 'Top', null],
      ['X', 'Orphan', 'HIDDEN']
    ]);
    expect(readSegments(data, 'T').map((s) => [s.id, s.level])).toEqual([
      ['T', 0],
      ['X', 1]
    ]);
    expect(readSegments(data, 'NOT-THERE')).toEqual([]);
  });

  it('adds rows and columns to the cent, "(none)" last, missing cells as Whitespace', () => {
    const segments = [
      { id: 'T', name: 'Top', level: 0 },
      { id: 'S', name: 'Sub', level: 1 }
    ];
    const cells = readCells(
      answer(
        [],
        [
          cell('T', NO_FAMILY, 0.1, 0, 'Won'),
          cell('S', NO_FAMILY, 0.2, 0, 'Won'),
          cell('T', 'Analytics', 0, 5, 'Open'),
          cell('OTHER', 'Training', 99, 99, 'Won')
        ]
      )
    );
    const matrix = buildMatrix(segments, cells);
    // Training is only sold to a segment not shown: not a column here.
    expect(matrix.families).toEqual(['Analytics', NO_FAMILY]);
    expect(matrix.rows[1].cells).toEqual([
      { family: 'Analytics', won: 0, open: 0, status: 'Whitespace' },
      { family: NO_FAMILY, won: 0.2, open: 0, status: 'Won' }
    ]);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; the total is kept to the cent.
    expect(matrix.columnTotals).toEqual([
      { family: 'Analytics', won: 0, open: 5 },
      { family: NO_FAMILY, won: 0.3, open: 0 }
    ]);
    expect(matrix.rows[0].total).toEqual({ won: 0.1, open: 5 });
    expect(matrix.total).toEqual({ won: 0.3, open: 5 });
  });

  it('derives the status from the amounts when the user may not read Status__c', () => {
    const cells = readCells(
      answer([], [cell('T', 'A', 10, 5), cell('T', 'B', 0, 5), cell('T', 'C', 0, 0)])
    );
    expect(cells.map((c) => c.status)).toEqual(['Won', 'Open', 'Whitespace']);
  });

  it("names the group's top account only on a subsidiary's page", () => {
    const cells = readCells(mockMatrix);
    expect(groupTop(cells, '001000000000001AAA')).toBeNull();
    expect(groupTop(cells, '001000000000003AAA')).toEqual({
      id: '001000000000001AAA',
      name: 'Castellan Manufacturing'
    });
  });
});
