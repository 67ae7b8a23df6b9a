import { alertRowFor, alertRowsToWrite, inCustomerGroup, stakeholderAsWritten, type AlertRow } from './alertPlan';
import type { ContactRecord, StakeholderRecord } from './inputs';

const D = '2026-06-15';
// A group: TOP ← SUB ← SUBSUB; OTHER stands alone.
const TOP = '001000000000001AAA';
const SUB = '001000000000002AAA';
const SUBSUB = '001000000000003AAA';
const OTHER = '001000000000004AAA';
const inCustomer = inCustomerGroup([
  { id: TOP, parentId: null },
  { id: SUB, parentId: TOP },
  { id: SUBSUB, parentId: SUB },
  { id: OTHER }
]);

function stakeholder(extra: Partial<StakeholderRecord> = {}): StakeholderRecord {
  return {
    id: 'a05000000000001AAA',
    accountId: SUB,
    contactId: '003000000000001AAA',
    buyingRole: 'Champion',
    influence: 'High',
    relationshipStrength: 'Strong',
    relationshipOwnerId: null,
    lastInteraction: null,
    changeAlert: null,
    changeDetected: null,
    previousTitle: null,
    ...extra
  };
}

function contact(extra: Partial<ContactRecord> = {}): ContactRecord {
  return { id: '003000000000001AAA', accountId: SUB, title: 'CFO', emailBouncedDate: null, ...extra };
}

const blank = (id = 'a05000000000001AAA'): AlertRow => ({ Id: id, Change_Alert__c: null, Change_Detected__c: null, Previous_Title__c: null });

