// Shared pieces of the sync integration tests: an emulated org, the service's dependencies pointed
// at it and at the test Redis under a unique prefix, and the expected metrics computed by the
// engine from the org's store directly (not through the service's readers).
import crypto from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import { runQuery, startOrg, type OrgHandle, type OrgOptions } from '../emulator';
import { createMetricsRun, type CurrencyRates, type MetricsResult, type OpportunityInput } from '../../sync-service/src/metrics';
import { OrgClient } from '../../sync-service/src/salesforce/client';
import type { SalesforceAuth } from '../../sync-service/src/salesforce/connection';
import type { RetryPolicy } from '../../sync-service/src/salesforce/retry';
import type { BulkPollPolicy } from '../../sync-service/src/salesforce/bulkJobs';
import type { SyncDeps, SyncSettings } from '../../sync-service/src/sync/run';
import { SyncState } from '../../sync-service/src/sync/state';
import { computeMetrics } from '../../sync-service/src/sync/planner';
import { InputReader } from '../../sync-service/src/sync/reader';
import { inputSources } from '../../sync-service/src/sync/inputs';
import { selectFrom } from '../../sync-service/src/salesforce/soql';

export const TODAY = '2026-06-15';

export type Row = Record<string, unknown>;

export function startDemoOrg(options: OrgOptions = {}): Promise<OrgHandle> {
  return startOrg({ data: 'demo', seed: 7, today: TODAY, ...options });
}

export function uniquePrefix(name: string): string {
  return `t-${name}-${crypto.randomBytes(4).toString('hex')}`;
}

export function testRedis(): Redis {
  const url = process.env.TANDEM_TEST_REDIS_URL;
  if (!url) throw new Error('TANDEM_TEST_REDIS_URL is not set (the node project global setup starts redis)');
  return new Redis(url, { maxRetriesPerRequest: 3 });
}

export const silentLogger = pino({ level: 'silent' });

export function passwordAuth(org: OrgHandle): SalesforceAuth {
  return {
    loginUrl: org.loginUrl,
    mode: 'password',
    apiVersion: '64.0',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    username: org.username,
    password: org.password
  };
}

export const TEST_SETTINGS: SyncSettings = { bulkThreshold: 50_000, bulkWriteThreshold: 2_000, lookbackSeconds: 60, lockTtlMs: 10_000 };

export interface TestDeps extends SyncDeps {
  redis: Redis;
  close(): Promise<void>;
}

