import fc from 'fast-check';
import { layoutOrgChart, navigationMap, DEFAULT_LAYOUT_OPTIONS } from 'c/orgChartLayout';

const SIZE = { nodeWidth: 100, nodeHeight: 40, horizontalGap: 20, verticalGap: 30, margin: 10 };
const STEP_X = 120; // nodeWidth + horizontalGap
const STEP_Y = 70; // nodeHeight + verticalGap

function byId(layout) {
  return new Map(layout.nodes.map((node) => [node.id, node]));
}

function overlaps(a, b, options) {
  return (
    a.x < b.x + options.nodeWidth &&
    b.x < a.x + options.nodeWidth &&
    a.y < b.y + options.nodeHeight &&
    b.y < a.y + options.nodeHeight
  );
}

// Random forests with arbitrary (possibly dangling, self or cyclic) manager references.
const orgArbitrary = fc
  .integer({ min: 0, max: 60 })
  .chain((count) =>
    fc.tuple(
      fc.constant(count),
      fc.array(fc.option(fc.integer({ min: 0, max: count + 3 }), { nil: null }), {
        minLength: count,
        maxLength: count
      }),
      fc.integer({ min: 1, max: 6 })
    )
  )
  .map(([count, parents, wrapLeavesAt]) => ({
    nodes: parents.map((parent, index) => ({
      id: `c${index}`,
      parentId: parent === null ? null : `c${parent}`
    })),
    wrapLeavesAt,
    count
  }));

