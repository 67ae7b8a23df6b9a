import {
  engagementState,
  orderSponsorships,
  executivesWithoutSponsor,
  ENGAGEMENT
} from 'c/sponsorCadence';

describe('engagementState', () => {
  it('trusts the formula fields when the user can see them', () => {
    expect(
      engagementState(
        {
          engagementStatus: 'Overdue',
          daysSinceEngagement: 120,
          lastEngagement: '2025-12-01',
          cadenceDays: 90
        },
        '2026-03-31'
      )
    ).toEqual({ status: 'Overdue', daysSince: 120 });
  });

  it('applies the formula rule itself when the formula fields are hidden', () => {
    const hidden = { engagementStatus: undefined, daysSinceEngagement: undefined };
    // 2026-01-01 → 2026-03-31 = 89 days: within a 90-day cadence.
    expect(
      engagementState({ ...hidden, lastEngagement: '2026-01-01', cadenceDays: 90 }, '2026-03-31')
    ).toEqual({
      status: ENGAGEMENT.ON_CADENCE,
      daysSince: 89
    });
    // 91 days against a 90-day cadence.
    expect(
      engagementState({ ...hidden, lastEngagement: '2025-12-30', cadenceDays: 90 }, '2026-03-31')
    ).toEqual({
      status: ENGAGEMENT.OVERDUE,
      daysSince: 91
    });
    expect(
      engagementState({ ...hidden, lastEngagement: null, cadenceDays: 90 }, '2026-03-31')
    ).toEqual({
      status: ENGAGEMENT.NONE,
      daysSince: null
    });
  });

  it('admits not knowing when neither the formula nor its inputs are visible', () => {
    expect(engagementState({ lastEngagement: undefined }, '2026-03-31')).toEqual({
      status: null,
      daysSince: null
    });
  });

  it('treats an engagement today as zero days since', () => {
    expect(engagementState({ lastEngagement: '2026-03-31', cadenceDays: 0 }, '2026-03-31')).toEqual(
      {
        status: ENGAGEMENT.ON_CADENCE,
        daysSince: 0
      }
    );
  });
});

describe('orderSponsorships', () => {
  const rows = [
    { id: '1', sponsorId: 'u1', sponsorName: 'Zeno', role: 'Functional Sponsor' },
    { id: '2', sponsorId: 'u2', sponsorName: 'Bruno', role: 'Executive Sponsor' },
    { id: '3', sponsorId: 'me', sponsorName: 'Marta', role: 'Functional Sponsor' },
    { id: '4', sponsorId: 'u3', sponsorName: 'Anna', role: 'Executive Sponsor' }
  ];

  it("puts the current user's own sponsorships first, then by role and name", () => {
    expect(orderSponsorships(rows, 'me').map((r) => r.id)).toEqual(['3', '4', '2', '1']);
  });

  it('orders by role and name when the user sponsors nothing here', () => {
    expect(orderSponsorships(rows, 'nobody').map((r) => r.id)).toEqual(['4', '2', '3', '1']);
  });

  it('does not mutate its input', () => {
    const copy = rows.slice();
    orderSponsorships(rows, 'me');
    expect(rows).toEqual(copy);
  });
});

describe('executivesWithoutSponsor', () => {
  const stakeholders = [
    { contactId: 'c1', name: 'CEO', influence: 'High' },
    { contactId: 'c2', name: 'CFO', influence: 'High' },
    { contactId: 'c3', name: 'Buyer', influence: 'Low' }
  ];

  it('names high-influence executives nobody of ours is paired with', () => {
    expect(executivesWithoutSponsor(stakeholders, [{ counterpartId: 'c1' }])).toEqual([
      { contactId: 'c2', name: 'CFO', influence: 'High' }
    ]);
  });

  it('names all of them when there is no sponsorship at all', () => {
    expect(executivesWithoutSponsor(stakeholders, []).map((s) => s.contactId)).toEqual([
      'c1',
      'c2'
    ]);
  });

  it('is not assessed when the counterpart field is hidden', () => {
    expect(executivesWithoutSponsor(stakeholders, [{ counterpartId: undefined }])).toEqual([]);
  });
});
