// The map fixture with change alerts, as the sync service leaves them (Change_Alert__c,
// Change_Detected__c, Previous_Title__c), and the picklist labels the platform sends in each
// language. Marco Verdi is made the Champion; he left the account. Sara Russo's title changed
// (was CTO); Paola Neri's email bounced.
const mockMap = require('./graphqlRelationshipMap.json');

export const ACCOUNT_ID = '001000000000001AAA';
export const GIULIA = '003000000000001AAA';
export const MARCO = '003000000000002AAA';
export const SARA = '003000000000003AAA';
export const PAOLA = '003000000000005AAA';
export const MARCO_STAKEHOLDER = 'a03000000000002AAA';

const DISPLAY = {
  en: {
    Champion: 'Champion',
    'Left account': 'Left account',
    'Title changed': 'Title changed',
    'Email bounced': 'Email bounced'
  },
  it: {
    Champion: 'Champion',
    'Left account': "Ha lasciato l'account",
    'Title changed': 'Ruolo cambiato',
    'Email bounced': 'Email respinta'
  }
};

const ALERTS = {
  a03000000000002AAA: { alert: 'Left account', detected: '2026-03-20', previous: null },
  a03000000000003AAA: { alert: 'Title changed', detected: '2026-03-18', previous: 'CTO' },
  a03000000000005AAA: { alert: 'Email bounced', detected: '2026-03-25', previous: null }
};

export function mapWithAlerts(language = 'en') {
  const data = JSON.parse(JSON.stringify(mockMap));
  const words = DISPLAY[language];
  data.uiapi.query.Stakeholder__c.edges.forEach(({ node }) => {
    const open = ALERTS[node.Id];
    if (node.Id === MARCO_STAKEHOLDER) {
      node.Buying_Role__c = { value: 'Champion', displayValue: words.Champion };
    }
    node.Change_Alert__c = open
      ? { value: open.alert, displayValue: words[open.alert] }
      : { value: null, displayValue: null };
    node.Change_Detected__c = { value: open ? open.detected : null };
    node.Previous_Title__c = { value: open ? open.previous : null };
  });
  return data;
}

/** The same, with Marco gone from the account's contacts (he moved to another company). */
export function mapWithDeparture(language = 'en') {
  const data = mapWithAlerts(language);
  const query = data.uiapi.query;
  query.Contact.edges = query.Contact.edges.filter(({ node }) => node.Id !== MARCO);
  query.Stakeholder__c.edges.forEach(({ node }) => {
    if (node.Id === MARCO_STAKEHOLDER) {
      node.Contact__r = { Name: { value: 'Marco Verdi' }, Title: { value: 'CIO' } };
    }
  });
  return data;
}
