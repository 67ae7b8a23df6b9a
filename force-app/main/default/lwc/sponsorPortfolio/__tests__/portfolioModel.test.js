import { orderPortfolio, readPortfolio, readStakeholders } from '../portfolioModel';

const mockData = require('./data/graphqlSponsorPortfolio.json');

const entry = (accountName, fields) => ({ id: accountName, accountName, ...fields });

describe('orderPortfolio', () => {
  it('puts overdue first (longest silence first), then never engaged, on cadence (next due first), unknown last', () => {
    const ordered = orderPortfolio(
      [
        entry('Hidden', { lastEngagement: undefined }),
        entry('Soon', { engagementStatus: 'On cadence', nextEngagement: '2026-07-01' }),
        entry('Undated', { engagementStatus: 'On cadence', nextEngagement: null }),
        entry('Later', { engagementStatus: 'On cadence', nextEngagement: '2026-09-01' }),
        entry('Never', { engagementStatus: 'No engagement' }),
        entry('Lapsed', { engagementStatus: 'Overdue', daysSinceEngagement: 75 }),
        entry('Silent', { engagementStatus: 'Overdue', daysSinceEngagement: 150 })
      ],
      '2026-06-15'
    );
    expect(ordered.map((e) => e.accountName)).toEqual([
      'Silent',
      'Lapsed',
      'Never',
      'Soon',
      'Later',
      'Undated',
      'Hidden'
    ]);
    expect(ordered[6].state).toEqual({ status: null, daysSince: null });
  });

  it('works out the status from the dates when the formula fields are hidden, and orders ties by account', () => {
    // 2026-06-15 − 2026-03-01 = 106 days > 90: overdue; both the same, so by name.
    const ordered = orderPortfolio(
      [
        entry('Zeta', { lastEngagement: '2026-03-01', cadenceDays: 90 }),
        entry('Alpha', { lastEngagement: '2026-03-01', cadenceDays: 90 })
      ],
      '2026-06-15'
    );
    expect(ordered.map((e) => [e.accountName, e.state.status, e.state.daysSince])).toEqual([
      ['Alpha', 'Overdue', 106],
      ['Zeta', 'Overdue', 106]
    ]);
  });
});

describe('readPortfolio', () => {
  it("joins each sponsorship with its account's metric row and live plan (Active before a newer Draft)", () => {
    const hartwell = readPortfolio(mockData).find((e) => e.accountName === 'Hartwell Logistics');
    expect(hartwell.metric).toEqual({
      revenueTtm: 1250000,
      growthYoy: -4.2,
      strategicScore: 71.4,
      currency: 'USD'
    });
    expect(hartwell.plan).toEqual({
      status: 'Active',
      statusLabel: 'Active',
      nextReview: '2026-05-31'
    });
    const northwind = readPortfolio(mockData).find((e) => e.accountName.startsWith('Northwind'));
    expect(northwind.metric).toBeNull();
    expect(northwind.plan.status).toBe('Draft');
  });

  it("reads only the account's own counterpart stakeholders", () => {
    expect(readStakeholders(mockData, '001000000000001AAA')).toEqual([
      { id: 'a03000000000001AAA', contactId: '003000000000001AAA', lastInteraction: '2026-01-07' }
    ]);
    expect(readStakeholders(mockData, '001000000000005AAA')).toEqual([]);
  });
});
