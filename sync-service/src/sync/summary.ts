// What a run reports: counts, rows written and failed, API calls, data problems the engine met.
import type { MetricsResult } from '../metrics';
import type { RecordFailure } from '../salesforce/client';

export type SyncMode = 'full' | 'incremental' | 'account';

export interface SyncSummary {
  mode: SyncMode;
  requestedMode: SyncMode;
  status: 'done' | 'partial';
  asOf: string;
  accounts: number;
  opportunities: number;
  /** Input records found changed (incremental runs). */
  changedRecords: number;
  metricRowsWritten: number;
  metricRowsUnchanged: number;
  /** Rows deleted because the run no longer produces them (quarters that left the window). */
  metricRowsDeleted: number;
  /** Executive_Sponsor__c records whose engagement fields were updated from activities. */
  sponsorRowsWritten: number;
  /** Stakeholder__c records whose change-alert fields were written (alerts raised or withdrawn). */
  stakeholderAlertsWritten: number;
  /** OpportunityLineItem records read: all in a full run; in an incremental run those getUpdated names (the lookback included). */
  lineItems: number;
  /** Whitespace_Cell__c rows written (not counted in metricRowsWritten) and deleted (cells that no longer apply). */
  whitespaceCellsWritten: number;
  whitespaceCellsDeleted: number;
  failures: RecordFailure[];
  apiCalls: number;
  durationMs: number;
  watermarkAdvanced: boolean;
  /** Data problems the engine met, by kind: how many and up to 10 opportunity ids (or criteria). */
  dataQuality: Record<string, { count: number; sampleIds: string[] }>;
}

export function dataQualityOf(result: MetricsResult | null): SyncSummary['dataQuality'] {
  const dataQuality: SyncSummary['dataQuality'] = {};
  if (!result) return dataQuality;
  for (const [kind, count] of Object.entries(result.dataQuality.counts)) {
    if (count > 0) dataQuality[kind] = { count, sampleIds: result.dataQuality.samples[kind as keyof typeof result.dataQuality.samples] };
  }
  return dataQuality;
}
