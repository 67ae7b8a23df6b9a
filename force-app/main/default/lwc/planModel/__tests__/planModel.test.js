import {
  readScoreCriteria,
  readHealthChecks,
  currentPlan,
  chartPoints,
  latestMetric,
  readSyncRequest,
  readMetrics
} from '../planModel';

describe('planModel', () => {
  it('picks the Active plan with the newest start date', () => {
    const plans = [
      { id: 'old', status: 'Active', startDate: '2024-01-01' },
      { id: 'draft', status: 'Draft', startDate: '2027-01-01' },
      { id: 'new', status: 'Active', startDate: '2026-01-01' },
      { id: 'archived', status: 'Archived', startDate: '2026-06-01' }
    ];
    expect(currentPlan(plans).id).toBe('new');
    expect(currentPlan(plans.filter((p) => p.status !== 'Active'))).toBeNull();
    expect(currentPlan([])).toBeNull();
  });

  it('charts the last N quarters oldest first, clamped to 1–12', () => {
    const metrics = ['FY2026-Q3', 'FY2026-Q2', 'FY2026-Q1'].map((period, i) => ({
      period,
      isCurrent: i === 0,
      revenueQuarter: i === 1 ? undefined : 100 * (i + 1)
    }));
    // The current quarter is still running: marked partial.
    expect(chartPoints(metrics, 2)).toEqual([
      { period: 'FY2026-Q2', value: null, partial: false },
      { period: 'FY2026-Q3', value: 100, partial: true }
    ]);
    expect(chartPoints(metrics, 40)).toHaveLength(3);
    expect(chartPoints(metrics, 0)).toHaveLength(3); // invalid → 12
    expect(chartPoints(metrics, 1)).toEqual([{ period: 'FY2026-Q3', value: 100, partial: true }]);
  });

  it('prefers the snapshot flagged current, else the newest', () => {
    expect(
      latestMetric([
        { period: 'b', isCurrent: false },
        { period: 'a', isCurrent: true }
      ]).period
    ).toBe('a');
    expect(latestMetric([{ period: 'b', isCurrent: false }]).period).toBe('b');
    expect(latestMetric([])).toBeNull();
  });

  it('sorts snapshots newest first whatever order they arrive in', () => {
    const edges = ['FY2025-Q4', 'FY2026-Q2', 'FY2026-Q1'].map((period) => ({
      node: { Id: period, Period__c: { value: period } }
    }));
    const data = { uiapi: { query: { Account_Metric__c: { edges } } } };
    expect(readMetrics(data).map((m) => m.period)).toEqual(['FY2026-Q2', 'FY2026-Q1', 'FY2025-Q4']);
  });

  it('knows when a sync request is still being worked on', () => {
    const request = (status) => ({
      uiapi: {
        query: {
          Sync_Request__c: {
            edges: [
              { node: { Id: 'r', Status__c: { value: status }, Message__c: { value: null } } }
            ]
          }
        }
      }
    });
    expect(readSyncRequest(request('Pending')).inProgress).toBe(true);
    expect(readSyncRequest(request('Processing')).inProgress).toBe(true);
    expect(readSyncRequest(request('Done')).inProgress).toBe(false);
    expect(readSyncRequest(request('Failed')).inProgress).toBe(false);
    expect(readSyncRequest({ uiapi: { query: { Sync_Request__c: { edges: [] } } } })).toBeNull();
  });
});

describe('readScoreCriteria', () => {
  it('reads the criteria the sync wrote and ignores what it cannot read', () => {
    expect(readScoreCriteria('[{"criterion":"Risk","weight":10,"value":0.75}]')).toEqual([
      { criterion: 'Risk', weight: 10, value: 0.75 }
    ]);
    expect(readScoreCriteria('[{"criterion":"Risk","weight":"10","value":0.75}]')).toEqual([]);
    expect(readScoreCriteria('not json')).toEqual([]);
    expect(readScoreCriteria(undefined)).toEqual([]);
  });
});

describe('readHealthChecks', () => {
  it('reads the components the sync wrote and ignores what it cannot read', () => {
    const json =
      '[{"component":"Plan","weight":30,"failed":[{"code":"threats"}]},' +
      '{"component":"Sponsorship","weight":20,"failed":[{"code":"sponsorsOnCadence","value":0.5},{"value":1}]},' +
      '{"component":"Mood","weight":5,"failed":[]},{"component":"Execution","weight":"20","failed":[]}]';
    expect(readHealthChecks(json)).toEqual([
      { component: 'Plan', weight: 30, failed: [{ code: 'threats' }] },
      { component: 'Sponsorship', weight: 20, failed: [{ code: 'sponsorsOnCadence', value: 0.5 }] }
    ]);
    expect(readHealthChecks('{')).toEqual([]);
    expect(readHealthChecks(null)).toEqual([]);
  });
});
