import fc from 'fast-check';
import { canonicalRow, diffRows, rowHash } from './rowHash';
import type { AccountMetricRow, ProgramMetricRow } from '../metrics';

const row = (key: string, revenue: number) => ({ Account__c: key.split(':')[0]!, Snapshot_Key__c: key, Revenue_TTM__c: revenue }) as unknown as AccountMetricRow;
const program = (key: string) => ({ Period_Key__c: key, Strategic_Accounts__c: 3 }) as unknown as ProgramMetricRow;

describe('row content hashes', () => {
  it('ignores key order and Computed_At__c', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (fields) => {
        const reversed = Object.fromEntries(Object.entries(fields).reverse());
        expect(rowHash({ ...reversed, Computed_At__c: '2026-01-01T00:00:00Z' })).toBe(rowHash(fields));
      })
    );
  });

  it('changes with any value', () => {
    expect(rowHash({ a: 1, b: null })).not.toBe(rowHash({ a: 1, b: 0 }));
    expect(canonicalRow({ b: 2, a: 1 })).toBe('[["a",1],["b",2]]');
  });

  it('picks the rows whose content differs from the stored hashes', () => {
    const result = { accountMetrics: [row('A1:FY1', 10), row('A2:FY1', 20)], programMetrics: [program('FY1')] };
    const stored = new Map([
      ['A:A1:FY1', rowHash(row('A1:FY1', 10))],
      ['A:A2:FY1', rowHash(row('A2:FY1', 19))]
    ]);
    const diff = diffRows(result, stored);
    expect(diff.accountRows.map((r) => r.Snapshot_Key__c)).toEqual(['A2:FY1']);
    expect(diff.programRows.map((r) => r.Period_Key__c)).toEqual(['FY1']);
    expect(diff.unchanged).toBe(1);
    const onlyA2 = diffRows(result, stored, (id) => id === 'A2');
    expect([...onlyA2.hashes.keys()]).toEqual(['A:A2:FY1', 'P:FY1']);
  });
});
