// The reader: Salesforce queries in, engine inputs out. The org context, every input of a full
// run (opportunities streamed page by page), one account's inputs, and the changes since the
// watermarks. A record becomes an input in one place only (`toInputs`).
import type { Logger } from '../logger';
import type { HealthWeight } from '../metrics/planHealth';
import type { OpportunityInput } from '../metrics';
import { isSubrequestError, type CompositeQuery, type DeletedAnswer, type DeletedLookup, type OrgClient, type QueryPage, type SfRecord, type SubrequestError, type UpdatedAnswer } from '../salesforce/client';
import { dateTimeLiteral, idLiteral, selectFrom, toId18 } from '../salesforce/soql';
import { ACTIVITY_KINDS, CONTEXT_QUERIES, TO_INPUT, emptyInputs, toHealthWeights, inputSources, sourceQuery, toOrgContext, type ContactRecord, type InputKind, type InputOf, type Inputs, type MirroredLineItem, type OrgContext } from './inputs';
import { accountRowKey, cellRowKey, programRowKey, rowHash } from './rowHash';
import type { Watermarks } from './state';

export function pageOrThrow(answer: QueryPage | SubrequestError, what: string): QueryPage {
  if (isSubrequestError(answer)) throw new Error(`${what}: ${answer.errorCode}: ${answer.message}`);
  return answer;
}

/**
 * Sets the watermark of `kinds` to the server's clock of the answer just received (its `Date`
 * header): every record committed before the query started is in that answer or an earlier one.
 * Without a Date header the watermarks stay where they were (the next run reads more, never less).
 */
export function markNow(client: OrgClient, marks: Watermarks, kinds: readonly InputKind[]): void {
  if (client.serverTime === null) return;
  const now = new Date(client.serverTime).toISOString();
  for (const kind of kinds) marks[kind] = now;
}

/** One record seen by a change query: its input, or only its id when it was deleted. */
export interface ChangedRecord {
  id: string;
  deleted: boolean;
  input: InputOf<InputKind> | null;
}

export type ChangedRecords = Record<InputKind, ChangedRecord[]>;

/** Ids of records deleted since the watermarks, by kind, from the delete log (purged ones included). */
export type DeletedIds = Partial<Record<InputKind, string[]>>;

/** The delete log cannot cover the span since a watermark (older than Salesforce keeps, or trimmed): only a full run is exact. */
export class DeleteLogGapError extends Error {
  constructor(detail: string) {
    super(`the delete log does not cover the span since the watermark (${detail}); a full run re-reads everything`);
    this.name = 'DeleteLogGapError';
  }
}

/** getDeleted wants its start more than a minute before its end. */
const DELETED_MIN_SPAN_MS = 2 * 60 * 1000;

export interface ReaderSettings {
  bulkThreshold: number;
  lookbackSeconds: number;
}

export class InputReader {
  /** Plan_Health_Weight__mdt as the last read of the small objects found them. */
  healthWeights: HealthWeight[] = [];

  constructor(
    private readonly client: OrgClient,
    private readonly settings: ReaderSettings,
    private readonly logger: Logger
  ) {}

  /** Maps records of one kind to inputs, handing each to `into`. */
  toInputs<K extends InputKind>(kind: K, records: SfRecord[], into: (input: InputOf<K>) => void): void {
    for (const record of records) into(TO_INPUT[kind](record) as InputOf<K>);
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
    // Every page: an org with daily dated rates has thousands of them.
    const optional = async (answer: QueryPage | SubrequestError): Promise<SfRecord[] | null> => {
      if (isSubrequestError(answer)) {
        if (answer.errorCode === 'INVALID_TYPE') return null;
        throw new Error(`${answer.errorCode}: ${answer.message}`);
      }
      const records: SfRecord[] = [];
      await this.client.drain(answer, (page) => void records.push(...page));
      return records;
    };
    const context = toOrgContext(
      pageOrThrow(answers.organization!, 'Organization').records,
      await optional(answers.currencies!),
      await optional(answers.datedRates!),
      pageOrThrow(answers.weights!, 'Strategic_Score_Weight__mdt').records
    );
    const pages = {} as Record<K, QueryPage>;
    for (const ref of Object.keys(extra) as K[]) pages[ref] = pageOrThrow(answers[ref]!, ref);
    return { context, pages };
  }

