import { engagementWrites } from 'c/sponsorEngagement';

const SPONSORSHIP = {
  id: 's1',
  sponsorId: 'u1',
  counterpartId: 'c1',
  cadenceDays: 30,
  lastEngagement: '2026-03-20'
};
const STAKEHOLDERS = [{ id: 'k1', contactId: 'c1', lastInteraction: '2026-03-01' }];

function writes(engagement, overrides = {}) {
  return engagementWrites({
    sponsorship: { ...SPONSORSHIP, ...overrides },
    engagement: { type: null, notes: null, ...engagement },
    accountId: 'a1',
    stakeholders: STAKEHOLDERS,
    subject: 'Executive engagement'
  });
}

describe('engagementWrites', () => {
  it('advances the next engagement a cadence after the logged one', () => {
    const result = writes({ date: '2026-03-28' });
    expect(result.sponsorship.fields).toEqual({
      Id: 's1',
      Last_Engagement__c: '2026-03-28',
      Next_Engagement__c: '2026-04-27'
    });
    expect(result.stakeholder.fields).toEqual({ Id: 'k1', Last_Interaction__c: '2026-03-28' });
    expect(result.event.fields).toEqual(
      expect.objectContaining({
        WhoId: 'c1',
        WhatId: 'a1',
        OwnerId: 'u1',
        ActivityDate: '2026-03-28'
      })
    );
  });

  it('never moves the last engagement or interaction back when an older meeting is logged', () => {
    const result = writes({ date: '2026-02-10' });
    expect(result.sponsorship.fields.Last_Engagement__c).toBe('2026-03-20');
    expect(result.sponsorship.fields.Next_Engagement__c).toBe('2026-04-19');
    // The stakeholder already shows a later interaction: nothing to write.
    expect(result.stakeholder).toBeNull();
  });

  it('leaves the next engagement alone without a cadence, and the stakeholder without a counterpart', () => {
    const result = writes({ date: '2026-03-28' }, { cadenceDays: null, counterpartId: null });
    expect(result.sponsorship.fields).not.toHaveProperty('Next_Engagement__c');
    expect(result.stakeholder).toBeNull();
    expect(result.event.fields).not.toHaveProperty('WhoId');
  });
});
