import { accessByObject } from '../objectAccess';

describe('accessByObject', () => {
  it('allows nothing until the object info arrives', () => {
    const access = accessByObject(undefined, ['Stakeholder__c']);
    expect(access.Stakeholder__c).toEqual({
      createable: false,
      updateable: false,
      deletable: false,
      fields: {}
    });
  });

  it('takes each object from its own result and allows nothing for a failed one', () => {
    const fields = { Notes__c: { createable: true, updateable: false } };
    const infos = {
      results: [
        {
          statusCode: 200,
          result: {
            apiName: 'Stakeholder__c',
            createable: true,
            updateable: true,
            deletable: false,
            fields
          }
        },
        { statusCode: 403, result: [{ errorCode: 'INSUFFICIENT_ACCESS' }] },
        // An object nobody asked for is ignored.
        { statusCode: 200, result: { apiName: 'Account', createable: true } }
      ]
    };
    const access = accessByObject(infos, ['Stakeholder__c', 'Stakeholder_Link__c']);
    expect(access).toEqual({
      Stakeholder__c: { createable: true, updateable: true, deletable: false, fields },
      Stakeholder_Link__c: { createable: false, updateable: false, deletable: false, fields: {} }
    });
  });
});
