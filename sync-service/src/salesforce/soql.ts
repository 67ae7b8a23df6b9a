// SOQL text built only from constants, validated ids and formatted datetimes: no user text is
// ever concatenated into a query.

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function isSalesforceId(value: unknown): value is string {
  return typeof value === 'string' && SALESFORCE_ID.test(value);
}

/** The 18-character form of a 15- or 18-character id (the case-safe checksum suffix). */
export function toId18(id: string): string {
  if (!isSalesforceId(id)) throw new Error(`not a Salesforce id: ${JSON.stringify(id)}`);
  if (id.length === 18) return id;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return id + suffix;
}

/** A quoted id literal; throws on anything that is not an id. */
export function idLiteral(id: string): string {
  if (!isSalesforceId(id)) throw new Error(`refusing to put a non-id into SOQL: ${JSON.stringify(id)}`);
  return `'${id}'`;
}

/** A SOQL datetime literal in UTC with milliseconds (jsforce's SfDate drops them). */
export function dateTimeLiteral(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error(`not a datetime: ${String(instant)}`);
  return date.toISOString();
}

export function selectFrom(object: string, fields: readonly string[], where?: string, orderBy?: string): string {
  return `SELECT ${fields.join(', ')} FROM ${object}${where ? ` WHERE ${where}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
}
