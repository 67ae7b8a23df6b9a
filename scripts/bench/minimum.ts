// The fewest API calls the work of a sync run can cost, counted the way issue #8 defines it:
//
// - Query reads: one call per page of at most 2,000 records. The first pages of up to five queries
//   share one `/composite` call (Salesforce counts the whole composite request as one call), so
//   every query's first page together costs ⌈queries / 5⌉ and each further page one call. The
//   queries a run needs: the five org-context queries (Organization, CurrencyType,
//   DatedConversionRate, Strategic_Score_Weight__mdt, Plan_Health_Weight__mdt — needed by every
//   run, since a changed rate or weight changes every row), one per small input object (Account,
//   Account_Plan__c, Joint_Initiative__c, Executive_Sponsor__c, and since the plan-health and
//   relationship issues Contact, Event, Task, Plan_Objective__c, Stakeholder__c) and the
//   opportunities; in an incremental run each input query asks only for what changed.
// - The sponsorships' engagement fields the run updates: ⌈rows / 200⌉ collection calls.
// - Or, when the opportunities go through Bulk API 2.0 (the service's choice above its threshold,
//   50,000 by default, in full runs): create the job, check it once, and fetch
//   ⌈records / 400,000⌉ results pages (the maxRecords the service asks for, BULK_RESULTS_PAGE in
//   sync-service/src/salesforce/client.ts); the opportunity query then leaves the composite calls. As the issue puts it,
//   "⌈records / 2,000⌉ REST pages or the Bulk 2.0 calls": the minimum of the path taken.
// - Writes, per object: sObject Collections upsert takes 200 records of one object a call, so
//   ⌈rows written / 200⌉; above the service's BULK_WRITE_THRESHOLD (2,000 by default) the object's
//   rows go through one Bulk API 2.0 ingest job instead, whose fewest calls are 5: create the job,
//   upload the CSV, close it (UploadComplete), one status check, and the successfulResults (the
//   rows it confirms; failedResults and unprocessedrecords are fetched only when the job reports
//   failed or unprocessed rows).
// - Whitespace (issue #17): the line items are read by a query of their own (⌈records / 2,000⌉
//   pages, or the Bulk 2.0 calls above the threshold) in a full run; in an incremental run
//   getUpdated says whether any changed inside a composite call the run makes anyway, and their
//   change query then reads them (⌈records / 2,000⌉; none when none changed). Cells are written
//   like any object's rows (⌈cells / 200⌉ or one ingest job).
import { BULK_RESULTS_PAGE } from '../../sync-service/src/salesforce/client';

export const QUERY_PAGE = 2000;
export const BULK_WRITE_THRESHOLD = 2000;
export const BULK_INGEST_CALLS = 5;
export const COLLECTION_LIMIT = 200;
export const QUERIES_PER_COMPOSITE = 5;
export { BULK_RESULTS_PAGE };

export type ReadPath = 'REST' | 'Bulk 2.0';

export interface SyncWork {
  readPath: ReadPath;
  /** Records returned by each query other than the opportunities' (context and small objects). */
  otherQueries: number[];
  /** Opportunity records the run must read (all of them, or the changed ones). */
  opportunities: number;
  accountRowsWritten: number;
  programRowsWritten: number;
  /** Line items the run must read (all of them in a full run, the changed ones otherwise). */
  lineItems: number;
  /** Whether the line items come through their own query (a full run) or their change query (incremental). */
  lineItemPath: ReadPath | 'change query';
  cellRowsWritten: number;
  /** Executive_Sponsor__c rows whose engagement fields the run updated (200 a collection call). */
  sponsorRowsWritten: number;
}

export interface Minimum {
  reads: number;
  readPath: ReadPath;
  writes: number;
  /** Of the reads and writes: the line items' read and the cells' writes. */
  lineItemReads: number;
  cellWrites: number;
  total: number;
}

function pagesAfterFirst(records: number): number {
  return Math.max(0, Math.ceil(records / QUERY_PAGE) - 1);
}

/** The fewest calls writing `rows` rows of one object costs on the path the service takes. */
export function writeCalls(rows: number): number {
  return rows > BULK_WRITE_THRESHOLD ? BULK_INGEST_CALLS : Math.ceil(rows / COLLECTION_LIMIT);
}

export function minimumCalls(work: SyncWork): Minimum {
  const otherPages = work.otherQueries.reduce((sum, records) => sum + pagesAfterFirst(records), 0);
  const rest = Math.ceil((work.otherQueries.length + 1) / QUERIES_PER_COMPOSITE) + otherPages + pagesAfterFirst(work.opportunities);
  const bulk =
    Math.ceil(work.otherQueries.length / QUERIES_PER_COMPOSITE) + otherPages + 2 + Math.max(1, Math.ceil(work.opportunities / BULK_RESULTS_PAGE));
  const lineItemReads =
    work.lineItemPath === 'change query'
      ? Math.ceil(work.lineItems / QUERY_PAGE)
      : work.lineItemPath === 'REST'
        ? Math.max(1, Math.ceil(work.lineItems / QUERY_PAGE))
        : 2 + Math.max(1, Math.ceil(work.lineItems / BULK_RESULTS_PAGE));
  const cellWrites = writeCalls(work.cellRowsWritten);
  const writes = writeCalls(work.accountRowsWritten) + writeCalls(work.programRowsWritten) + cellWrites + Math.ceil(work.sponsorRowsWritten / COLLECTION_LIMIT);
  const reads = (work.readPath === 'REST' ? rest : bulk) + lineItemReads;
  return { reads, readPath: work.readPath, writes, lineItemReads, cellWrites, total: reads + writes };
}
