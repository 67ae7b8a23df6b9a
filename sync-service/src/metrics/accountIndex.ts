// Account id → index. A Map keyed by strings is slow for ids that arrive as fresh strings in
// every record (≈200 ns a lookup: the engine's largest per-opportunity cost); an open-addressing
// table with a hand-rolled hash is ≈3× faster.

/** Returned for an id that is not in the index. */
export const UNKNOWN_ACCOUNT = -1;

export class AccountIndex {
  private readonly ids: readonly string[];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(ids: readonly string[]) {
    this.ids = ids;
    let capacity = 16;
    while (capacity < ids.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(UNKNOWN_ACCOUNT);
    this.mask = capacity - 1;
    ids.forEach((id, index) => {
      let slot = hash(id) & this.mask;
      while (this.slots[slot] !== UNKNOWN_ACCOUNT) slot = (slot + 1) & this.mask;
      this.slots[slot] = index;
    });
  }

  get size(): number {
    return this.ids.length;
  }

  indexOf(id: string): number {
    let slot = hash(id) & this.mask;
    for (;;) {
      const index = this.slots[slot]!;
      if (index === UNKNOWN_ACCOUNT || this.ids[index] === id) return index;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
