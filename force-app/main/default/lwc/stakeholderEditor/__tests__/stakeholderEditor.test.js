import { createElement } from '@lwc/engine-dom';
import StakeholderEditor from 'c/stakeholderEditor';
import { getNavigateCalledWith } from 'lightning/navigation';

const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
const ACCOUNT_ID = '001000000000001AAA';
const PAOLO = { id: '003B', name: 'Paolo Gallo', mapped: false };
const MARCO = {
  id: '003A',
  name: 'Marco Verdi',
  mapped: true,
  stakeholder: { id: 'a03A' },
  roleText: 'Decision Maker',
  attitudeText: 'Skeptic',
  attitudeSymbol: '−'
};
const FIELDS = { Buying_Role__c: {}, Influence__c: {}, Notes__c: {} };

function mount(properties) {
  const element = createElement('c-stakeholder-editor', { is: StakeholderEditor });
  Object.assign(element, { accountId: ACCOUNT_ID, fieldAccess: FIELDS, ...properties });
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-stakeholder-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('maps a new person through the record form, keyed by account and contact', async () => {
    const element = mount({ person: PAOLO, canEdit: true });
    await Promise.resolve();
    expect(text($(element, '.editor-heading'))).toBe('Map Paolo Gallo as a stakeholder');
    const form = $(element, 'lightning-record-edit-form');
    expect(form.recordId).toBeUndefined();
    expect(
      [...element.shadowRoot.querySelectorAll('lightning-input-field')].map((f) => f.fieldName)
    ).toEqual(['Buying_Role__c', 'Influence__c', 'Notes__c']);
    form.submit = jest.fn();
    form.dispatchEvent(
      new CustomEvent('submit', { cancelable: true, detail: { fields: { Influence__c: 'High' } } })
    );
    expect(form.submit).toHaveBeenCalledWith({
      Influence__c: 'High',
      Account__c: ACCOUNT_ID,
      Contact__c: '003B',
      Unique_Key__c: `${ACCOUNT_ID}:003B`
    });
    const saved = [];
    element.addEventListener('saved', (e) => saved.push(e.detail.contactId));
    form.dispatchEvent(new CustomEvent('success', { detail: { id: 'a03B' } }));
    expect(saved).toEqual(['003B']);
  });

  it('edits a mapped person’s record and links to the contact', async () => {
    const element = mount({ person: MARCO, canEdit: true, canLink: true, links: [] });
    await Promise.resolve();
    expect(text($(element, '.editor-heading'))).toBe('Edit Marco Verdi');
    expect($(element, 'lightning-record-edit-form').recordId).toBe('a03A');
    const link = $(element, 'a.contact-link');
    expect(text(link)).toBe('Open the contact record of Marco Verdi');
    link.click();
    expect(getNavigateCalledWith().pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '003A', objectApiName: 'Contact', actionName: 'view' }
    });
    // The other person of a new link is picked among the account's contacts.
    expect($(element, 'lightning-record-picker').filter).toEqual({
      criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: ACCOUNT_ID }]
    });
    await expect(element).toBeAccessible();
  });

  it('shows a read-only user the details, without a form or link actions', async () => {
    const element = mount({
      person: MARCO,
      canEdit: false,
      links: [{ id: 'l1', text: 'Influences Sara Russo', removeTitle: 'Remove' }]
    });
    await Promise.resolve();
    expect($(element, 'lightning-record-edit-form')).toBeNull();
    expect([...element.shadowRoot.querySelectorAll('.details dd')].map(text)).toEqual([
      'Decision Maker',
      '− Skeptic'
    ]);
    expect(text($(element, '.link-text'))).toBe('Influences Sara Russo');
    expect($(element, '.remove-link')).toBeNull();
    expect($(element, '.add-link')).toBeNull();
  });

  it('shows the history of a mapped person (to readers and editors alike), none for an unmapped one', async () => {
    const reader = mount({ person: MARCO, canEdit: false });
    await Promise.resolve();
    const history = $(reader, 'c-stakeholder-history');
    expect(history.stakeholderId).toBe('a03A');
    expect(history.fields).toEqual(FIELDS);
    const unmapped = mount({ person: PAOLO, canEdit: true });
    await Promise.resolve();
    expect($(unmapped, 'c-stakeholder-history')).toBeNull();
  });

  it('says the attitude trend in words in the read-only details', async () => {
    const element = mount({
      person: {
        ...MARCO,
        attitudeTrend: { symbol: '↓', words: 'decaying over the last 90 days' }
      },
      canEdit: false
    });
    await Promise.resolve();
    const details = [...element.shadowRoot.querySelectorAll('dd')].map(text);
    expect(details).toContain('− Skeptic ↓ decaying over the last 90 days');
  });
});

describe('c-stakeholder-editor change alert', () => {
  const ALERTED = {
    ...MARCO,
    alert: {
      value: 'Title changed',
      text: 'Title changed',
      lines: ['Previous title: CFO', 'Detected Jun 15, 2026'],
      badgeTitle: 'Change alert: Title changed'
    }
  };
  const editable = { updateable: true };
  const noticeOf = (element) =>
    [...element.shadowRoot.querySelectorAll('.change-alert p')].map(text);
  const ALERT_ACCESS = {
    ...FIELDS,
    Change_Alert__c: editable,
    Change_Detected__c: editable,
    Previous_Title__c: editable
  };

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows the alert, and a user who may edit its fields clears it', async () => {
    const element = mount({ person: ALERTED, canEdit: true, fieldAccess: ALERT_ACCESS });
    await Promise.resolve();
    expect(noticeOf(element)).toEqual([
      'Title changed',
      'Previous title: CFO',
      'Detected Jun 15, 2026'
    ]);
    expect($(element, 'lightning-button.clear-alert').label).toBe('Clear alert');
    const cleared = [];
    element.addEventListener('clearalert', (e) => cleared.push(e.detail));
    $(element, 'lightning-button.clear-alert').click();
    expect(cleared).toEqual([{ stakeholderId: 'a03A' }]);
  });

  it('offers no clearing without edit access to all three fields, or to a read-only user', async () => {
    const partial = { ...ALERT_ACCESS, Previous_Title__c: { updateable: false } };
    const element = mount({ person: ALERTED, canEdit: true, fieldAccess: partial });
    await Promise.resolve();
    expect($(element, '.change-alert')).not.toBeNull();
    expect($(element, '.clear-alert')).toBeNull();
    const sponsorView = mount({ person: ALERTED, canEdit: false, fieldAccess: ALERT_ACCESS });
    await Promise.resolve();
    expect(noticeOf(sponsorView)).toEqual([
      'Title changed',
      'Previous title: CFO',
      'Detected Jun 15, 2026'
    ]);
    expect($(sponsorView, '.clear-alert')).toBeNull();
  });

  it('shows nothing about alerts for a person without one', async () => {
    const element = mount({ person: MARCO, canEdit: true, fieldAccess: ALERT_ACCESS });
    await Promise.resolve();
    expect($(element, '.change-alert')).toBeNull();
  });
});
