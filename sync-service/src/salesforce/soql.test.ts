import fc from 'fast-check';
import { dateTimeLiteral, idLiteral, isSalesforceId, toId18 } from './soql';

describe('SOQL building blocks', () => {
  it('widens 15-character ids with the checksum suffix', () => {
    // Known pairs: the suffix encodes the upper-case positions of each 5-character block.
    expect(toId18('001Dg0000000001')).toBe('001Dg0000000001IAA');
    expect(toId18('001000000000000')).toBe('001000000000000AAA');
    expect(toId18('001Dg0000000001IAA')).toBe('001Dg0000000001IAA');
  });

  it('accepts only 15- or 18-character alphanumeric ids', () => {
    expect(isSalesforceId('001Dg0000000001')).toBe(true);
    expect(isSalesforceId('001Dg0000000001IA')).toBe(false);
    expect(isSalesforceId("001Dg000000000'")).toBe(false);
    expect(() => idLiteral("001' OR Name != '")).toThrow(/non-id/);
  });

  it('never lets a quote, space or backslash into an id literal', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        let literal: string | null = null;
        try {
          literal = idLiteral(text);
        } catch {
          return;
        }
        expect(literal).toMatch(/^'[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?'$/);
      })
    );
  });

  it('keeps milliseconds in datetime literals, in UTC', () => {
    expect(dateTimeLiteral('2026-06-15T10:00:05.123+0200')).toBe('2026-06-15T08:00:05.123Z');
    expect(() => dateTimeLiteral('yesterday')).toThrow(/not a datetime/);
  });
});
