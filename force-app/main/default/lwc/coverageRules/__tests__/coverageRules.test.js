import { coverageGaps, daysSinceInteraction, isStale, GAP } from 'c/coverageRules';

function stakeholder(overrides) {
  return {
    contactId: '003000000000001AAA',
    name: 'Giulia Bianchi',
    buyingRole: 'Influencer',
    influence: 'Medium',
    attitude: 'Neutral',
    strength: 'Medium',
    ownerId: '005000000000001AAA',
    lastInteraction: '2026-03-01',
    ...overrides
  };
}

const codes = (gaps) => gaps.map((gap) => gap.code);

describe('coverageGaps', () => {
  it('reports a missing economic buyer and champion when nobody is mapped yet', () => {
    expect(coverageGaps([])).toEqual([
      { code: GAP.NO_ECONOMIC_BUYER, people: [] },
      { code: GAP.NO_CHAMPION, people: [] }
    ]);
  });

  it('reports nothing for a well-covered buying centre', () => {
    const gaps = coverageGaps([
      stakeholder({
        contactId: 'a',
        buyingRole: 'Economic Buyer',
        influence: 'High',
        strength: 'Strong'
      }),
      stakeholder({ contactId: 'b', buyingRole: 'Champion', attitude: 'Advocate' })
    ]);
    expect(gaps).toEqual([]);
  });

  it('names high-influence people without an owner, with a weak or unrated relationship, or opposed', () => {
    const gaps = coverageGaps([
      stakeholder({
        contactId: 'eb',
        name: 'Eva',
        buyingRole: 'Economic Buyer',
        influence: 'High',
        ownerId: null
      }),
      stakeholder({
        contactId: 'ch',
        name: 'Carlo',
        buyingRole: 'Champion',
        influence: 'High',
        strength: 'Weak'
      }),
      stakeholder({
        contactId: 'dm',
        name: 'Dario',
        buyingRole: 'Decision Maker',
        influence: 'High',
        strength: null,
        attitude: 'Detractor'
      }),
      stakeholder({
        contactId: 'sk',
        name: 'Sara',
        influence: 'High',
        strength: 'None',
        attitude: 'Skeptic'
      }),
      // Medium influence: a skeptic without owner is not a high-influence gap.
      stakeholder({
        contactId: 'lo',
        name: 'Luca',
        influence: 'Medium',
        ownerId: null,
        attitude: 'Skeptic'
      })
    ]);
    expect(gaps).toEqual([
      { code: GAP.HIGH_INFLUENCE_NO_OWNER, people: [{ contactId: 'eb', name: 'Eva' }] },
      {
        code: GAP.HIGH_INFLUENCE_WEAK,
        people: [
          { contactId: 'ch', name: 'Carlo' },
          { contactId: 'dm', name: 'Dario' },
          { contactId: 'sk', name: 'Sara' }
        ]
      },
      {
        code: GAP.HIGH_INFLUENCE_OPPOSED,
        people: [
          { contactId: 'dm', name: 'Dario' },
          { contactId: 'sk', name: 'Sara' }
        ]
      }
    ]);
  });

  it('does not turn a hidden field into a gap', () => {
    // The user cannot see Buying_Role__c or Relationship_Owner__c: those rules are not assessed.
    const gaps = coverageGaps([
      stakeholder({
        buyingRole: undefined,
        influence: 'High',
        ownerId: undefined,
        strength: 'Strong'
      })
    ]);
    expect(gaps).toEqual([]);
  });

  it('flags high-influence relationships that went stale or never started', () => {
    const gaps = coverageGaps(
      [
        stakeholder({
          contactId: 'eb',
          name: 'Eva',
          buyingRole: 'Economic Buyer',
          influence: 'High',
          lastInteraction: '2025-12-01'
        }),
        stakeholder({
          contactId: 'ch',
          name: 'Carlo',
          buyingRole: 'Champion',
          influence: 'High',
          lastInteraction: null
        }),
        stakeholder({
          contactId: 'ok',
          name: 'Olga',
          influence: 'High',
          lastInteraction: '2026-03-01'
        })
      ],
      { today: '2026-03-31', staleAfterDays: 90 }
    );
    // 2025-12-01 → 2026-03-31 is 120 days (> 90); 2026-03-01 is 30 days.
    expect(gaps).toEqual([
      {
        code: GAP.HIGH_INFLUENCE_STALE,
        people: [
          { contactId: 'eb', name: 'Eva' },
          { contactId: 'ch', name: 'Carlo' }
        ]
      }
    ]);
  });

  it('lists missing roles before people gaps', () => {
    const gaps = coverageGaps([stakeholder({ influence: 'High', ownerId: null })]);
    expect(codes(gaps)).toEqual([
      GAP.NO_ECONOMIC_BUYER,
      GAP.NO_CHAMPION,
      GAP.HIGH_INFLUENCE_NO_OWNER
    ]);
  });

  it('rejects input that is not a list', () => {
    expect(() => coverageGaps(undefined)).toThrow('stakeholders must be an array');
  });
});

describe('freshness', () => {
  it('counts calendar days across a leap day', () => {
    // 2028 is a leap year: 28 Feb → 1 Mar is 2 days.
    expect(daysSinceInteraction('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysSinceInteraction(null, '2028-03-01')).toBeNull();
  });

  it('is stale past the threshold or when never contacted, never when hidden', () => {
    expect(isStale('2026-01-01', '2026-04-01', 90)).toBe(false); // exactly 90 days
    expect(isStale('2026-01-01', '2026-04-02', 90)).toBe(true); // 91 days
    expect(isStale(null, '2026-04-02', 90)).toBe(true);
    expect(isStale(undefined, '2026-04-02', 90)).toBe(false);
  });
});

describe('coverageGaps: change alerts', () => {
  const covered = [
    stakeholder({
      contactId: 'eb',
      name: 'Eva',
      buyingRole: 'Economic Buyer',
      influence: 'High',
      strength: 'Strong'
    }),
    stakeholder({
      contactId: 'ch',
      name: 'Ava Johnson',
      buyingRole: 'Champion',
      changeAlert: 'Left account'
    }),
    stakeholder({ contactId: 'in', name: 'Ivo', changeAlert: 'Email bounced' }),
    stakeholder({ contactId: 'te', name: 'Tea', changeAlert: null })
  ];

  it('makes each open alert a gap of its own, after the missing roles', () => {
    expect(coverageGaps(covered)).toEqual([
      {
        code: GAP.CHANGE_ALERT,
        alert: 'Left account',
        people: [{ contactId: 'ch', name: 'Ava Johnson' }]
      },
      { code: GAP.CHANGE_ALERT, alert: 'Email bounced', people: [{ contactId: 'in', name: 'Ivo' }] }
    ]);
    expect(codes(coverageGaps(covered.slice(1)))).toEqual([
      GAP.NO_ECONOMIC_BUYER,
      GAP.CHANGE_ALERT,
      GAP.CHANGE_ALERT
    ]);
  });

  it('reports no alert when the field is hidden from the user', () => {
    expect(coverageGaps(covered.map((s) => ({ ...s, changeAlert: undefined })))).toEqual([]);
  });
});
