/**
 * Org-chart layout: contacts in, positions out. Pure (no DOM, no platform imports), so the
 * benchmark can run it under Node and the tests can check its invariants.
 *
 * Every subtree owns a contiguous range of column "slots"; sibling subtrees get disjoint ranges
 * and a manager sits centred over his reports, one row lower per level. That alone guarantees
 * that no two boxes overlap. A manager whose reports are all individual contributors gets them
 * in a compact grid (`wrapLeavesAt` columns) instead of one very wide row.
 */

export const DEFAULT_LAYOUT_OPTIONS = Object.freeze({
  nodeWidth: 200,
  nodeHeight: 96,
  horizontalGap: 24,
  verticalGap: 48,
  margin: 16,
  wrapLeavesAt: 4
});

function validate(nodes) {
  if (!Array.isArray(nodes)) {
    throw new TypeError('orgChartLayout: nodes must be an array of { id, parentId }');
  }
  const indexById = new Map();
  nodes.forEach((node, index) => {
    const id = node && node.id;
    if (typeof id !== 'string' || id === '') {
      throw new TypeError(`orgChartLayout: nodes[${index}].id must be a non-empty string`);
    }
    if (indexById.has(id)) {
      throw new TypeError(`orgChartLayout: nodes[${index}].id "${id}" appears twice`);
    }
    indexById.set(id, index);
  });
  return indexById;
}

/**
 * Manager index of each node, or -1 for a root. A manager outside the set (another account's
 * contact, or one the user cannot see) or the node itself makes a root. Cycles in ReportsToId
 * (A reports to B, B to A) are cut where the walk first comes back to a node: that node becomes
 * a root, so the chart still shows everyone once.
 */
function resolveParents(nodes, indexById) {
  const parent = nodes.map((node, index) => {
    const parentIndex = indexById.get(node.parentId);
    return parentIndex === undefined || parentIndex === index ? -1 : parentIndex;
  });
  const state = new Uint8Array(nodes.length); // 0 unvisited, 1 on the current walk, 2 done
  const brokenCycles = [];
  for (let start = 0; start < nodes.length; start++) {
    const walk = [];
    let current = start;
    while (current !== -1 && state[current] === 0) {
      state[current] = 1;
      walk.push(current);
      current = parent[current];
    }
    if (current !== -1 && state[current] === 1) {
      parent[current] = -1;
      brokenCycles.push(nodes[current].id);
    }
    walk.forEach((index) => {
      state[index] = 2;
    });
  }
  return { parent, brokenCycles };
}

/**
 * Lays out a forest of contacts.
 * @param {Array<{id: string, parentId?: string|null}>} nodes in display order (siblings keep it)
 * @param {object} [options] sizes in px, see DEFAULT_LAYOUT_OPTIONS
 * @returns {{ nodes: Array<{id, parentId, x, y, level, row, column}>, edges: Array<{from, to}>,
 *   roots: string[], brokenCycles: string[], width: number, height: number }}
 *   x/y are the top-left corner of each box; `level` is the reporting depth, `row` the visual row.
 */
