import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import { addLink, removeLink } from '../linkWrites';

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), deleteRecord: jest.fn() }), {
  virtual: true
});

// Contacts c1 and c2 are mapped (stakeholders s1, s2); c3 is not.
const model = {
  stakeholderByContact: new Map([
    ['c1', { id: 's1' }],
    ['c2', { id: 's2' }]
  ])
};

describe('linkWrites', () => {
  afterEach(() => jest.clearAllMocks());

  it('creates the link between the two stakeholders of the account', async () => {
    createRecord.mockResolvedValue({ id: 'l1' });
    const result = await addLink(model, 'c1', { toContactId: 'c2', type: 'Ally' }, 'acc1');
    expect(result).toEqual({ saved: true, errors: undefined });
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Stakeholder_Link__c',
      fields: { Account__c: 'acc1', From__c: 's1', To__c: 's2', Type__c: 'Ally' }
    });
  });

  it('refuses a person who is not mapped without calling the server', async () => {
    const result = await addLink(model, 'c1', { toContactId: 'c3', type: 'Ally' }, 'acc1');
    expect(result.saved).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('surfaces a failed write instead of dropping it', async () => {
    const failure = { body: { message: 'Insufficient access' } };
    deleteRecord.mockRejectedValue(failure);
    expect(await removeLink('l1')).toEqual({ saved: false, errors: failure });
    expect(deleteRecord).toHaveBeenCalledWith('l1');
  });
});
