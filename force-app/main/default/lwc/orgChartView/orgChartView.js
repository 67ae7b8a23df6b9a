/**
 * What part of an org chart is shown, and how large: the pure rules behind the relationship
 * map's collapse and expand, "mapped people only", search and zoom. No DOM, no platform imports.
 *
 * A forest here is [{ id, parentId }] in display order, acyclic, every parentId null or an id of
 * the set: what `layoutOrgChart(...).nodes` returns.
 */

/** Zoom levels offered by the zoom buttons (1 = boxes at their natural size). */
export const ZOOM_STEPS = Object.freeze([0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5]);
const MIN_ZOOM = ZOOM_STEPS[0];
const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

function childrenOf(forest) {
  const children = new Map();
  forest.forEach((node) => {
    const key = node.parentId === null ? null : node.parentId;
    if (!children.has(key)) {
      children.set(key, []);
    }
    children.get(key).push(node.id);
  });
  return children;
}

/**
 * Keeps the people `keep` accepts; each reports to his nearest kept manager (so "mapped people
 * only" still reads top-down). Without `keep`, the forest as given.
 */
export function keepPeople(forest, keep) {
  if (!keep) {
    return forest;
  }
  const byId = new Map(forest.map((node) => [node.id, node]));
  const nearestKept = (id) => {
    let current = id;
    while (current !== null && !keep(current)) {
      current = byId.get(current).parentId;
    }
    return current;
  };
  return forest
    .filter((node) => keep(node.id))
    .map((node) => ({ id: node.id, parentId: nearestKept(node.parentId) }));
}

/**
 * The people shown when the branches under `collapsed` are folded away.
 * @returns {{ nodes: Array<{id, parentId, reports: number, hidden: number, collapsed: boolean}>,
 *   hiddenCount: number }} `reports` counts direct reports, `hidden` the people folded under a
 *   collapsed node; `hiddenCount` all people not shown.
 */
export function visibleForest(forest, collapsed = new Set()) {
  const children = childrenOf(forest);
  const descendants = new Map();
  const countUnder = (id) => {
    // Iterative post-order: very deep chains must not hit the recursion limit.
    const stack = [[id, false]];
    while (stack.length > 0) {
      const [current, done] = stack.pop();
      const kids = children.get(current) || [];
      if (done) {
        descendants.set(
          current,
          kids.reduce((sum, kid) => sum + 1 + descendants.get(kid), 0)
        );
      } else {
        stack.push([current, true]);
        kids.forEach((kid) => stack.push([kid, false]));
      }
    }
  };
  (children.get(null) || []).forEach(countUnder);

  const shown = new Set();
  const order = (children.get(null) || []).slice();
  for (let cursor = 0; cursor < order.length; cursor++) {
    const id = order[cursor];
    shown.add(id);
    if (!collapsed.has(id)) {
      (children.get(id) || []).forEach((kid) => order.push(kid));
    }
  }
  const nodes = forest
    .filter((node) => shown.has(node.id))
    .map((node) => {
      const reports = (children.get(node.id) || []).length;
      const folded = reports > 0 && collapsed.has(node.id);
      return {
        id: node.id,
        parentId: node.parentId,
        reports,
        hidden: folded ? descendants.get(node.id) : 0,
        collapsed: folded
      };
    });
  return { nodes, hiddenCount: forest.length - nodes.length };
}

/** Depth of every person (roots 0). */
function levelsOf(forest) {
  const byId = new Map(forest.map((node) => [node.id, node]));
  const levels = new Map();
  const levelOf = (id) => {
    const chain = [];
    let current = id;
    while (current !== null && !levels.has(current)) {
      chain.push(current);
      current = byId.get(current).parentId;
    }
    let level = current === null ? -1 : levels.get(current);
    for (let i = chain.length - 1; i >= 0; i--) {
      level += 1;
      levels.set(chain[i], level);
    }
  };
  forest.forEach((node) => levelOf(node.id));
  return levels;
}

/** Folds every branch below `depth` (depth 0 shows the roots only). */
export function collapseBelow(forest, depth) {
  const levels = levelsOf(forest);
  const managers = new Set(forest.map((node) => node.parentId).filter((id) => id !== null));
  return new Set(
    forest.filter((n) => levels.get(n.id) === depth && managers.has(n.id)).map((n) => n.id)
  );
}

/**
 * The branches to fold when a chart opens: the deepest levels whose chart, at `minScale`, still
 * fits `availableWidth` (`widthOf` measures a laid-out visible forest). At least the roots show.
 */
export function initialCollapse(forest, { availableWidth, minScale, widthOf }) {
  const maxLevel = Math.max(-1, ...levelsOf(forest).values());
  for (let depth = maxLevel; depth > 0; depth--) {
    const collapsed = collapseBelow(forest, depth);
    if (widthOf(visibleForest(forest, collapsed).nodes) * minScale <= availableWidth) {
      return collapsed;
    }
  }
  return collapseBelow(forest, 0);
}

/** The managers above each of `ids`: unfolding them reveals those people. */
export function managersAbove(forest, ids) {
  const byId = new Map(forest.map((node) => [node.id, node]));
  const above = new Set();
  ids.forEach((id) => {
    let current = byId.has(id) ? byId.get(id).parentId : null;
    while (current !== null && !above.has(current)) {
      above.add(current);
      current = byId.get(current).parentId;
    }
  });
  return above;
}

/** Lower case without accents, so "muller" finds "Müller". */
export function searchKey(text) {
  return String(text || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Ids of the people whose name or title contains the search term, in the people's order. */
export function searchPeople(people, term) {
  const key = searchKey(term);
  if (!key) {
    return [];
  }
  return people
    .filter(
      (person) => searchKey(person.name).includes(key) || searchKey(person.title).includes(key)
    )
    .map((person) => person.id);
}

/** The scale that fits a chart of `contentWidth` into `availableWidth`, never above natural size. */
export function fitScale(contentWidth, availableWidth) {
  if (!(contentWidth > 0) || !(availableWidth > 0)) {
    return 1;
  }
  return Math.min(MAX_ZOOM, 1, Math.max(MIN_ZOOM, availableWidth / contentWidth));
}

/** The next zoom step in `direction` (+1 in, -1 out) from `scale`. */
export function nextZoom(scale, direction) {
  if (direction > 0) {
    return ZOOM_STEPS.find((step) => step > scale + 1e-9) || MAX_ZOOM;
  }
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 1e-9) || MIN_ZOOM;
}

/** A copy of the set with `id` added, or removed if it was there (a branch folded or unfolded). */
export function toggled(set, id) {
  const copy = new Set(set);
  if (!copy.delete(id)) {
    copy.add(id);
  }
  return copy;
}
