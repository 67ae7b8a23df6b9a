// Customer groups from Account.ParentId (DESIGN.md "Hierarchy rows"): a group is a top account and
// its descendants up to 5 levels below it. Pure: a parent map in, a forest out.
//
// The forest is made total and finite whatever the parent map holds, so every account sits in
// exactly one group:
// - a parent that is not among the accounts given (unreadable, deleted) counts as none;
// - a cycle (Salesforce forbids them, but a mirror updated piecemeal can hold one for a moment) is
//   cut at its smallest id, which becomes a top;
// - an account deeper than 5 levels below its top starts a group of its own (its link to its
//   parent is cut), as levels 0–5 are what a group holds.

/** Levels a group holds below its top account. */
export const HIERARCHY_MAX_LEVELS = 5;

export interface AccountTree {
  /** Whether the account was given. */
  has(id: string): boolean;
  /** The parent within the group (null for a top, an unknown id, or a cut link). */
  parentOf(id: string): string | null;
  /** The group's top account (the account itself when it is a top or unknown). */
  topOf(id: string): string;
  /** 0 for a top, 1 for its children, … at most HIERARCHY_MAX_LEVELS. */
  levelOf(id: string): number;
  /** Direct children within the group, by id. */
  childrenOf(id: string): readonly string[];
  hasChildren(id: string): boolean;
  /** Every account below `id` in its group (parents before their children, siblings by id); `id` itself not included. */
  descendantsOf(id: string): string[];
  /** The parent, the parent's parent, … up to the top; empty for a top. */
  ancestorsOf(id: string): string[];
  /** Accounts that have children within their group (those with Hierarchy rows), by id. */
  withChildren(): string[];
}

const NONE: readonly string[] = Object.freeze([]);

/** Builds the forest from account id → ParentId (null or absent without a parent). */
export function buildAccountTree(parents: Iterable<readonly [string, string | null | undefined]>): AccountTree {
  const parent = new Map<string, string | null>();
  for (const [id, parentId] of parents) parent.set(id, parentId ?? null);
  for (const [id, parentId] of parent) if (parentId !== null && (parentId === id || !parent.has(parentId))) parent.set(id, null);
  cutCycles(parent);

  // Depth below the root of the uncut chain, memoised; a link is cut where depth reaches 6, 12, …
  const depth = new Map<string, number>();
  for (const id of parent.keys()) {
    const chain: string[] = [];
    let at: string | null = id;
    while (at !== null && !depth.has(at)) {
      chain.push(at);
      at = parent.get(at)!;
    }
    let d = at === null ? -1 : depth.get(at)!;
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i]!, ++d);
  }
  const level = new Map<string, number>();
  const groupParent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  for (const [id, parentId] of parent) {
    const l = depth.get(id)! % (HIERARCHY_MAX_LEVELS + 1);
    level.set(id, l);
    const p = l === 0 ? null : parentId;
    groupParent.set(id, p);
    if (p !== null) {
      const list = children.get(p);
      if (list) list.push(id);
      else children.set(p, [id]);
    }
  }
  for (const list of children.values()) list.sort(byId);
  const heads = [...children.keys()].sort(byId);

  const parentOf = (id: string): string | null => groupParent.get(id) ?? null;
  const childrenOf = (id: string): readonly string[] => children.get(id) ?? NONE;
  const ancestorsOf = (id: string): string[] => {
    const up: string[] = [];
    for (let p = parentOf(id); p !== null; p = parentOf(p)) up.push(p);
    return up;
  };
  return {
    has: (id) => parent.has(id),
    parentOf,
    topOf: (id) => ancestorsOf(id).at(-1) ?? id,
    levelOf: (id) => level.get(id) ?? 0,
    childrenOf,
    hasChildren: (id) => children.has(id),
    descendantsOf: (id) => {
      const below: string[] = [];
      for (let queue = [...childrenOf(id)]; queue.length > 0; ) {
        below.push(...queue);
        queue = queue.flatMap((child) => childrenOf(child));
      }
      return below;
    },
    ancestorsOf,
    withChildren: () => [...heads]
  };
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Cuts every cycle of the parent map at its smallest id (in place). */
function cutCycles(parent: Map<string, string | null>): void {
  const done = new Set<string>();
  for (const start of parent.keys()) {
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let at: string | null = start;
    while (at !== null && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = parent.get(at)!;
    }
    if (at !== null && onPath.has(at)) {
      const cycle = path.slice(onPath.get(at));
      parent.set(cycle.reduce((min, id) => (id < min ? id : min)), null);
    }
    for (const id of path) done.add(id);
  }
}