describe('orgChartLayout', () => {
  it('centres a manager over two reports, one row higher', () => {
    const layout = layoutOrgChart(
      [
        { id: 'ceo', parentId: null },
        { id: 'cfo', parentId: 'ceo' },
        { id: 'cto', parentId: 'ceo' }
      ],
      SIZE
    );
    const nodes = byId(layout);
    // Leaves take slots 0 and 1; the manager's centre is slot 0.5.
    expect(nodes.get('cfo')).toMatchObject({ x: 10, y: 10 + STEP_Y, level: 1, row: 1 });
    expect(nodes.get('cto')).toMatchObject({ x: 10 + STEP_X, y: 10 + STEP_Y });
    expect(nodes.get('ceo')).toMatchObject({ x: 10 + 0.5 * STEP_X, y: 10, level: 0 });
    expect(layout.edges).toEqual([
      { from: 'ceo', to: 'cfo' },
      { from: 'ceo', to: 'cto' }
    ]);
    // 2 slots wide: 2 * 10 + 2 * 120 - 20; 2 rows: 2 * 10 + 2 * 70 - 30.
    expect(layout.width).toBe(240);
    expect(layout.height).toBe(130);
  });

  it('lays several roots side by side as a forest, in input order', () => {
    const layout = layoutOrgChart(
      [
        { id: 'a', parentId: null },
        { id: 'b', parentId: undefined },
        { id: 'a1', parentId: 'a' }
      ],
      SIZE
    );
    expect(layout.roots).toEqual(['a', 'b']);
    const nodes = byId(layout);
    expect(nodes.get('a').x).toBe(10);
    expect(nodes.get('b').x).toBe(10 + STEP_X);
  });

  it('treats a manager outside the account, or oneself, as no manager', () => {
    const layout = layoutOrgChart([
      { id: 'a', parentId: 'elsewhere' },
      { id: 'b', parentId: 'b' }
    ]);
    expect(layout.roots).toEqual(['a', 'b']);
    expect(layout.edges).toEqual([]);
    expect(layout.brokenCycles).toEqual([]);
  });

  it('cuts a reporting cycle once and still places everyone', () => {
    const layout = layoutOrgChart([
      { id: 'a', parentId: 'c' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' }
    ]);
    // The walk from a visits a → c → b → a: a becomes the root, c reports to b, b to a.
    expect(layout.brokenCycles).toEqual(['a']);
    expect(layout.roots).toEqual(['a']);
    expect(byId(layout).get('c').level).toBe(2);
  });

  it('puts many individual contributors in a grid under their manager', () => {
    const nodes = [{ id: 'boss', parentId: null }];
    for (let i = 0; i < 10; i++) {
      nodes.push({ id: `r${i}`, parentId: 'boss' });
    }
    const layout = layoutOrgChart(nodes, { ...SIZE, wrapLeavesAt: 4 });
    const placed = byId(layout);
    // 10 reports in 4 columns: rows 1, 2, 3 (4 + 4 + 2); r5 is second column, second row.
    expect(placed.get('r5')).toMatchObject({ row: 2, level: 1, x: 10 + STEP_X });
    expect(placed.get('r9').row).toBe(3);
    expect(placed.get('boss').x).toBe(10 + 1.5 * STEP_X);
    expect(layout.width).toBe(2 * 10 + 4 * STEP_X - 20);
  });

  it('returns an empty chart for no contacts', () => {
    expect(layoutOrgChart([])).toEqual({
      nodes: [],
      edges: [],
      roots: [],
      brokenCycles: [],
      width: 0,
      height: 0
    });
  });

  it('names the bad field when input is malformed', () => {
    expect(() => layoutOrgChart([{ id: 'a' }, { parentId: 'a' }])).toThrow('nodes[1].id');
    expect(() => layoutOrgChart([{ id: 'a' }, { id: 'a' }])).toThrow('"a" appears twice');
    expect(() => layoutOrgChart(null)).toThrow('nodes must be an array');
  });

  describe('properties', () => {
    it('places every node exactly once, with no two boxes overlapping', () => {
      fc.assert(
        fc.property(orgArbitrary, ({ nodes, wrapLeavesAt }) => {
          const options = { ...SIZE, wrapLeavesAt };
          const layout = layoutOrgChart(nodes, options);
          expect(layout.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
          const problems = [];
          for (let i = 0; i < layout.nodes.length; i++) {
            const a = layout.nodes[i];
            if (
              !(a.x >= 0 && a.y >= 0) ||
              a.x + options.nodeWidth > layout.width ||
              a.y + options.nodeHeight > layout.height
            ) {
              problems.push(`${a.id} outside the chart`);
            }
            for (let j = i + 1; j < layout.nodes.length; j++) {
              if (overlaps(a, layout.nodes[j], options)) {
                problems.push(`${a.id} overlaps ${layout.nodes[j].id}`);
              }
            }
          }
          expect(problems).toEqual([]);
        })
      );
    });

    it('draws every report below his manager, and the edges form a forest', () => {
      fc.assert(
        fc.property(orgArbitrary, ({ nodes, wrapLeavesAt }) => {
          const layout = layoutOrgChart(nodes, { ...SIZE, wrapLeavesAt });
          const placed = byId(layout);
          layout.edges.forEach(({ from, to }) => {
            expect(placed.get(to).y).toBeGreaterThan(placed.get(from).y);
            expect(placed.get(to).level).toBe(placed.get(from).level + 1);
          });
          // A forest: every node has at most one manager, roots have none.
          expect(layout.edges.length + layout.roots.length).toBe(nodes.length);
        })
      );
    });

    it('keeps a manager reference only when it is to another contact of the set and acyclic', () => {
      fc.assert(
        fc.property(orgArbitrary, ({ nodes }) => {
          const layout = layoutOrgChart(nodes);
          const given = new Map(nodes.map((n) => [n.id, n.parentId]));
          const kept = layout.nodes.filter((node) => node.parentId !== null);
          expect(kept.filter((node) => given.get(node.id) !== node.parentId)).toEqual([]);
          // Cycles are cut at most once per cycle, so at most one cut per node.
          expect(new Set(layout.brokenCycles).size).toBe(layout.brokenCycles.length);
        })
      );
    });

    it('lets the keyboard reach every node from the first root with Down and Right', () => {
      fc.assert(
        fc.property(orgArbitrary, ({ nodes }) => {
          const layout = layoutOrgChart(nodes);
          const moves = navigationMap(layout);
          const seen = new Set();
          const queue = layout.roots.slice(0, 1);
          while (queue.length) {
            const id = queue.shift();
            if (id === null || seen.has(id)) {
              continue;
            }
            seen.add(id);
            queue.push(moves.get(id).down, moves.get(id).right);
          }
          expect(seen.size).toBe(nodes.length);
        })
      );
    });
  });

  it('finishes on a long cycle of 5,000 contacts without recursion limits', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({
      id: `c${i}`,
      parentId: `c${(i + 1) % 5000}`
    }));
    const layout = layoutOrgChart(nodes);
    expect(layout.brokenCycles).toHaveLength(1);
    expect(layout.nodes).toHaveLength(5000);
  });

  it('exposes its defaults for callers that size the SVG', () => {
    expect(DEFAULT_LAYOUT_OPTIONS.nodeWidth).toBeGreaterThan(0);
  });
});

describe('navigationMap', () => {
  it('moves up to the manager, down to the first report and across colleagues', () => {
    const layout = layoutOrgChart([
      { id: 'ceo', parentId: null },
      { id: 'cfo', parentId: 'ceo' },
      { id: 'cto', parentId: 'ceo' },
      { id: 'dev', parentId: 'cto' },
      { id: 'other', parentId: null }
    ]);
    const moves = navigationMap(layout);
    expect(moves.get('ceo')).toEqual({ up: null, down: 'cfo', left: null, right: 'other' });
    expect(moves.get('cfo')).toEqual({ up: 'ceo', down: null, left: null, right: 'cto' });
    expect(moves.get('dev')).toEqual({ up: 'cto', down: null, left: null, right: null });
  });
});
