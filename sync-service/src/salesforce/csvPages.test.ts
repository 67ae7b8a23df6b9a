import fc from 'fast-check';
import { forEachCsvBatch } from './csvPages';

/** A results page as Salesforce writes it: a header row, every value quoted, null as an empty field. */
function page(columns: string[], rows: Array<Array<string | null>>, newline = '\n'): string {
  const quote = (value: string | null) => (value === null ? '' : `"${value.replace(/"/g, '""')}"`);
  return [columns.map(quote).join(','), ...rows.map((row) => row.map(quote).join(','))].join(newline) + newline;
}

/** A page as a response body streams it: bytes in chunks of `size`, cut anywhere (inside a value, a quote, a character). */
async function* streamed(text: string, size = 1 << 16): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function batchesOf(text: string, batch: number, chunk?: number): Promise<{ batches: Array<Array<Record<string, unknown>>>; count: number }> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  const count = await forEachCsvBatch(streamed(text, chunk), (records) => void batches.push(records), { batch });
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
    await forEachCsvBatch(streamed(text), async (records) => {
      events.push(`start ${String(records[0]!.Id)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${String(records[0]!.Id)}`);
    }, { batch: 10 });
    expect(events).toEqual(['start r0', 'end r0', 'start r10', 'end r10', 'start r20', 'end r20']);
  });

  it('a page with a header only has no records', async () => {
    expect(await batchesOf(page(['Id', 'Name'], []), 10)).toEqual({ batches: [], count: 0 });
  });

  it('a failing batch fails the page', async () => {
    const text = page(['Id'], [['a'], ['b']]);
    await expect(forEachCsvBatch(streamed(text), () => Promise.reject(new Error('Redis is down')), { batch: 1 })).rejects.toThrow('Redis is down');
  });

  it('streams a page from chunks cut anywhere, and passes over the records an earlier attempt handed on', async () => {
    const text = page(['Id', 'Name'], Array.from({ length: 7 }, (_, i) => [`r${i}`, `a "quoted", name ${i}`]));
    const seen: string[] = [];
    const count = await forEachCsvBatch(streamed(text, 5), (records) => void seen.push(...records.map((r) => String(r.Id))), { batch: 2, skip: 3 });
    expect(count).toBe(4);
    expect(seen).toEqual(['r3', 'r4', 'r5', 'r6']);
  });

  it('a stream that breaks mid-page fails; a new attempt that passes over what was handed on completes the page exactly', async () => {
    const text = page(['Id'], Array.from({ length: 10 }, (_, i) => [`r${i}`]));
    async function* broken() {
      yield Buffer.from(text.slice(0, text.indexOf('r6')));
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('socket hang up');
    }
    const seen: string[] = [];
    const take = (records: Array<Record<string, unknown>>) => void seen.push(...records.map((r) => String(r.Id)));
    await expect(forEachCsvBatch(broken(), take, { batch: 2 })).rejects.toThrow('socket hang up');
    // Whole batches only, in order, and never past the break.
    expect(seen).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5'].slice(0, seen.length));
    expect(seen.length % 2).toBe(0);
    await forEachCsvBatch(streamed(text), take, { batch: 2, skip: seen.length });
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
  });

  it('gives back exactly the rows written, whatever the chunks the body arrives in (property)', async () => {
    // The characters CSV must quote, a two-byte one, and values longer than a chunk.
    const value = fc.oneof(fc.constant(null), fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', 'é', ' '), maxLength: 40 }), fc.string({ minLength: 2000, maxLength: 9000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 70_000 }), async (rows, batch, newline, chunk) => {
        const { batches, count } = await batchesOf(page(['A', 'B'], rows, newline), batch, chunk);
        expect(count).toBe(rows.length);
        expect(batches.every((b) => b.length <= batch)).toBe(true);
        expect(batches.flat()).toEqual(rows.map(([a, b]) => ({ A: a ?? '', B: b ?? '' })));
      }),
      { numRuns: 60 }
    );
  });
});
