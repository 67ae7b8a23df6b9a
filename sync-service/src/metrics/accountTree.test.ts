// The account forest: worked examples, then invariants over random parent maps (fast-check),
// including cycles, self-parents, unknown parents and chains deeper than the 5-level cap.
import fc from 'fast-check';
import { HIERARCHY_MAX_LEVELS, buildAccountTree } from './accountTree';

describe('buildAccountTree', () => {
  // Group:   G ─┬─ S1 ─── D1
  //             └─ S2
  // Alone:   L (no parent), X (parent not among the accounts)
  const tree = buildAccountTree([
    ['S1', 'G'],
    ['D1', 'S1'],
    ['G', null],
    ['S2', 'G'],
    ['L', null],
    ['X', 'GONE']
  ]);

  it('finds tops, levels, children and descendants of a 3-level group', () => {
    expect(['G', 'S1', 'S2', 'D1'].map((id) => tree.topOf(id))).toEqual(['G', 'G', 'G', 'G']);
    expect(['G', 'S1', 'S2', 'D1'].map((id) => tree.levelOf(id))).toEqual([0, 1, 1, 2]);
    expect(tree.childrenOf('G')).toEqual(['S1', 'S2']);
    expect(tree.descendantsOf('G')).toEqual(['S1', 'S2', 'D1']);
    expect(tree.descendantsOf('S1')).toEqual(['D1']);
    expect(tree.descendantsOf('D1')).toEqual([]);
    expect(tree.ancestorsOf('D1')).toEqual(['S1', 'G']);
    expect(tree.withChildren()).toEqual(['G', 'S1']);
    expect(tree.hasChildren('S2')).toBe(false);
  });

  it('treats an unknown parent as none and an unknown id as a lone top', () => {
    expect(tree.parentOf('X')).toBeNull();
    expect(tree.topOf('X')).toBe('X');
    expect(tree.has('GONE')).toBe(false);
    expect(tree.topOf('GONE')).toBe('GONE');
    expect(tree.levelOf('GONE')).toBe(0);
    expect(tree.descendantsOf('GONE')).toEqual([]);
  });

  it('cuts a cycle at its smallest id', () => {
    const cyclic = buildAccountTree([
      ['B', 'C'],
      ['C', 'A'],
      ['A', 'B'],
      ['T', 'T']
    ]);
    expect(cyclic.topOf('B')).toBe('A');
    expect(cyclic.descendantsOf('A')).toEqual(['C', 'B']);
    expect(cyclic.topOf('T')).toBe('T');
  });

  it('starts a new group 6 levels below a top', () => {
    // A chain L0 ← L1 ← … ← L13: levels 0–5, then L6 tops a group of its own (6–11), then L12.
    const chain = buildAccountTree(Array.from({ length: 14 }, (_, i) => [`L${String(i).padStart(2, '0')}`, i === 0 ? null : `L${String(i - 1).padStart(2, '0')}`] as const));
    expect(chain.topOf('L05')).toBe('L00');
    expect(chain.levelOf('L05')).toBe(5);
    expect(chain.topOf('L06')).toBe('L06');
    expect(chain.parentOf('L06')).toBeNull();
    expect(chain.topOf('L11')).toBe('L06');
    expect(chain.topOf('L13')).toBe('L12');
    expect(chain.descendantsOf('L00')).toHaveLength(5);
  });
});

describe('buildAccountTree invariants', () => {
  // Small id space so that random parents often hit each other: cycles, long chains, unknown ids.
  const ids = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }).map((ns) => ns.map((n) => `A${n}`));
  const parentMaps = ids.chain((accountIds) =>
    fc.tuple(...accountIds.map((id) => fc.tuple(fc.constant(id), fc.option(fc.integer({ min: 0, max: 45 }).map((n) => `A${n}`), { nil: null }))))
  );

  it('every account has one top with no parent, at a level within the cap, and the groups partition the accounts', () => {
    fc.assert(
      fc.property(parentMaps, (pairs) => {
        const tree = buildAccountTree(pairs);
        const seen = new Set<string>();
        const tops = new Set(pairs.map(([id]) => tree.topOf(id)));
        for (const top of tops) {
          expect(tree.parentOf(top)).toBeNull();
          expect(tree.levelOf(top)).toBe(0);
          for (const id of [top, ...tree.descendantsOf(top)]) {
            // Descendants of different tops are disjoint, and every account is in its top's group.
            expect(seen.has(id)).toBe(false);
            seen.add(id);
            expect(tree.topOf(id)).toBe(top);
          }
        }
        expect(seen.size).toBe(pairs.length);
        for (const [id] of pairs) {
          const level = tree.levelOf(id);
          expect(level).toBeGreaterThanOrEqual(0);
          expect(level).toBeLessThanOrEqual(HIERARCHY_MAX_LEVELS);
          expect(tree.ancestorsOf(id)).toHaveLength(level);
          expect(tree.hasChildren(id)).toBe(tree.childrenOf(id).length > 0);
          expect(tree.withChildren().includes(id)).toBe(tree.hasChildren(id));
          for (const child of tree.childrenOf(id)) expect(tree.parentOf(child)).toBe(id);
        }
      })
    );
  });

  it('keeps every given parent link that is no cycle, no unknown id and within the cap', () => {
    fc.assert(
      fc.property(parentMaps, (pairs) => {
        const tree = buildAccountTree(pairs);
        const given = new Map(pairs);
        for (const [id, parentId] of pairs) {
          const kept = tree.parentOf(id);
          if (kept !== null) expect(kept).toBe(parentId);
          // A link is dropped only for an unknown parent, a cycle, or the cap.
          else if (parentId !== null && given.has(parentId) && parentId !== id && tree.levelOf(parentId) < HIERARCHY_MAX_LEVELS) {
            let at: string | null | undefined = parentId;
            const path = new Set<string>([id]);
            while (at && !path.has(at)) {
              path.add(at);
              at = given.get(at);
            }
            expect(at).toBeTruthy(); // the walk up from id came back to the path: a cycle
          }
        }
      })
    );
  });
});
