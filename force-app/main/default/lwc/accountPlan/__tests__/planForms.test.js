import {
  draftPlanRows,
  editInitiativeForm,
  editObjectiveForm,
  newInitiativeForm,
  newPlanForm
} from '../planForms';

describe('planForms: what each record form opens with', () => {
  it('starts a new plan Active for three years less a day, first review in 90 days', () => {
    const form = newPlanForm('001A', 'Hartwell Logistics', '2026-06-15');
    expect(form.kind).toBe('plan');
    expect(form.parentId).toBe('001A');
    // 2026-06-15 + 3 years − 1 day = 2029-06-14; + 90 days = 2026-09-13.
    expect(form.defaults).toMatchObject({
      Status__c: 'Active',
      Start_Date__c: '2026-06-15',
      End_Date__c: '2029-06-14',
      Next_Review__c: '2026-09-13'
    });
    expect(form.defaults.Name).toContain('Hartwell Logistics');
    expect(form.defaults.Name).toContain('2026');
    expect(form.defaults.Name).toContain('2029');
  });

  it('cuts a long account name so the plan name fits its 80 characters', () => {
    const form = newPlanForm('001A', 'X'.repeat(200), '2026-06-15');
    expect(form.defaults.Name.length).toBeLessThanOrEqual(80);
  });

  it('opens the lookups of an edited record on what it names, or on nothing', () => {
    expect(editObjectiveForm({ id: 'a1', ownerId: '005U' }, 'p1').lookups).toEqual({
      Owner_User__c: '005U'
    });
    expect(editInitiativeForm({ id: 'a2' }, 'p1')).toEqual({
      kind: 'initiative',
      recordId: 'a2',
      parentId: 'p1',
      lookups: { Customer_Sponsor__c: null }
    });
    expect(newInitiativeForm('p1', '2026-06-15').defaults).toEqual({
      Status__c: 'Proposed',
      Start_Date__c: '2026-06-15'
    });
  });

  it('lists only Draft plans, each with its own Activate title', () => {
    const rows = draftPlanRows([
      { id: 'p1', status: 'Active', name: 'Now', startDate: '2025-01-01' },
      { id: 'p2', status: 'Draft', name: 'Next', startDate: '2027-01-01' },
      { id: 'p3', status: 'Archived', name: 'Old', startDate: '2020-01-01' }
    ]);
    expect(rows.map((row) => row.id)).toEqual(['p2']);
    expect(rows[0].text).toContain('Next');
    expect(rows[0].activateTitle).toContain('Next');
  });
});