  /**
   * Reads accounts (from `accountPage` on), plans, initiatives, sponsors, activities, objectives,
   * stakeholders and (without `where`) the stakeholders' contacts into `inputs`; returns how many
   * opportunities the same filter finds (it decides REST or Bulk for them). The watermarks of plans,
   * initiatives, sponsors, contacts, opportunities and line items are taken from the answer of the
   * plan query (the opportunity and line-item queries start after it); the account's from its own
   * first page. Single-account
   * reads (`where`) leave contacts alone: only incremental and full runs compare them (change alerts).
   */
  async readSmallObjects(context: OrgContext, accountPage: QueryPage, inputs: Inputs, marks: Watermarks, where?: (kind: InputKind) => string): Promise<number> {
    const sources = inputSources(context.multiCurrency);
    const collect = (kind: InputKind) => (records: SfRecord[]) =>
      this.toInputs(kind, records, (input) => (inputs[kind] as Map<string, InputOf<InputKind>>).set(input.id, input));
    await this.client.drain(accountPage, collect('account'));
    const soql = (kind: InputKind) => sourceQuery(sources[kind], [], where?.(kind));
    const answers = await this.client.compositeQueries<string>({
      plan: { soql: soql('plan') },
      initiative: { soql: soql('initiative') },
      sponsor: { soql: soql('sponsor') },
      count: { soql: selectFrom('Opportunity', ['COUNT()'], where?.('opportunity')) },
      ...(where ? {} : { contact: { soql: soql('contact') } })
    });
    const kinds = where ? (['plan', 'initiative', 'sponsor'] as const) : (['plan', 'initiative', 'sponsor', 'contact'] as const);
    markNow(this.client, marks, [...kinds, 'opportunity', 'lineItem']);
    for (const kind of kinds) await this.client.drain(pageOrThrow(answers[kind]!, sources[kind].object), collect(kind));
    // A composite call takes five queries: activities, objectives and stakeholders have one of
    // their own, with the plan-health weights.
    const details = await this.client.compositeQueries({
      event: { soql: soql('event') },
      task: { soql: soql('task') },
      objective: { soql: soql('objective') },
      stakeholder: { soql: soql('stakeholder') },
      healthWeights: { soql: CONTEXT_QUERIES.healthWeights }
    });
    markNow(this.client, marks, ACTIVITY_KINDS);
    for (const kind of ACTIVITY_KINDS) await this.client.drain(pageOrThrow(details[kind], sources[kind].object), collect(kind));
    this.healthWeights = toHealthWeights(pageOrThrow(details.healthWeights, 'Plan_Health_Weight__mdt').records);
    return pageOrThrow(answers.count!, 'Opportunity count').totalSize;
  }

  /** The contacts of `ids` (a stakeholder's contact the mirror has not seen yet), 200 ids a query. */
  async contactsById(ids: readonly string[]): Promise<ContactRecord[]> {
    const source = inputSources(false).contact;
    const contacts: ContactRecord[] = [];
    for (let start = 0; start < ids.length; start += 200) {
      const list = ids.slice(start, start + 200).map(idLiteral).join(', ');
      await this.client.query(selectFrom(source.object, source.fields, `Id IN (${list})`), (records) => this.toInputs('contact', records, (c) => void contacts.push(c)));
    }
    return contacts;
  }