export function layoutOrgChart(nodes, options = {}) {
  const settings = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const indexById = validate(nodes);
  const count = nodes.length;
  const { parent, brokenCycles } = resolveParents(nodes, indexById);

  const children = Array.from({ length: count }, () => []);
  const roots = [];
  for (let index = 0; index < count; index++) {
    if (parent[index] === -1) {
      roots.push(index);
    } else {
      children[parent[index]].push(index);
    }
  }

  // Breadth-first order puts every manager before his reports (the graph is a forest now).
  const order = roots.slice();
  for (let cursor = 0; cursor < order.length; cursor++) {
    children[order[cursor]].forEach((child) => order.push(child));
  }

  const wrapAt = Math.max(1, Math.floor(settings.wrapLeavesAt));
  const gridColumns = new Int32Array(count); // > 0 when the reports are laid out as a grid
  const slots = new Float64Array(count);
  for (let cursor = order.length - 1; cursor >= 0; cursor--) {
    const index = order[cursor];
    const kids = children[index];
    if (kids.length === 0) {
      slots[index] = 1;
    } else if (kids.length > wrapAt && kids.every((kid) => children[kid].length === 0)) {
      gridColumns[index] = wrapAt;
      slots[index] = wrapAt;
    } else {
      slots[index] = kids.reduce((sum, kid) => sum + slots[kid], 0);
    }
  }

  const column = new Float64Array(count); // centre, in slots
  const start = new Float64Array(count); // first slot of the subtree
  const row = new Int32Array(count);
  const level = new Int32Array(count);
  let nextFree = 0;
  roots.forEach((root) => {
    start[root] = nextFree;
    nextFree += slots[root];
  });
  // Children are placed first (top-down), managers centred afterwards (bottom-up).
  order.forEach((index) => {
    const kids = children[index];
    if (gridColumns[index] > 0) {
      kids.forEach((kid, position) => {
        start[kid] = start[index] + (position % gridColumns[index]);
        row[kid] = row[index] + 1 + Math.floor(position / gridColumns[index]);
        level[kid] = level[index] + 1;
      });
      return;
    }
    let offset = start[index];
    kids.forEach((kid) => {
      start[kid] = offset;
      offset += slots[kid];
      row[kid] = row[index] + 1;
      level[kid] = level[index] + 1;
    });
  });
  for (let cursor = order.length - 1; cursor >= 0; cursor--) {
    const index = order[cursor];
    const kids = children[index];
    if (kids.length === 0) {
      column[index] = start[index];
    } else if (gridColumns[index] > 0) {
      column[index] = start[index] + (gridColumns[index] - 1) / 2;
    } else {
      column[index] = (column[kids[0]] + column[kids[kids.length - 1]]) / 2;
    }
  }

  const stepX = settings.nodeWidth + settings.horizontalGap;
  const stepY = settings.nodeHeight + settings.verticalGap;
  let maxRow = -1;
  const placed = nodes.map((node, index) => {
    maxRow = Math.max(maxRow, row[index]);
    return {
      id: node.id,
      parentId: parent[index] === -1 ? null : nodes[parent[index]].id,
      x: settings.margin + column[index] * stepX,
      y: settings.margin + row[index] * stepY,
      level: level[index],
      row: row[index],
      column: column[index]
    };
  });
  const edges = [];
  placed.forEach((node) => {
    if (node.parentId !== null) {
      edges.push({ from: node.parentId, to: node.id });
    }
  });
  return {
    nodes: placed,
    edges,
    roots: roots.map((index) => nodes[index].id),
    brokenCycles,
    width: count === 0 ? 0 : 2 * settings.margin + nextFree * stepX - settings.horizontalGap,
    height: count === 0 ? 0 : 2 * settings.margin + (maxRow + 1) * stepY - settings.verticalGap
  };
}

/**
 * Where each arrow key leads from each node: Up to the manager, Down to the first report,
 * Left/Right to the previous/next colleague with the same manager (roots are colleagues).
 * From the first root every node is reachable with Down and Right.
 * @returns {Map<string, {up: string|null, down: string|null, left: string|null, right: string|null}>}
 */
export function navigationMap(layout) {
  const siblings = new Map();
  layout.nodes.forEach((node) => {
    const key = node.parentId === null ? '' : node.parentId;
    if (!siblings.has(key)) {
      siblings.set(key, []);
    }
    siblings.get(key).push(node.id);
  });
  const moves = new Map();
  siblings.forEach((group) => {
    group.forEach((id, position) => {
      moves.set(id, {
        up: null,
        down: null,
        left: position > 0 ? group[position - 1] : null,
        right: position < group.length - 1 ? group[position + 1] : null
      });
    });
  });
  layout.nodes.forEach((node) => {
    const move = moves.get(node.id);
    move.up = node.parentId;
    const reports = siblings.get(node.id);
    move.down = reports ? reports[0] : null;
  });
  return moves;
}
