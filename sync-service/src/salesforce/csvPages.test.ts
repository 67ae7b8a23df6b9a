import fc from 'fast-check';
import { forEachCsvBatch } from './csvPages';

/** A results page as Salesforce writes it: a header row, every value quoted, null as an empty field. */
function page(columns: string[], rows: Array<Array<string | null>>, newline = '\n'): string {
  const quote = (value: string | null) => (value === null ? '' : `"${value.replace(/"/g, '""')}"`);
  return [columns.map(quote).join(','), ...rows.map((row) => row.map(quote).join(','))].join(newline) + newline;
}

async function batchesOf(text: string, batch: number): Promise<{ batches: Array<Array<Record<string, unknown>>>; count: number }> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  const count = await forEachCsvBatch(text, (records) => void batches.push(records), ',', batch);
  return { batches, count };
}

describe('Bulk 2.0 results pages parsed a batch at a time', () => {
  it('hands on records in order, in batches of the given size, with quoted commas, quotes and newlines intact', async () => {
    const text = page(
      ['Id', 'Name', 'Product2.Family'],
      [
        ['006A', 'Acme, Inc.', 'Analytics'],
        ['006B', 'The "big" deal', null],
        ['006C', 'two\nlines', ''],
        ['006D', 'last', 'Training']
      ]
    );
    const { batches, count } = await batchesOf(text, 3);
    expect(count).toBe(4);
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batches.flat()).toEqual([
      { Id: '006A', Name: 'Acme, Inc.', 'Product2.Family': 'Analytics' },
      { Id: '006B', Name: 'The "big" deal', 'Product2.Family': '' },
      { Id: '006C', Name: 'two\nlines', 'Product2.Family': '' },
      { Id: '006D', Name: 'last', 'Product2.Family': 'Training' }
    ]);
  });

  it('waits for each batch to be taken before handing on the next', async () => {
    const text = page(['Id'], Array.from({ length: 25 }, (_, i) => [`r${i}`]));
    const events: string[] = [];
    await forEachCsvBatch(text, async (records) => {
      events.push(`start ${String(records[0]!.Id)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${String(records[0]!.Id)}`);
    }, ',', 10);
    expect(events).toEqual(['start r0', 'end r0', 'start r10', 'end r10', 'start r20', 'end r20']);
  });

  it('a page with a header only has no records', async () => {
    expect(await batchesOf(page(['Id', 'Name'], []), 10)).toEqual({ batches: [], count: 0 });
  });

  it('a failing batch fails the page', async () => {
    const text = page(['Id'], [['a'], ['b']]);
    await expect(forEachCsvBatch(text, () => Promise.reject(new Error('Redis is down')), ',', 1)).rejects.toThrow('Redis is down');
  });

  it('gives back exactly the rows written, across the parser’s chunk boundaries (property)', async () => {
    // Values long enough that a page spans many 64 KiB chunks, with the characters CSV must quote.
    const value = fc.oneof(fc.constant(null), fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', 'é', ' '), maxLength: 40 }), fc.string({ minLength: 2000, maxLength: 9000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom('\n', '\r\n'), async (rows, batch, newline) => {
        const { batches, count } = await batchesOf(page(['A', 'B'], rows, newline), batch);
        expect(count).toBe(rows.length);
        expect(batches.every((b) => b.length <= batch)).toBe(true);
        expect(batches.flat()).toEqual(rows.map(([a, b]) => ({ A: a ?? '', B: b ?? '' })));
      }),
      { numRuns: 60 }
    );
  });
});
