// A stakeholder's history as the GraphQL wire answers it (newest first), and the picklist and
// field labels the platform gives an English and an Italian user.
const node = (id, field, oldValue, newValue, createdDate, by) => ({
  node: {
    Id: id,
    ParentId: { value: 'a03000000000001AAA' },
    Field: { value: field },
    OldValue: { value: oldValue },
    NewValue: { value: newValue },
    CreatedDate: { value: createdDate },
    CreatedBy: by ? { Name: { value: by } } : null
  }
});

export const STAKEHOLDER_ID = 'a03000000000001AAA';
// Today is 15 June 2026 (Los Angeles, the jest user's time zone).
export const NOW = new Date('2026-06-15T19:00:00.000Z');

export const HISTORY = {
  uiapi: {
    query: {
      Stakeholder__History: {
        edges: [
          node(
            'h3',
            'Attitude__c',
            'Supporter',
            'Skeptic',
            '2026-03-12T17:00:00.000Z',
            'Priya Nair'
          ),
          node('h2', 'Influence__c', null, 'High', '2026-02-02T17:00:00.000Z', 'Maya Chen'),
          // 1 January 01:30 UTC is still 31 December 2025 in Los Angeles: last year, so with the year.
          node('h1', 'Relationship_Strength__c', 'Weak', 'Medium', '2026-01-01T01:30:00.000Z', null)
        ]
      }
    }
  }
};

export const EMPTY = { uiapi: { query: { Stakeholder__History: { edges: [] } } } };

const values = (pairs) => ({ values: pairs.map(([value, label]) => ({ value, label })) });

export const PICKLISTS_EN = {
  picklistFieldValues: {
    Attitude__c: values([
      ['Supporter', 'Supporter'],
      ['Skeptic', 'Skeptic']
    ]),
    Influence__c: values([['High', 'High']]),
    Relationship_Strength__c: values([
      ['Weak', 'Weak'],
      ['Medium', 'Medium']
    ])
  }
};

export const PICKLISTS_IT = {
  picklistFieldValues: {
    Attitude__c: values([
      ['Supporter', 'Sostenitore'],
      ['Skeptic', 'Scettico']
    ]),
    Influence__c: values([['High', 'Alta']]),
    Relationship_Strength__c: values([
      ['Weak', 'Debole'],
      ['Medium', 'Media']
    ])
  }
};

export const FIELDS_EN = {
  Attitude__c: { label: 'Attitude' },
  Influence__c: { label: 'Influence' },
  Relationship_Strength__c: { label: 'Relationship Strength' }
};

export const FIELDS_IT = {
  Attitude__c: { label: 'Atteggiamento' },
  Influence__c: { label: 'Influenza' },
  Relationship_Strength__c: { label: 'Forza della relazione' }
};
