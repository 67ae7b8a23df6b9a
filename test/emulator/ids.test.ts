import fc from 'fast-check';
import { idSuffix, isWellFormedId, makeId, rowOfId, to18 } from './ids';

describe('record ids', () => {
  it('computes the case-checksum suffix of a 15-character id', () => {
    // '00150' and '00000' hold no capitals → 'A','A'; 'Gv7qJ' has capitals at 0 and 4 → 1+16 = 17 → 'R'.
    expect(idSuffix('0015000000Gv7qJ')).toBe('AAR');
    expect(to18('0015000000Gv7qJ')).toBe('0015000000Gv7qJAAR');
  });

  it('rejects ids with a wrong suffix, a wrong length or foreign characters', () => {
    expect(isWellFormedId('0015000000Gv7qJAAA')).toBe(false);
    expect(isWellFormedId('0015000000Gv7q')).toBe(false);
    expect(isWellFormedId('0015000000Gv7q-AAR')).toBe(false);
  });

  it('encodes the row in the id, so every minted id resolves back to its row and prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.constantFrom('001', '006', 'a0B'), (row, prefix) => {
        const id = makeId(prefix, row);
        return id.length === 18 && isWellFormedId(id) && rowOfId(id, prefix) === row && rowOfId(id.slice(0, 15), prefix) === row && rowOfId(id, '003') === -1;
      })
    );
  });
});
