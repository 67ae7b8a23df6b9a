import { chartGeometry, clipToBox, NODE_WIDTH, NODE_HEIGHT } from 'c/mapGeometry';
import { layoutOrgChart } from 'c/orgChartLayout';

const layoutOf = (nodes) =>
  layoutOrgChart(nodes, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT });

describe('mapGeometry', () => {
  it('leaves a box through the side the target lies on', () => {
    // Box centred at (0, 0), 220 × 112: straight right exits at x = 110, straight down at y = 56.
    expect(clipToBox(0, 0, 500, 0)).toEqual({ x: 110, y: 0 });
    expect(clipToBox(0, 0, 0, -500)).toEqual({ x: 0, y: -56 });
    // Diagonal (1, 1): the 56 px half-height is reached first.
    const corner = clipToBox(0, 0, 100, 100);
    expect(corner.x).toBeCloseTo(56, 9);
    expect(corner.y).toBeCloseTo(56, 9);
    expect(clipToBox(5, 5, 5, 5)).toEqual({ x: 5, y: 5 });
  });

  it('draws elbow reporting lines from the manager bottom to the report top', () => {
    const layout = layoutOf([
      { id: 'boss', parentId: null },
      { id: 'a', parentId: 'boss' },
      { id: 'b', parentId: 'boss' }
    ]);
    const { reportingLines } = chartGeometry(layout, []);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    const boss = byId.get('boss');
    const a = byId.get('a');
    const line = reportingLines.find((l) => l.key === 'r-a');
    const start = `M ${boss.x + NODE_WIDTH / 2} ${boss.y + NODE_HEIGHT}`;
    expect(line.d.startsWith(start)).toBe(true);
    expect(line.d.endsWith(`H ${a.x + NODE_WIDTH / 2} V ${a.y}`)).toBe(true);
  });

  it('routes lines to a grid of reports through the gaps, into their side', () => {
    const nodes = [{ id: 'boss', parentId: null }];
    for (let i = 0; i < 6; i++) {
      nodes.push({ id: `r${i}`, parentId: 'boss' });
    }
    const layout = layoutOf(nodes);
    const { reportingLines } = chartGeometry(layout, []);
    const r5 = layout.nodes.find((n) => n.id === 'r5');
    // Ends at the left edge of the report, at its middle.
    expect(
      reportingLines
        .find((l) => l.key === 'r-r5')
        .d.endsWith(`V ${r5.y + NODE_HEIGHT / 2} H ${r5.x}`)
    ).toBe(true);
  });

  it('draws informal links as curves with an arrow only for directed types', () => {
    const layout = layoutOf([
      { id: 'a', parentId: null },
      { id: 'b', parentId: null }
    ]);
    const { links } = chartGeometry(layout, [
      { id: 'l1', fromContactId: 'a', toContactId: 'b', type: 'Influences' },
      { id: 'l2', fromContactId: 'b', toContactId: 'a', type: 'In conflict with' },
      { id: 'l3', fromContactId: 'a', toContactId: 'a', type: 'Allied with' }
    ]);
    expect(links.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(links[0].d).toMatch(/^M [\d.]+ [\d.]+ Q /);
    expect(links[0].arrow).not.toBeNull();
    expect(links[1].arrow).toBeNull();
    expect(links[0].dash).not.toBe(links[1].dash);
  });
});
