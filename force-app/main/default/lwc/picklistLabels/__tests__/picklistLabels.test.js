import { picklistLabeler } from 'c/picklistLabels';

// Plan_Objective__c as an Italian user reads it, with a status an admin added after the release.
const objectivePicklists = {
  data: {
    picklistFieldValues: {
      Status__c: {
        values: [
          { value: 'On track', label: 'In linea' },
          { value: 'Paused', label: 'In pausa' }
        ]
      }
    }
  }
};

describe('picklistLabeler', () => {
  it("shows the org's label of a value, including one added by an admin later", () => {
    const label = picklistLabeler(objectivePicklists);
    expect(label('Status__c', 'On track')).toBe('In linea');
    expect(label('Status__c', 'Paused')).toBe('In pausa');
  });

  it('shows the stored value while the labels are unknown, and nothing for no value', () => {
    expect(picklistLabeler(undefined)('Status__c', 'On track')).toBe('On track');
    expect(picklistLabeler({ error: { status: 403 } })('Status__c', 'At risk')).toBe('At risk');
    expect(picklistLabeler(objectivePicklists)('Category__c', 'Growth')).toBe('Growth');
    expect(picklistLabeler(objectivePicklists)('Status__c', null)).toBeNull();
  });
});
