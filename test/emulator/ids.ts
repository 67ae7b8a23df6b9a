// Salesforce record ids: 3-character key prefix, 12 characters of record number, and a 3-character
// suffix that encodes the case of the first 15 (so the id survives case-insensitive systems).
// The emulator encodes a table's row number in the 12 middle characters, so an id resolves to its
// row without any index.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Two characters standing for the emulated instance (real ids carry a pod code here). */
const INSTANCE = 'Dg';
const NUMBER_WIDTH = 10;

const base62Value = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE62.length; i++) base62Value[BASE62.charCodeAt(i)] = i;

/** The 3-character case-checksum suffix of a 15-character id. */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** The 18-character id of row `row` of the object whose key prefix is `prefix`. */
export function makeId(prefix: string, row: number): string {
  let n = row + 1;
  let digits = '';
  for (let i = 0; i < NUMBER_WIDTH; i++) {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  }
  const id15 = prefix + INSTANCE + digits;
  return id15 + idSuffix(id15);
}

/** True when `value` has the shape of a Salesforce id (15 or 18 alphanumerics, valid suffix). */
export function isWellFormedId(value: string): boolean {
  if (value.length !== 15 && value.length !== 18) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || base62Value[c] === -1) return false;
  }
  if (value.length === 18) {
    return idSuffix(value.slice(0, 15)).toUpperCase() === value.slice(15).toUpperCase();
  }
  return true;
}

/** Normalises a 15- or 18-character id to 18 characters (undefined when malformed). */
export function to18(value: string): string | undefined {
  if (!isWellFormedId(value)) return undefined;
  const id15 = value.slice(0, 15);
  return id15 + idSuffix(id15);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/**
 * The row an emulator id points at, or -1 when the id is not one the emulator minted for
 * `prefix` (wrong prefix, foreign instance, malformed).
 */
export function rowOfId(id: string, prefix: string): number {
  if (!isWellFormedId(id) || !id.startsWith(prefix) || id.slice(3, 5) !== INSTANCE) return -1;
  let n = 0;
  for (let i = 5; i < 15; i++) n = n * 62 + base62Value[id.charCodeAt(i)]!;
  return n - 1;
}
