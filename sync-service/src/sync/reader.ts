// The reader: Salesforce queries in, engine inputs out. The org context, every input of a full
// run (opportunities streamed page by page), one account's inputs, and the changes since the
// watermarks. A record becomes an input in one place only (`toInputs`).
import type { Logger } from '../logger';
import type { OpportunityInput } from '../metrics';
import { isSubrequestError, type CompositeQuery, type OrgClient, type QueryPage, type SfRecord, type SubrequestError } from '../salesforce/client';
import { dateTimeLiteral, selectFrom, toId18 } from '../salesforce/soql';
import { CONTEXT_QUERIES, TO_INPUT, emptyInputs, inputSources, toOrgContext, type InputKind, type InputOf, type Inputs, type OrgContext } from './inputs';
import type { Watermarks } from './state';

export function pageOrThrow(answer: QueryPage | SubrequestError, what: string): QueryPage {
  if (isSubrequestError(answer)) throw new Error(`${what}: ${answer.errorCode}: ${answer.message}`);
  return answer;
}

function maxStamp(current: string | undefined, record: SfRecord): string | undefined {
  const stamp = record.SystemModstamp;
  if (typeof stamp !== 'string' || stamp === '') return current;
  const iso = new Date(stamp).toISOString();
  return current === undefined || iso > current ? iso : current;
}

/** One record seen by a change query: its input, or only its id when it was deleted. */
export interface ChangedRecord {
  id: string;
  deleted: boolean;
  input: InputOf<InputKind> | null;
}

export type ChangedRecords = Record<InputKind, ChangedRecord[]>;

export interface ReaderSettings {
  bulkThreshold: number;
  lookbackSeconds: number;
}

export class InputReader {
  constructor(
    private readonly client: OrgClient,
    private readonly settings: ReaderSettings,
    private readonly logger: Logger
  ) {}

  /** Maps records of one kind to inputs, handing each to `into` and raising `marks[kind]`. */
  toInputs<K extends InputKind>(kind: K, records: SfRecord[], marks: Watermarks, into: (input: InputOf<K>) => void): void {
    for (const record of records) {
      into(TO_INPUT[kind](record) as InputOf<K>);
      marks[kind] = maxStamp(marks[kind], record);
    }
  }

  /** The org context (one composite call) and the first pages of up to one more query. */
  async context<K extends string>(extra: Record<K, CompositeQuery>): Promise<{ context: OrgContext; pages: Record<K, QueryPage> }> {
    const answers = await this.client.compositeQueries<string>({
      organization: { soql: CONTEXT_QUERIES.organization },
      currencies: { soql: CONTEXT_QUERIES.currencies },
      datedRates: { soql: CONTEXT_QUERIES.datedRates },
      weights: { soql: CONTEXT_QUERIES.weights },
      ...extra
    });
    const optional = (answer: QueryPage | SubrequestError): SfRecord[] | null => {
      if (!isSubrequestError(answer)) return answer.records;
      if (answer.errorCode === 'INVALID_TYPE') return null;
      throw new Error(`${answer.errorCode}: ${answer.message}`);
    };
    const context = toOrgContext(
      pageOrThrow(answers.organization!, 'Organization').records,
      optional(answers.currencies!),
      optional(answers.datedRates!),
      pageOrThrow(answers.weights!, 'Strategic_Score_Weight__mdt').records
    );
    const pages = {} as Record<K, QueryPage>;
    for (const ref of Object.keys(extra) as K[]) pages[ref] = pageOrThrow(answers[ref]!, ref);
    return { context, pages };
  }