export async function syncDeps(
  org: OrgHandle,
  prefix: string,
  options: { settings?: Partial<SyncSettings>; reservePercent?: number; auth?: Partial<SalesforceAuth>; retry?: Partial<RetryPolicy>; bulkPoll?: BulkPollPolicy; bulkResultsPage?: number } = {}
): Promise<TestDeps> {
  const redis = testRedis();
  const client = await OrgClient.connect({
    auth: { ...passwordAuth(org), ...options.auth },
    reservePercent: options.reservePercent ?? 0,
    retry: { attempts: 6, baseMs: 20, ...options.retry },
    bulkPoll: options.bulkPoll ?? { firstMs: 50, maxMs: 500, timeoutMs: 60_000 },
    ...(options.bulkResultsPage ? { bulkResultsPage: options.bulkResultsPage } : {}),
    logger: silentLogger
  });
  return {
    client,
    state: new SyncState(redis, prefix).forOrg(client.organizationId),
    logger: silentLogger,
    settings: { ...TEST_SETTINGS, ...options.settings },
    redis,
    async close() {
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  };
}

/** Records of a SOQL query answered by the emulator's own engine, as REST JSON. */
export function storeRows(org: OrgHandle, soql: string): Row[] {
  const result = runQuery(org.store, soql, { includeDeleted: false });
  if (result.kind !== 'records') throw new Error(`expected records from ${soql}`);
  return Array.from(result.rows, (row) => JSON.parse(result.projection.json(row, '/services/data/v64.0')) as Row);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** What the engine computes from the org's data, built straight from the store. */
export function expectedMetrics(org: OrgHandle, asOf = TODAY): MetricsResult {
  const [organization] = storeRows(org, 'SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName, DefaultCurrencyIsoCode FROM Organization');
  const currencies = storeRows(org, 'SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType');
  // Plan targets and initiative values in their own currency, converted with the CurrencyType rate.
  const corporate = (amount: number | null, isoCode: unknown): number | null => {
    const rate = currencies.find((c) => c.IsoCode === isoCode && c.IsCorporate !== true)?.ConversionRate;
    return amount === null || rate === undefined ? amount : Math.round((amount / Number(rate)) * 100) / 100;
  };
  const run = createMetricsRun({
    asOf,
    org: {
      fiscalYearStartMonth: Number(organization!.FiscalYearStartMonth),
      usesStartDateAsFiscalYearName: organization!.UsesStartDateAsFiscalYearName === true,
      corporateCurrency: String(currencies.find((c) => c.IsCorporate === true)?.IsoCode ?? organization!.DefaultCurrencyIsoCode)
    },
    rates: storeRates(org),
    accounts: storeRows(org, 'SELECT Id, Strategic_Account__c, ParentId FROM Account').map((a) => ({ id: String(a.Id), isStrategic: a.Strategic_Account__c === true, parentId: (a.ParentId as string | null) ?? null })),
    plans: storeRows(org, 'SELECT Id, Account__c, Status__c, Start_Date__c, Revenue_Target__c, Influence_Rating__c, Co_Innovation_Rating__c, Collaboration_Rating__c, Risk_Rating__c, CurrencyIsoCode FROM Account_Plan__c').map((p) => ({
      id: String(p.Id),
      accountId: String(p.Account__c),
      status: (p.Status__c as string | null) ?? null,
      startDate: (p.Start_Date__c as string | null) ?? null,
      revenueTarget: corporate(num(p.Revenue_Target__c), p.CurrencyIsoCode),
      influenceRating: num(p.Influence_Rating__c),
      coInnovationRating: num(p.Co_Innovation_Rating__c),
      collaborationRating: num(p.Collaboration_Rating__c),
      riskRating: num(p.Risk_Rating__c)
    })),
    initiatives: storeRows(org, 'SELECT Id, Account_Plan__r.Account__c, Status__c, Customer_Value_Realized__c, Supplier_Value_Realized__c, CurrencyIsoCode FROM Joint_Initiative__c').map((i) => ({
      id: String(i.Id),
      accountId: String((i.Account_Plan__r as Row).Account__c),
      status: (i.Status__c as string | null) ?? null,
      customerValueRealized: corporate(num(i.Customer_Value_Realized__c), i.CurrencyIsoCode),
      supplierValueRealized: corporate(num(i.Supplier_Value_Realized__c), i.CurrencyIsoCode)
    })),
    sponsors: storeRows(org, 'SELECT Id, Account__c, Active__c, Engagement_Status__c FROM Executive_Sponsor__c').map((s) => ({
      id: String(s.Id),
      accountId: String(s.Account__c),
      active: s.Active__c === true,
      engagementStatus: (s.Engagement_Status__c as string | null) ?? null
    })),
    weights: storeRows(org, 'SELECT Criterion__c, Weight__c FROM Strategic_Score_Weight__mdt').map((w) => ({ criterion: String(w.Criterion__c), weight: Number(w.Weight__c) }))
  });
  run.add(storeOpportunities(org));
  return run.finish();
}

/** The org's conversion rates as the engine takes them, straight from the store. */
export function storeRates(org: OrgHandle): CurrencyRates {
  return {
    static: storeRows(org, 'SELECT IsoCode, ConversionRate FROM CurrencyType').map((c) => ({ isoCode: String(c.IsoCode), conversionRate: Number(c.ConversionRate) })),
    dated: storeRows(org, 'SELECT IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate').map((d) => ({
      isoCode: String(d.IsoCode),
      conversionRate: Number(d.ConversionRate),
      startDate: String(d.StartDate),
      nextStartDate: (d.NextStartDate as string | null) ?? null
    }))
  };
}

/** Every opportunity as the engine takes it, straight from the store. */
export function storeOpportunities(org: OrgHandle): OpportunityInput[] {
  return storeRows(org, 'SELECT Id, AccountId, Amount, CloseDate, CreatedDate, IsWon, IsClosed, Probability, CurrencyIsoCode FROM Opportunity').map((o) => ({
    id: String(o.Id),
    accountId: (o.AccountId as string | null) ?? null,
    amount: num(o.Amount),
    closeDate: (o.CloseDate as string | null) ?? null,
    createdDate: String(o.CreatedDate),
    isWon: o.IsWon === true,
    isClosed: o.IsClosed === true,
    probability: num(o.Probability),
    currencyIsoCode: (o.CurrencyIsoCode as string | null) ?? null
  }));
}

const ACCOUNT_METRIC_FIELDS = [
  'Account__c', 'Snapshot_Key__c', 'Scope__c', 'Period__c', 'As_Of__c', 'Is_Current__c', 'Revenue_Quarter__c', 'Revenue_TTM__c', 'Revenue_Prior_TTM__c',
  'Revenue_Growth_YoY__c', 'Revenue_CAGR_3Y__c', 'Open_Pipeline_12M__c', 'Weighted_Pipeline_12M__c', 'Pipeline_Coverage__c', 'Win_Rate__c',
  'Avg_Deal_Size__c', 'Avg_Sales_Cycle_Days__c', 'Revenue_Share__c', 'Customer_Value__c', 'Supplier_Value__c', 'Mutual_Value_Balance__c',
  'Strategic_Score__c', 'Score_Criteria__c', 'Opportunity_Count__c'
];
const PROGRAM_METRIC_FIELDS = [
  'Period_Key__c', 'Period__c', 'As_Of__c', 'Is_Current__c', 'Strategic_Accounts__c', 'Strategic_Revenue_TTM__c', 'Other_Revenue_TTM__c',
  'Strategic_Growth_YoY__c', 'Other_Growth_YoY__c', 'Strategic_Revenue_Share__c', 'Sponsor_Coverage__c', 'Plan_Coverage__c'
];

function pick(row: Row, fields: string[]): Row {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
}

/** The metric rows stored in the org, by external key, with the engine's fields only. */
export function orgMetricRows(org: OrgHandle): { accounts: Map<string, Row>; programs: Map<string, Row>; computedAt: Map<string, string> } {
  const accounts = new Map<string, Row>();
  const programs = new Map<string, Row>();
  const computedAt = new Map<string, string>();
  for (const row of storeRows(org, `SELECT ${ACCOUNT_METRIC_FIELDS.join(', ')}, Computed_At__c FROM Account_Metric__c`)) {
    accounts.set(String(row.Snapshot_Key__c), pick(row, ACCOUNT_METRIC_FIELDS));
    computedAt.set(`A:${String(row.Snapshot_Key__c)}`, String(row.Computed_At__c));
  }
  for (const row of storeRows(org, `SELECT ${PROGRAM_METRIC_FIELDS.join(', ')}, Computed_At__c FROM Program_Metric__c`)) {
    programs.set(String(row.Period_Key__c), pick(row, PROGRAM_METRIC_FIELDS));
    computedAt.set(`P:${String(row.Period_Key__c)}`, String(row.Computed_At__c));
  }
  return { accounts, programs, computedAt };
}

export function expectedRows(result: MetricsResult): { accounts: Map<string, Row>; programs: Map<string, Row> } {
  return {
    accounts: new Map(result.accountMetrics.map((r) => [r.Snapshot_Key__c, pick(r as unknown as Row, ACCOUNT_METRIC_FIELDS)])),
    programs: new Map(result.programMetrics.map((r) => [r.Period_Key__c, pick(r as unknown as Row, PROGRAM_METRIC_FIELDS)]))
  };
}

/** Keys (A:/P:) of rows whose content differs between two expected results. */
export function changedKeys(before: MetricsResult, after: MetricsResult): Set<string> {
  const a = expectedRows(before);
  const b = expectedRows(after);
  const keys = new Set<string>();
  for (const [key, row] of b.accounts) if (JSON.stringify(row) !== JSON.stringify(a.accounts.get(key))) keys.add(`A:${key}`);
  for (const [key, row] of b.programs) if (JSON.stringify(row) !== JSON.stringify(a.programs.get(key))) keys.add(`P:${key}`);
  return keys;
}

export function adminActor(org: OrgHandle): number {
  return org.org.userRow(org.username);
}

/** Waits until the next whole second of the org clock, so a change gets a later SystemModstamp. */
export async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

/** The rows a from-scratch full run computes: a fresh read through the service's reader and planner, no state. */
export async function fromScratch(deps: SyncDeps, asOf = TODAY): Promise<ReturnType<typeof expectedRows>> {
  const reader = new InputReader(deps.client, deps.settings, silentLogger);
  const { context, pages } = await reader.context({ account: { soql: selectFrom('Account', inputSources(false).account.fields) } });
  const { inputs } = await reader.readEverything(context, pages.account);
  return expectedRows(computeMetrics(asOf, context, inputs));
}

/**
 * Changes an opportunity's Amount the way Salesforce allows once it has products (every demo and
 * bench opportunity does): Amount is read-only then, so the first line item's TotalPrice takes the difference.
 */
export function setAmount(org: OrgHandle, opportunityId: string, amount: number, actor: number): void {
  const lines = storeRows(org, `SELECT Id, TotalPrice FROM OpportunityLineItem WHERE OpportunityId = '${opportunityId}' ORDER BY Id`);
  if (lines.length === 0) {
    org.store.update('Opportunity', opportunityId, { Amount: amount }, actor);
    return;
  }
  const others = lines.slice(1).reduce((sum, line) => sum + Number(line.TotalPrice), 0);
  org.store.update('OpportunityLineItem', String(lines[0]!.Id), { TotalPrice: Math.round((amount - others) * 100) / 100 }, actor);
}