describe('change alerts, planned', () => {
  it('treats the account, its parent and its descendants as the same customer, and no account or another group as not', () => {
    expect([TOP, SUB, SUBSUB].map((a) => inCustomer(a, SUB))).toEqual([true, true, true]);
    expect([OTHER, null, '001000000000009AAA'].map((a) => inCustomer(a, SUB))).toEqual([false, false, false]);
  });

  it('raises Left account when the contact moves out of the group, nothing when it moves within it', () => {
    expect(alertRowFor(D, stakeholder(), contact(), contact({ accountId: OTHER }), inCustomer)).toEqual({ Id: 'a05000000000001AAA', Change_Alert__c: 'Left account', Change_Detected__c: D, Previous_Title__c: null });
    expect(alertRowFor(D, stakeholder(), contact(), contact({ accountId: null }), inCustomer)?.Change_Alert__c).toBe('Left account');
    expect(alertRowFor(D, stakeholder(), contact(), contact({ accountId: TOP }), inCustomer)).toBeNull();
    // Already outside (a contact of a partner company on the map): a further move is no leaving.
    expect(alertRowFor(D, stakeholder(), contact({ accountId: OTHER }), contact({ accountId: null }), inCustomer)).toBeNull();
  });

  it('raises Title changed with the old title, but not for a first title or a change of case or spaces', () => {
    expect(alertRowFor(D, stakeholder(), contact(), contact({ title: 'Chief Executive Officer' }), inCustomer)).toEqual({ Id: 'a05000000000001AAA', Change_Alert__c: 'Title changed', Change_Detected__c: D, Previous_Title__c: 'CFO' });
    expect(alertRowFor(D, stakeholder(), contact({ title: null }), contact({ title: 'CFO' }), inCustomer)).toBeNull();
    expect(alertRowFor(D, stakeholder(), contact(), contact({ title: ' cfo ' }), inCustomer)).toBeNull();
  });

  it('raises Email bounced when a bounce date appears, not when it only moves', () => {
    expect(alertRowFor(D, stakeholder(), contact(), contact({ emailBouncedDate: '2026-06-14T08:00:00.000Z' }), inCustomer)?.Change_Alert__c).toBe('Email bounced');
    expect(alertRowFor(D, stakeholder(), contact({ emailBouncedDate: '2026-06-01T08:00:00.000Z' }), contact({ emailBouncedDate: '2026-06-14T08:00:00.000Z' }), inCustomer)).toBeNull();
  });

  it('raises the most serious of changes seen together, keeping the old title', () => {
    expect(alertRowFor(D, stakeholder(), contact(), contact({ accountId: OTHER, title: 'CEO', emailBouncedDate: '2026-06-14T08:00:00.000Z' }), inCustomer)).toEqual({ Id: 'a05000000000001AAA', Change_Alert__c: 'Left account', Change_Detected__c: D, Previous_Title__c: 'CFO' });
  });

  it('replaces an open alert with one as serious or more, never with a lesser one', () => {
    const bounced = stakeholder({ changeAlert: 'Email bounced', changeDetected: '2026-06-01' });
    expect(alertRowFor(D, bounced, contact(), contact({ title: 'CEO' }), inCustomer)?.Change_Alert__c).toBe('Title changed');
    const left = stakeholder({ changeAlert: 'Left account', changeDetected: '2026-06-01' });
    expect(alertRowFor(D, left, contact({ accountId: OTHER }), contact({ accountId: OTHER, title: 'CEO' }), inCustomer)).toBeNull();
    // A second title change while the first is open: the newest one, against its own old title.
    const retitled = stakeholder({ changeAlert: 'Title changed', changeDetected: '2026-06-01', previousTitle: 'CFO' });
    expect(alertRowFor(D, retitled, contact({ title: 'CEO' }), contact({ title: 'Chair' }), inCustomer)).toEqual({ Id: 'a05000000000001AAA', Change_Alert__c: 'Title changed', Change_Detected__c: D, Previous_Title__c: 'CEO' });
  });

  it('withdraws its own open alert when the change is undone, and raises nothing for the undoing', () => {
    const left = stakeholder({ changeAlert: 'Left account', changeDetected: '2026-06-01' });
    expect(alertRowFor(D, left, contact({ accountId: OTHER }), contact({ accountId: SUBSUB }), inCustomer)).toEqual(blank());
    const retitled = stakeholder({ changeAlert: 'Title changed', changeDetected: '2026-06-01', previousTitle: 'CFO' });
    expect(alertRowFor(D, retitled, contact({ title: 'CEO' }), contact({ title: 'CFO' }), inCustomer)).toEqual(blank());
    const bounced = stakeholder({ changeAlert: 'Email bounced', changeDetected: '2026-06-01' });
    expect(alertRowFor(D, bounced, contact({ emailBouncedDate: '2026-06-01T08:00:00.000Z' }), contact(), inCustomer)).toEqual(blank());
    // Back, but with a new title: the title change is raised in place of the withdrawn alert.
    expect(alertRowFor(D, left, contact({ accountId: OTHER }), contact({ accountId: SUB, title: 'COO' }), inCustomer)?.Change_Alert__c).toBe('Title changed');
  });

  it('after a person cleared the alert, undoing raises nothing, and a new change raises again', () => {
    expect(alertRowFor(D, stakeholder(), contact({ accountId: OTHER }), contact({ accountId: SUB }), inCustomer)).toBeNull();
    expect(alertRowFor(D, stakeholder(), contact({ title: 'CEO' }), contact({ title: 'CFO' }), inCustomer)).toEqual({ Id: 'a05000000000001AAA', Change_Alert__c: 'Title changed', Change_Detected__c: D, Previous_Title__c: 'CEO' });
  });

  it('compares only contacts read before and now, and sends a failed row again unless superseded or already held', () => {
    const s1 = stakeholder();
    const s2 = stakeholder({ id: 'a05000000000002AAA', contactId: '003000000000002AAA' });
    const s3 = stakeholder({ id: 'a05000000000003AAA', contactId: '003000000000003AAA', changeAlert: 'Email bounced', changeDetected: '2026-06-10' });
    const then = new Map([[s1.contactId!, contact()]]);
    const now = new Map([
      [s1.contactId!, contact({ accountId: OTHER })],
      // First sight of s2's contact: nothing.
      [s2.contactId!, contact({ id: s2.contactId!, accountId: OTHER })]
    ]);
    const retries: AlertRow[] = [
      { Id: s1.id, Change_Alert__c: 'Email bounced', Change_Detected__c: '2026-06-14', Previous_Title__c: null },
      { Id: s2.id, Change_Alert__c: 'Title changed', Change_Detected__c: '2026-06-14', Previous_Title__c: 'CTO' },
      { Id: s3.id, Change_Alert__c: 'Email bounced', Change_Detected__c: '2026-06-10', Previous_Title__c: null },
      { Id: 'a05000000000009AAA', Change_Alert__c: 'Email bounced', Change_Detected__c: '2026-06-14', Previous_Title__c: null }
    ];
    expect(alertRowsToWrite(D, [s1, s2, s3], then, now, inCustomer, retries)).toEqual([
      { Id: s1.id, Change_Alert__c: 'Left account', Change_Detected__c: D, Previous_Title__c: null },
      retries[1]
    ]);
  });

  it('a stakeholder as written carries the three fields', () => {
    const row: AlertRow = { Id: 'a05000000000001AAA', Change_Alert__c: 'Title changed', Change_Detected__c: D, Previous_Title__c: 'CFO' };
    expect(stakeholderAsWritten(stakeholder(), row)).toMatchObject({ changeAlert: 'Title changed', changeDetected: D, previousTitle: 'CFO', buyingRole: 'Champion' });
  });
});
