import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads GraphQL errors, strings and Error objects', () => {
    expect(
      reduceErrors([{ message: 'Field X is not accessible' }, 'plain', new Error('boom')])
    ).toEqual(['Field X is not accessible', 'plain', 'boom']);
  });

  it('reads UI API error bodies of every shape', () => {
    expect(reduceErrors({ body: [{ message: 'NOT_FOUND' }] })).toEqual(['NOT_FOUND']);
    expect(reduceErrors({ body: { message: 'Insufficient access' } })).toEqual([
      'Insufficient access'
    ]);
    expect(
      reduceErrors({
        body: {
          message: 'An error occurred while trying to update the record.',
          output: {
            errors: [{ message: 'Validation: end after start' }],
            fieldErrors: { End_Date__c: [{ message: 'Must be after the start date' }] }
          }
        }
      })
    ).toEqual([
      'Validation: end after start',
      'Must be after the start date',
      'An error occurred while trying to update the record.'
    ]);
    expect(
      reduceErrors({
        body: {
          pageErrors: [{ message: 'Locked' }],
          fieldErrors: { Name: [{ message: 'Required' }] }
        }
      })
    ).toEqual(['Locked', 'Required']);
  });

  it('drops blanks and duplicates', () => {
    expect(
      reduceErrors([
        null,
        undefined,
        '',
        'same',
        { message: 'same' },
        { statusText: 'Bad Gateway' }
      ])
    ).toEqual(['same', 'Bad Gateway']);
    expect(reduceErrors(undefined)).toEqual([]);
  });
});