  /**
   * Reads accounts (from `accountPage` on), plans, initiatives and sponsors into `inputs`; returns
   * how many opportunities the same filter finds (it decides REST or Bulk for them).
   */
  async readSmallObjects(context: OrgContext, accountPage: QueryPage, inputs: Inputs, marks: Watermarks, where?: (kind: InputKind) => string): Promise<number> {
    const sources = inputSources(context.multiCurrency);
    const collect = (kind: InputKind) => (records: SfRecord[]) =>
      this.toInputs(kind, records, marks, (input) => (inputs[kind] as Map<string, InputOf<InputKind>>).set(input.id, input));
    await this.client.drain(accountPage, collect('account'));
    const soql = (kind: InputKind) => selectFrom(sources[kind].object, sources[kind].fields, where?.(kind));
    const answers = await this.client.compositeQueries({
      plan: { soql: soql('plan') },
      initiative: { soql: soql('initiative') },
      sponsor: { soql: soql('sponsor') },
      count: { soql: selectFrom('Opportunity', ['COUNT()'], where?.('opportunity')) }
    });
    for (const kind of ['plan', 'initiative', 'sponsor'] as const) await this.client.drain(pageOrThrow(answers[kind], sources[kind].object), collect(kind));
    return pageOrThrow(answers.count, 'Opportunity count').totalSize;
  }

  /** Streams opportunities (REST pages, or Bulk 2.0 above the threshold) to `onPage`; returns how many were read. */
  async streamOpportunities(context: OrgContext, expected: number, marks: Watermarks, onPage: (page: OpportunityInput[]) => void | Promise<void>, where?: string): Promise<number> {
    const source = inputSources(context.multiCurrency).opportunity;
    const soql = selectFrom(source.object, source.fields, where);
    const sink = async (records: SfRecord[]) => {
      const page: OpportunityInput[] = [];
      this.toInputs('opportunity', records, marks, (input) => page.push(input));
      await onPage(page);
    };
    if (expected > this.settings.bulkThreshold) {
      this.logger.info({ expected }, 'reading opportunities with Bulk API 2.0');
      return this.client.bulkQuery(soql, sink);
    }
    return this.client.query(soql, sink);
  }

  /** Every input, opportunities included, held in memory (runs that need the whole org at once). */
  async readEverything(context: OrgContext, accountPage: QueryPage, where?: (kind: InputKind) => string): Promise<{ inputs: Inputs; marks: Watermarks }> {
    const inputs = emptyInputs();
    const marks: Watermarks = {};
    const expected = await this.readSmallObjects(context, accountPage, inputs, marks, where);
    const read = await this.streamOpportunities(context, expected, marks, (page) => {
      for (const opportunity of page) inputs.opportunity.set(opportunity.id, opportunity);
    }, where?.('opportunity'));
    if (read !== inputs.opportunity.size) throw new Error(`read ${read} opportunity records but ${inputs.opportunity.size} distinct ids`);
    return { inputs, marks };
  }

  /**
   * A queryAll of one kind's records stamped since its watermark (less the lookback), deleted ones
   * included. Every object is read from the newest watermark of any object, less the lookback.
   */
  changeQuery(kind: InputKind, multiCurrency: boolean, watermarks: Watermarks): CompositeQuery {
    const source = inputSources(multiCurrency)[kind];
    const newest = Math.max(...Object.values(watermarks).filter((mark): mark is string => typeof mark === 'string').map((mark) => new Date(mark).getTime()));
    const since = watermarks[kind] ? dateTimeLiteral(new Date(newest - this.settings.lookbackSeconds * 1000)) : null;
    return { soql: selectFrom(source.object, [...source.fields, 'IsDeleted'], since ? `SystemModstamp >= ${since}` : undefined), includeDeleted: true };
  }

  /** The records of every kind changed since `watermarks`, given the first page of each kind. */
  async readChanges(firstPages: Record<InputKind, QueryPage>, marks: Watermarks): Promise<ChangedRecords> {
    const changes = {} as ChangedRecords;
    for (const kind of Object.keys(firstPages) as InputKind[]) {
      const seen: ChangedRecord[] = [];
      await this.client.drain(firstPages[kind], (records) => {
        for (const record of records) {
          const deleted = record.IsDeleted === true || record.IsDeleted === 'true';
          const id = toId18(String(record.Id));
          if (deleted) seen.push({ id, deleted, input: null });
          else this.toInputs(kind, [record], {}, (input) => seen.push({ id, deleted, input }));
          marks[kind] = maxStamp(marks[kind], record);
        }
      });
      changes[kind] = seen;
    }
    return changes;
  }
}
