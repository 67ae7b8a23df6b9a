import {
  TREND,
  readHistory,
  trendOf,
  trendsOf,
  valueOnDay,
  windowStartDay,
  windowStartDateTime
} from 'c/relationshipTrends';

// Today is 15 June 2026, so D−90 is 17 March 2026: changes dated 18 March or later are inside.
const TODAY = '2026-06-15';
const change = (parentId, field, oldValue, newValue, createdDate) => ({
  parentId,
  field,
  oldValue,
  newValue,
  createdDate
});

describe('the 90-day window', () => {
  it('starts after 17 March for 15 June, and the query asks from 18 March 00:00 UTC', () => {
    expect(windowStartDay(TODAY)).toBe('2026-03-17');
    expect(windowStartDateTime(TODAY)).toBe('2026-03-18T00:00:00.000Z');
  });
});

describe('valueOnDay', () => {
  it('is the OldValue of the first change after D−90, whatever came later', () => {
    // 2 Jan (before the window) Neutral→Supporter; 1 Apr Supporter→Skeptic; 20 May Skeptic→Detractor.
    // On 17 March the attitude was Supporter: the OldValue of the 1 April change.
    const changes = [
      change('s1', 'Attitude__c', 'Skeptic', 'Detractor', '2026-05-20T09:00:00.000Z'),
      change('s1', 'Attitude__c', 'Neutral', 'Supporter', '2026-01-02T09:00:00.000Z'),
      change('s1', 'Attitude__c', 'Supporter', 'Skeptic', '2026-04-01T09:00:00.000Z')
    ];
    expect(valueOnDay(changes, 'Attitude__c', 'Detractor', '2026-03-17')).toBe('Supporter');
  });

  it('is today’s value without a change in the window (a change on D−90 itself is outside)', () => {
    const changes = [
      change('s1', 'Attitude__c', 'Neutral', 'Advocate', '2026-03-17T23:59:59.000Z'),
      change('s1', 'Relationship_Strength__c', 'Weak', 'Strong', '2026-05-01T08:00:00.000Z')
    ];
    expect(valueOnDay(changes, 'Attitude__c', 'Advocate', '2026-03-17')).toBe('Advocate');
  });

  it('is blank when the field was empty then (a first value set in the window)', () => {
    const changes = [
      change('s1', 'Relationship_Strength__c', null, 'Weak', '2026-04-10T08:00:00.000Z')
    ];
    expect(valueOnDay(changes, 'Relationship_Strength__c', 'Weak', '2026-03-17')).toBeNull();
  });
});

describe('trendOf', () => {
  it('ranks attitude Detractor < Skeptic < Neutral < Supporter < Advocate', () => {
    expect(trendOf('Attitude__c', 'Skeptic', 'Supporter')).toBe(TREND.IMPROVING);
    expect(trendOf('Attitude__c', 'Advocate', 'Neutral')).toBe(TREND.DECAYING);
    expect(trendOf('Attitude__c', 'Neutral', 'Neutral')).toBe(TREND.STEADY);
  });

  it('ranks strength None < Weak < Medium < Strong', () => {
    expect(trendOf('Relationship_Strength__c', 'None', 'Weak')).toBe(TREND.IMPROVING);
    expect(trendOf('Relationship_Strength__c', 'Strong', 'Medium')).toBe(TREND.DECAYING);
  });

  it('reads no trend from Unknown or a blank value (steady)', () => {
    expect(trendOf('Attitude__c', 'Unknown', 'Advocate')).toBe(TREND.STEADY);
    expect(trendOf('Attitude__c', 'Supporter', null)).toBe(TREND.STEADY);
    expect(trendOf('Relationship_Strength__c', null, 'Strong')).toBe(TREND.STEADY);
  });
});

describe('trendsOf', () => {
  it('gives each stakeholder an attitude and a strength trend from one list of rows', () => {
    const history = [
      // s1: Supporter on 17 March (first change in the window: 1 Apr Supporter→Skeptic), Skeptic today → decaying.
      change('s1', 'Attitude__c', 'Supporter', 'Skeptic', '2026-04-01T09:00:00.000Z'),
      // s1: Weak on 17 March, Weak→Medium 5 May, Medium→Strong 2 June, Strong today → improving.
      change('s1', 'Relationship_Strength__c', 'Medium', 'Strong', '2026-06-02T09:00:00.000Z'),
      change('s1', 'Relationship_Strength__c', 'Weak', 'Medium', '2026-05-05T09:00:00.000Z'),
      // s2: Neutral→Advocate 1 Apr then Advocate→Neutral 1 June: back where it was → steady.
      change('s2', 'Attitude__c', 'Neutral', 'Advocate', '2026-04-01T09:00:00.000Z'),
      change('s2', 'Attitude__c', 'Advocate', 'Neutral', '2026-06-01T09:00:00.000Z')
    ];
    const trends = trendsOf(
      history,
      [
        { id: 's1', values: { Attitude__c: 'Skeptic', Relationship_Strength__c: 'Strong' } },
        { id: 's2', values: { Attitude__c: 'Neutral', Relationship_Strength__c: 'Medium' } },
        { id: 's3', values: { Attitude__c: 'Advocate', Relationship_Strength__c: 'Strong' } }
      ],
      TODAY
    );
    expect(trends.get('s1')).toEqual({
      Attitude__c: { trend: TREND.DECAYING, then: 'Supporter' },
      Relationship_Strength__c: { trend: TREND.IMPROVING, then: 'Weak' }
    });
    expect(trends.get('s2')).toEqual({
      Attitude__c: { trend: TREND.STEADY, then: 'Neutral' },
      Relationship_Strength__c: { trend: TREND.STEADY, then: 'Medium' }
    });
    // No history at all: today's values are the values then.
    expect(trends.get('s3').Attitude__c).toEqual({ trend: TREND.STEADY, then: 'Advocate' });
  });
});

describe('readHistory', () => {
  it('reads the GraphQL nodes, blanks as null, and who made the change', () => {
    const data = {
      uiapi: {
        query: {
          Stakeholder__History: {
            edges: [
              {
                node: {
                  Id: 'h1',
                  ParentId: { value: 's1' },
                  Field: { value: 'Attitude__c', displayValue: 'Attitude' },
                  OldValue: { value: null },
                  NewValue: { value: 'Supporter' },
                  CreatedDate: { value: '2026-04-01T09:00:00.000Z' },
                  CreatedBy: { Name: { value: 'Priya Nair' } }
                }
              }
            ]
          }
        }
      }
    };
    expect(readHistory(data)).toEqual([
      {
        id: 'h1',
        parentId: 's1',
        field: 'Attitude__c',
        oldValue: null,
        newValue: 'Supporter',
        createdDate: '2026-04-01T09:00:00.000Z',
        by: 'Priya Nair'
      }
    ]);
  });
});
