import { recordsOf, valueOf, displayOf, parentValueOf } from 'c/graphqlRecords';

const data = {
  uiapi: {
    query: {
      Contact: {
        edges: [
          {
            node: {
              Id: '003A',
              Name: { value: 'Ada Lovelace' },
              Title: { value: null },
              Email: null,
              ReportsTo: { Name: { value: 'Charles Babbage' } },
              Level__c: { value: 'VP', displayValue: 'Vicepresidente' }
            }
          }
        ]
      }
    }
  }
};

describe('graphqlRecords', () => {
  it('lists the nodes of a connection, empty when absent', () => {
    expect(recordsOf(data, 'Contact').map((n) => n.Id)).toEqual(['003A']);
    expect(recordsOf(data, 'Account')).toEqual([]);
    expect(recordsOf(undefined, 'Contact')).toEqual([]);
  });

  it('tells a hidden field (undefined) from a blank one (null)', () => {
    const [contact] = recordsOf(data, 'Contact');
    expect(valueOf(contact, 'Name')).toBe('Ada Lovelace');
    expect(valueOf(contact, 'Title')).toBeNull();
    expect(valueOf(contact, 'Email')).toBeUndefined();
    expect(valueOf(contact, 'Phone')).toBeUndefined();
  });

  it('prefers the display value and reads parent fields', () => {
    const [contact] = recordsOf(data, 'Contact');
    expect(displayOf(contact, 'Level__c')).toBe('Vicepresidente');
    expect(displayOf(contact, 'Name')).toBe('Ada Lovelace');
    expect(parentValueOf(contact, 'ReportsTo', 'Name')).toBe('Charles Babbage');
    expect(parentValueOf(contact, 'Account', 'Name')).toBeNull();
  });
});