  /**
   * The content hash of every metric row and whitespace cell Salesforce holds, by row key (A:/P:/W:), over `fields` (the
   * fields the sync writes): what `rowHashes` would be if every write had landed and nobody had
   * touched a row since. Reads only. `ids` receives each row's record Id by row key (the rows a
   * full run no longer produces are deleted by it).
   */
  async metricRowHashes(accountFields: string[], programFields: string[], ids?: Map<string, string>, cellFields: string[] = []): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    const read = async (object: string, fields: string[], rowKey: (row: SfRecord) => string) => {
      if (fields.length === 0) return;
      await this.client.query(selectFrom(object, fields.includes('Id') ? fields : ['Id', ...fields]), (records) => {
        for (const record of records) {
          const key = rowKey(record);
          hashes.set(key, rowHash(Object.fromEntries(fields.map((f) => [f, record[f] ?? null]))));
          ids?.set(key, String(record.Id));
        }
      });
    };
    await read('Account_Metric__c', accountFields, (row) => accountRowKey({ Snapshot_Key__c: String(row.Snapshot_Key__c) }));
    await read('Program_Metric__c', programFields, (row) => programRowKey({ Period_Key__c: String(row.Period_Key__c) }));
    await read('Whitespace_Cell__c', cellFields, (row) => cellRowKey({ Cell_Key__c: String(row.Cell_Key__c) }));
    return hashes;
  }

  /** Streams opportunities (REST pages, or Bulk 2.0 above the threshold) to `onPage`; returns how many were read. */
  async streamOpportunities(context: OrgContext, expected: number, onPage: (page: OpportunityInput[]) => void | Promise<void>, where?: string): Promise<number> {
    const source = inputSources(context.multiCurrency).opportunity;
    const soql = selectFrom(source.object, source.fields, where);
    const sink = async (records: SfRecord[]) => {
      const page: OpportunityInput[] = [];
      this.toInputs('opportunity', records, (input) => page.push(input));
      await onPage(page);
    };
    if (expected > this.settings.bulkThreshold) {
      this.logger.info({ expected }, 'reading opportunities with Bulk API 2.0');
      return this.client.bulkQuery(soql, sink);
    }
    return this.client.query(soql, sink);
  }

  /**
   * Streams line items to `onPage`; returns how many were read. The first REST page says how many
   * there are (no count query of their own): above the threshold the rest come through Bulk 2.0,
   * as opportunities do, and that first page is left unread.
   */
  async streamLineItems(context: OrgContext, onPage: (page: MirroredLineItem[]) => void | Promise<void>, where?: string): Promise<number> {
    const source = inputSources(context.multiCurrency).lineItem;
    const soql = selectFrom(source.object, source.fields, where);
    const sink = async (records: SfRecord[]) => {
      const page: MirroredLineItem[] = [];
      this.toInputs('lineItem', records, (input) => page.push(input));
      await onPage(page);
    };
    const first = await this.client.firstPage(soql);
    if (!first.done && first.totalSize > this.settings.bulkThreshold) {
      this.logger.info({ expected: first.totalSize }, 'reading line items with Bulk API 2.0');
      return this.client.bulkQuery(soql, sink);
    }
    return this.client.drain(first, sink);
  }

  /** Every input, opportunities and line items included, held in memory (runs that need the whole org at once). */
  async readEverything(context: OrgContext, accountPage: QueryPage, where?: (kind: InputKind) => string): Promise<{ inputs: Inputs; marks: Watermarks }> {
    // Watermarks of reads that are not committed (single-account runs) are not kept.
    const inputs = emptyInputs();
    const marks: Watermarks = {};
    const expected = await this.readSmallObjects(context, accountPage, inputs, marks, where);
    const read = await this.streamOpportunities(context, expected, (page) => {
      for (const opportunity of page) inputs.opportunity.set(opportunity.id, opportunity);
    }, where?.('opportunity'));
    if (read !== inputs.opportunity.size) throw new Error(`read ${read} opportunity records but ${inputs.opportunity.size} distinct ids`);
    const lines = await this.streamLineItems(context, (page) => {
      for (const line of page) inputs.lineItem.set(line.id, line);
    }, where?.('lineItem'));
    if (lines !== inputs.lineItem.size) throw new Error(`read ${lines} line item records but ${inputs.lineItem.size} distinct ids`);
    return { inputs, marks };
  }

  /**
   * A queryAll of one kind's records stamped since its own watermark less the lookback (a long
   * transaction commits records stamped before it ends), deleted ones included. What the lookback
   * reads again is compared by content with the mirror, so it is no change.
   */
  changeQuery(kind: InputKind, multiCurrency: boolean, watermarks: Watermarks): CompositeQuery {
    const source = inputSources(multiCurrency)[kind];
    const mark = watermarks[kind];
    const since = mark ? dateTimeLiteral(new Date(new Date(mark).getTime() - this.settings.lookbackSeconds * 1000)) : null;
    return { soql: sourceQuery(source, ['IsDeleted'], since ? `SystemModstamp >= ${since}` : undefined), includeDeleted: true };
  }

  /**
   * getDeleted lookups of every kind with a watermark, from the watermark less the lookback to
   * `endMs` (the server's clock): the change queries see records in the recycle bin, but a record
   * hard-deleted or emptied from it is only in the delete log.
   */
  deletedLookups(watermarks: Watermarks, endMs: number): Record<string, DeletedLookup> {
    const lookups: Record<string, DeletedLookup> = {};
    const sources = inputSources(false);
    for (const kind of Object.keys(sources) as InputKind[]) {
      const mark = watermarks[kind];
      if (!mark) continue;
      const start = Math.min(new Date(mark).getTime() - this.settings.lookbackSeconds * 1000, endMs - DELETED_MIN_SPAN_MS);
      lookups[`deleted_${kind}`] = { object: sources[kind].object, start: new Date(start).toISOString(), end: new Date(endMs).toISOString() };
    }
    return lookups;
  }

  /**
   * getUpdated lookups of the kinds whose change query has no room in the composite calls (line
   * items: the three calls carry five queries each), from the watermark less the lookback to
   * `endMs`. Their change query then runs only when there are any.
   */
  updatedLookups(watermarks: Watermarks, endMs: number): Record<string, DeletedLookup> {
    const mark = watermarks.lineItem;
    if (!mark) return {};
    const start = Math.min(new Date(mark).getTime() - this.settings.lookbackSeconds * 1000, endMs - DELETED_MIN_SPAN_MS);
    return { updated_lineItem: { object: inputSources(false).lineItem.object, start: new Date(start).toISOString(), end: new Date(endMs).toISOString() } };
  }

  /** The ids the getUpdated lookups found, by kind; throws DeleteLogGapError when one failed (a span older than Salesforce answers for). */
  updatedIds(lookups: Record<string, DeletedLookup>, answers: Record<string, UpdatedAnswer | SubrequestError>): DeletedIds {
    const ids: DeletedIds = {};
    for (const [ref, lookup] of Object.entries(lookups)) {
      const answer = answers[ref];
      if (!answer) throw new Error(`no answer to ${ref}`);
      if (isSubrequestError(answer)) throw new DeleteLogGapError(`${lookup.object} updates: ${answer.errorCode}: ${answer.message}`);
      ids[ref.slice('updated_'.length) as InputKind] = answer.ids.map(toId18);
    }
    return ids;
  }

  /** The ids the lookups found, by kind; throws DeleteLogGapError when one cannot vouch for its span. */
  deletedIds(lookups: Record<string, DeletedLookup>, answers: Record<string, DeletedAnswer | SubrequestError>): DeletedIds {
    const ids: DeletedIds = {};
    for (const [ref, lookup] of Object.entries(lookups)) {
      const answer = answers[ref];
      if (!answer) throw new Error(`no answer to ${ref}`);
      if (isSubrequestError(answer)) throw new DeleteLogGapError(`${lookup.object}: ${answer.errorCode}: ${answer.message}`);
      if (answer.earliestDateAvailable && Date.parse(answer.earliestDateAvailable) > Date.parse(lookup.start)) {
        throw new DeleteLogGapError(`${lookup.object}: earliest ${answer.earliestDateAvailable}, needed from ${lookup.start}`);
      }
      ids[ref.slice('deleted_'.length) as InputKind] = answer.ids.map(toId18);
    }
    return ids;
  }

  /**
   * The records of every kind changed since the watermarks, given the first page of each kind,
   * plus the `deleted` ids the change queries did not see (purged; a record undeleted since shows
   * up in its change query as live, and that wins).
   */
  async readChanges(firstPages: Record<InputKind, QueryPage>, deleted: DeletedIds = {}): Promise<ChangedRecords> {
    const changes = {} as ChangedRecords;
    for (const kind of Object.keys(firstPages) as InputKind[]) {
      const seen: ChangedRecord[] = [];
      await this.client.drain(firstPages[kind], (records) => {
        for (const record of records) {
          const deleted = record.IsDeleted === true || record.IsDeleted === 'true';
          const id = toId18(String(record.Id));
          if (deleted) seen.push({ id, deleted, input: null });
          else this.toInputs(kind, [record], (input) => seen.push({ id, deleted, input }));
        }
      });
      const ids = new Set(seen.map((r) => r.id));
      for (const id of deleted[kind] ?? []) {
        if (!ids.has(id)) seen.push({ id, deleted: true, input: null });
        ids.add(id);
      }
      changes[kind] = seen;
    }
    return changes;
  }
}
