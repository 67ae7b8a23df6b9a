// Account id → index. A Map keyed by strings is slow for ids that arrive as fresh strings in
// every record (≈200 ns a lookup: the engine's largest per-opportunity cost). This is an
// open-addressing table with a hand-rolled hash whose keys' characters sit in one contiguous
// array, so checking a hit reads cached memory instead of chasing 10,000 scattered strings.

/** Returned for an id that is not in the index. */
export const UNKNOWN_ACCOUNT = -1;

export class AccountIndex {
  private readonly count: number;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Characters of id i at keyCharacters[keyStarts[i] .. keyStarts[i + 1]). */
  private readonly keyCharacters: Uint16Array;
  private readonly keyStarts: Int32Array;

  constructor(ids: readonly string[]) {
    this.count = ids.length;
    this.keyStarts = new Int32Array(ids.length + 1);
    ids.forEach((id, index) => (this.keyStarts[index + 1] = this.keyStarts[index]! + id.length));
    this.keyCharacters = new Uint16Array(this.keyStarts[ids.length]!);
    ids.forEach((id, index) => {
      for (let i = 0; i < id.length; i++)
        this.keyCharacters[this.keyStarts[index]! + i] = id.charCodeAt(i);
    });
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
    return this.count;
  }

  indexOf(id: string): number {
    let slot = hash(id) & this.mask;
    for (;;) {
      const index = this.slots[slot]!;
      if (index === UNKNOWN_ACCOUNT || this.holds(index, id)) return index;
      slot = (slot + 1) & this.mask;
    }
  }

  private holds(index: number, id: string): boolean {
    const start = this.keyStarts[index]!;
    if (this.keyStarts[index + 1]! - start !== id.length) return false;
    for (let i = 0; i < id.length; i++)
      if (this.keyCharacters[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }
}

/**
 * FNV-1a over the last 12 UTF-16 code units and the length: in an 18-character Salesforce id
 * the first characters (key prefix, pod) are the same for every account of an org.
 */
function hash(id: string): number {
  let h = Math.imul(0x811c9dc5 ^ id.length, 0x01000193);
  for (let i = Math.max(0, id.length - 12); i < id.length; i++)
    h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
