import fc from 'fast-check';
import { layoutOrgChart } from 'c/orgChartLayout';
import {
  collapseBelow,
  fitScale,
  initialCollapse,
  keepPeople,
  managersAbove,
  nextZoom,
  searchPeople,
  visibleForest,
  ZOOM_STEPS
} from 'c/orgChartView';

const SIZE = { nodeWidth: 100, nodeHeight: 40, horizontalGap: 20, verticalGap: 30, margin: 10 };

// A CEO (a), two VPs (b, c), b manages d and e, d manages f.
const FOREST = [
  { id: 'a', parentId: null },
  { id: 'b', parentId: 'a' },
  { id: 'c', parentId: 'a' },
  { id: 'd', parentId: 'b' },
  { id: 'e', parentId: 'b' },
  { id: 'f', parentId: 'd' }
];

// Random forests, sanitised by the layout (dangling managers and cycles cut), with random
// people kept and random branches folded.
const scenario = fc
  .integer({ min: 0, max: 50 })
  .chain((count) =>
    fc.record({
      parents: fc.array(fc.option(fc.integer({ min: 0, max: count + 2 }), { nil: null }), {
        minLength: count,
        maxLength: count
      }),
      kept: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      folded: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      filter: fc.boolean()
    })
  )
  .map(({ parents, kept, folded, filter }) => {
    const raw = parents.map((p, i) => ({ id: `c${i}`, parentId: p === null ? null : `c${p}` }));
    const forest = layoutOrgChart(raw).nodes.map(({ id, parentId }) => ({ id, parentId }));
    const keep = filter ? (id) => kept[Number(id.slice(1))] : null;
    const collapsed = new Set(forest.filter((_n, i) => folded[i]).map((n) => n.id));
    return { forest, keep, collapsed };
  });

function overlaps(a, b) {
  return (
    a.x < b.x + SIZE.nodeWidth &&
    b.x < a.x + SIZE.nodeWidth &&
    a.y < b.y + SIZE.nodeHeight &&
    b.y < a.y + SIZE.nodeHeight
  );
}

describe('orgChartView', () => {
  it('folds a branch and counts the people under it', () => {
    const { nodes, hiddenCount } = visibleForest(FOREST, new Set(['b']));
    expect(nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    // Under b: d, e and f (f reports to d) = 3 people.
    expect(nodes.find((n) => n.id === 'b')).toMatchObject({
      collapsed: true,
      hidden: 3,
      reports: 2
    });
    expect(hiddenCount).toBe(3);
  });

  it('keeps mapped people only, each under his nearest kept manager', () => {
    const kept = new Set(['a', 'f', 'c']);
    expect(keepPeople(FOREST, (id) => kept.has(id))).toEqual([
      { id: 'a', parentId: null },
      { id: 'c', parentId: 'a' },
      { id: 'f', parentId: 'a' }
    ]);
  });

  it('folds below a depth, and opens as deep as fits the width at the smallest legible scale', () => {
    expect([...collapseBelow(FOREST, 1)]).toEqual(['b']);
    // Widths: all levels, or folded at d, 3 columns (f or d, e, c) = 2 × 10 + 3 × 120 − 20 = 360 px;
    // folded at b: b and c side by side = 2 × 10 + 2 × 120 − 20 = 240 px.
    // At scale 0.5: 180 px > 170, 120 px ≤ 170, so b folds; at 0.4: 144 px ≤ 170, all open.
    const widthOf = (nodes) => layoutOrgChart(nodes, SIZE).width;
    expect(initialCollapse(FOREST, { availableWidth: 170, minScale: 0.5, widthOf })).toEqual(
      new Set(['b'])
    );
    expect(initialCollapse(FOREST, { availableWidth: 170, minScale: 0.4, widthOf }).size).toBe(0);
  });

  it('finds people by name or title, ignoring case and accents', () => {
    const people = [
      { id: '1', name: 'Anke Müller', title: 'CFO' },
      { id: '2', name: 'Tomás Reyes', title: 'Procurement Manager' },
      { id: '3', name: 'Ines Silva', title: null }
    ];
    expect(searchPeople(people, 'muller')).toEqual(['1']);
    expect(searchPeople(people, 'PROCUREMENT')).toEqual(['2']);
    expect(searchPeople(people, '  ')).toEqual([]);
  });

  it('fits to the width but never enlarges, and zooms in steps', () => {
    expect(fitScale(2000, 1000)).toBe(0.5);
    expect(fitScale(500, 1000)).toBe(1);
    expect(fitScale(1e6, 1000)).toBe(ZOOM_STEPS[0]);
    expect(nextZoom(0.5, 1)).toBe(0.67);
    expect(nextZoom(0.42, -1)).toBe(0.33);
    expect(nextZoom(1.5, 1)).toBe(1.5);
  });

  describe('properties', () => {
    it('shows no overlapping boxes, all inside the canvas, every manager above his reports', () => {
      fc.assert(
        fc.property(scenario, ({ forest, keep, collapsed }) => {
          const shown = visibleForest(keepPeople(forest, keep), collapsed).nodes;
          const layout = layoutOrgChart(shown, SIZE);
          const byId = new Map(layout.nodes.map((n) => [n.id, n]));
          layout.nodes.forEach((a, i) => {
            expect(a.x).toBeGreaterThanOrEqual(0);
            expect(a.y).toBeGreaterThanOrEqual(0);
            expect(a.x + SIZE.nodeWidth).toBeLessThanOrEqual(layout.width);
            expect(a.y + SIZE.nodeHeight).toBeLessThanOrEqual(layout.height);
            layout.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false));
            const manager = a.parentId === null ? null : byId.get(a.parentId);
            expect(manager === null || manager.y < a.y).toBe(true);
          });
        })
      );
    });

    it('accounts for everyone: shown plus folded away is everyone kept', () => {
      fc.assert(
        fc.property(scenario, ({ forest, keep, collapsed }) => {
          const kept = keepPeople(forest, keep);
          const { nodes, hiddenCount } = visibleForest(kept, collapsed);
          const shownIds = new Set(nodes.map((n) => n.id));
          // Every shown person's manager is shown; folded counts add up to the hidden people.
          nodes.forEach((n) => expect(n.parentId === null || shownIds.has(n.parentId)).toBe(true));
          expect(nodes.reduce((sum, n) => sum + n.hidden, 0)).toBe(hiddenCount);
          expect(nodes.length + hiddenCount).toBe(kept.length);
        })
      );
    });

    it('reveals any person once the managers above him are unfolded', () => {
      fc.assert(
        fc.property(scenario, fc.nat(), ({ forest, collapsed }, pick) => {
          fc.pre(forest.length > 0);
          const target = forest[pick % forest.length].id;
          const above = managersAbove(forest, [target]);
          const unfolded = new Set([...collapsed].filter((id) => !above.has(id)));
          expect(visibleForest(forest, unfolded).nodes.some((n) => n.id === target)).toBe(true);
        })
      );
    });
  });
});
