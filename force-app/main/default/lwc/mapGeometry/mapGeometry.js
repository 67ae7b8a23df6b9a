/**
 * Lines of the relationship map, computed from the org-chart layout: elbow lines for reporting
 * lines (routed through the gaps, so they never cross a box) and curved, dashed lines for the
 * informal links, which must read as different from the org chart at a glance.
 */
import { DEFAULT_LAYOUT_OPTIONS } from 'c/orgChartLayout';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 112;

const { horizontalGap: H_GAP, verticalGap: V_GAP } = DEFAULT_LAYOUT_OPTIONS;
const CURVE_OFFSET = 40;
const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 5;

// Colours come from the CSS class (SLDS styling hooks); the dash pattern tells the types apart
// without colour, and an arrow marks the directed ones.
export const LINK_STYLE = {
  Influences: { tone: 'influences', dash: '6 4', directed: true },
  'Allied with': { tone: 'allied', dash: '6 4', directed: false },
  'In conflict with': { tone: 'conflict', dash: '2 3', directed: false },
  'Dotted line to': { tone: 'dotted', dash: '1 4', directed: true },
  // A type an admin added later.
  other: { tone: 'other', dash: '6 4', directed: false }
};

const round = (value) => Math.round(value * 10) / 10;

/** Where a ray from the box centre towards (tx, ty) leaves the box. */
export function clipToBox(cx, cy, tx, ty, width = NODE_WIDTH, height = NODE_HEIGHT) {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) {
    return { x: cx, y: cy };
  }
  const scale = Math.min(
    dx === 0 ? Infinity : width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : height / 2 / Math.abs(dy)
  );
  return { x: cx + dx * scale, y: cy + dy * scale };
}

function reportingLines(layout) {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const gridManagers = new Set(
    layout.edges
      .filter(({ from, to }) => byId.get(to).row > byId.get(from).row + 1)
      .map(({ from }) => from)
  );
  return layout.edges.map(({ from, to }) => {
    const manager = byId.get(from);
    const report = byId.get(to);
    const x1 = manager.x + NODE_WIDTH / 2;
    const y1 = manager.y + NODE_HEIGHT;
    let d;
    if (gridManagers.has(from)) {
      // Reports in a grid: down the gap left of each report, into its side.
      const side = report.x - H_GAP / 2;
      d = `M ${round(x1)} ${round(y1)} V ${round(y1 + V_GAP / 2)} H ${round(side)} V ${round(
        report.y + NODE_HEIGHT / 2
      )} H ${round(report.x)}`;
    } else {
      const x2 = report.x + NODE_WIDTH / 2;
      const middle = y1 + (report.y - y1) / 2;
      d = `M ${round(x1)} ${round(y1)} V ${round(middle)} H ${round(x2)} V ${round(report.y)}`;
    }
    return { key: `r-${to}`, d };
  });
}

function linkLines(layout, links) {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  return links
    .filter((link) => link.fromContactId !== link.toContactId)
    .map((link) => {
      const from = byId.get(link.fromContactId);
      const to = byId.get(link.toContactId);
      const style = LINK_STYLE[link.type] || LINK_STYLE.other;
      const ax = from.x + NODE_WIDTH / 2;
      const ay = from.y + NODE_HEIGHT / 2;
      const bx = to.x + NODE_WIDTH / 2;
      const by = to.y + NODE_HEIGHT / 2;
      const length = Math.hypot(bx - ax, by - ay);
      // Bend the curve sideways so it never lies on top of a straight reporting line.
      const cx = (ax + bx) / 2 + (-(by - ay) / length) * CURVE_OFFSET;
      const cy = (ay + by) / 2 + ((bx - ax) / length) * CURVE_OFFSET;
      const start = clipToBox(ax, ay, cx, cy);
      const end = clipToBox(bx, by, cx, cy);
      let arrow = null;
      if (style.directed) {
        const ux = (end.x - cx) / Math.hypot(end.x - cx, end.y - cy);
        const uy = (end.y - cy) / Math.hypot(end.x - cx, end.y - cy);
        const baseX = end.x - ux * ARROW_LENGTH;
        const baseY = end.y - uy * ARROW_LENGTH;
        arrow = [
          [end.x, end.y],
          [baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH],
          [baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH]
        ]
          .map(([x, y]) => `${round(x)},${round(y)}`)
          .join(' ');
      }
      return {
        key: `l-${link.id}`,
        id: link.id,
        type: link.type,
        d: `M ${round(start.x)} ${round(start.y)} Q ${round(cx)} ${round(cy)} ${round(end.x)} ${round(end.y)}`,
        tone: style.tone,
        dash: style.dash,
        arrow,
        labelX: round(0.25 * start.x + 0.5 * cx + 0.25 * end.x),
        labelY: round(0.25 * start.y + 0.5 * cy + 0.25 * end.y)
      };
    });
}

/** @returns {{ reportingLines: Array<{key, d}>, links: Array<{key, id, type, d, tone, dash, arrow, labelX, labelY}> }} */
export function chartGeometry(layout, links) {
  return { reportingLines: reportingLines(layout), links: linkLines(layout, links) };
}
