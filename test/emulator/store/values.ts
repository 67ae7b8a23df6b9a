// Conversions between the wire (JSON values, SOQL literals, CSV) and stored cells, with the
// checks and error messages Salesforce gives for bad values.
import { recordError, SfError } from '../errors';
import type { FieldDef } from '../schema/types';

export const DAY_MS = 86_400_000;

// Serializing a page of records formats thousands of dates; the distinct days are few.
const dayStrings = new Map<number, string>();

export function dayToIso(day: number): string {
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size < 100_000) dayStrings.set(day, text);
  }
  return text;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Salesforce's datetime wire format: `2024-05-01T12:34:56.000+0000`. */
export function msToIso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
  return `${dayToIso(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${fraction}+0000`;
}

export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** Parses `2024-05-01T12:34:56Z`, `…56.123+0000`, `…56+02:00`; null when not a datetime. */
export function parseIsoDateTime(text: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return null;
  const day = parseIsoDate(match[1]!);
  if (day === null) return null;
  const [h, mi, s] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const fraction = match[5] ? Math.floor(Number(`0${match[5]}`) * 1000) : 0;
  let offsetMinutes = 0;
  const zone = match[6];
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return day * DAY_MS + ((h * 60 + mi - offsetMinutes) * 60 + s) * 1000 + fraction;
}

function jsonParserError(field: FieldDef, value: unknown, javaType: string): SfError {
  const kind = typeof value === 'string' ? 'VALUE_STRING' : typeof value === 'number' ? 'VALUE_NUMBER_INT' : typeof value === 'boolean' ? 'VALUE_TRUE' : 'START_OBJECT';
  return recordError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${javaType} from ${kind} value ${typeof value === 'object' ? JSON.stringify(value) : String(value)} or request may be missing a required field`,
    [field.name]
  );
}

/** Rounds half away from zero to `scale` decimals, as Salesforce does when saving. */
export function roundToScale(value: number, scale: number): number {
  const factor = 10 ** scale;
  const rounded = Math.round(Math.abs(value) * factor + 1e-9 * Math.abs(value) * factor) / factor;
  return value < 0 ? -rounded : rounded;
}

/**
 * Converts a JSON value sent for `field` into a cell value (text, number, epoch day, epoch ms,
 * boolean or id string; references are resolved by the caller). Throws Salesforce's errors.
 */
export function coerceJsonValue(field: FieldDef, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw jsonParserError(field, value, 'boolean');
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      let n: number;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) n = Number(value);
      else if (value === '') return null;
      else throw jsonParserError(field, value, field.type === 'int' ? 'int' : 'double');
      if (!Number.isFinite(n)) throw jsonParserError(field, value, 'double');
      const scale = field.type === 'int' ? 0 : field.scale;
      const rounded = roundToScale(n, scale);
      const integerDigits = field.precision - scale;
      if (field.precision > 0 && Math.abs(rounded) >= 10 ** integerDigits) {
        throw recordError('NUMBER_OUTSIDE_VALID_RANGE', `${field.label}: value outside of valid range on numeric field: ${n}`, [field.name]);
      }
      return rounded;
    }
    case 'date': {
      if (typeof value !== 'string') throw jsonParserError(field, value, 'date');
      if (value === '') return null;
      const day = parseIsoDate(value.length > 10 && value[10] === 'T' ? value.slice(0, 10) : value);
      if (day === null) throw jsonParserError(field, value, 'date');
      return day;
    }
    case 'datetime': {
      if (typeof value !== 'string') throw jsonParserError(field, value, 'datetime');
      if (value === '') return null;
      const ms = parseIsoDateTime(value) ?? (parseIsoDate(value) !== null ? parseIsoDate(value)! * DAY_MS : null);
      if (ms === null) throw jsonParserError(field, value, 'datetime');
      return ms;
    }
    default: {
      if (typeof value === 'object') throw jsonParserError(field, value, 'String');
      const text = String(value);
      if (text === '') return null;
      if (field.type === 'reference' || field.type === 'id') return text;
      if (field.type === 'picklist') {
        if (field.restrictedPicklist && !field.picklistValues.some((p) => p.value === text)) {
          throw recordError(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${field.label}: bad value for restricted picklist field: ${text}`,
            [field.name]
          );
        }
        return text;
      }
      if (field.type === 'multipicklist' && field.restrictedPicklist) {
        for (const part of text.split(';')) {
          if (!field.picklistValues.some((p) => p.value === part)) {
            throw recordError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${part}`, [field.name]);
          }
        }
      }
      if (field.length > 0 && text.length > field.length) {
        throw recordError(
          'STRING_TOO_LONG',
          `${field.label}: data value too large: ${text.length > 80 ? `${text.slice(0, 80)}...` : text} (max length=${field.length})`,
          [field.name]
        );
      }
      if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
        throw recordError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
      }
      return text;
    }
  }
}

/** A number as Salesforce writes it in JSON (plain decimal notation, no exponent for normal ranges). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) || Math.abs(value) >= 1e-6 ? String(value) : value.toFixed(10).replace(/0+$/, '');
}
