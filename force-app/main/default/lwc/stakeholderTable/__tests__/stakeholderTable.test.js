import { createElement } from '@lwc/engine-dom';
import StakeholderTable from 'c/stakeholderTable';

const PEOPLE = [
  {
    id: '003A',
    name: 'Giulia Bianchi',
    title: 'Chief Executive Officer',
    reportsToId: null,
    mapped: true,
    roleText: 'Economic Buyer',
    influenceText: 'High',
    attitudeText: 'Advocate',
    attitudeSymbol: '++',
    strengthText: 'Strong',
    ownerText: 'Maya Chen',
    lastInteractionText: '20 Mar 2026',
    freshness: '11 days ago',
    stale: false,
    alert: {
      value: 'Title changed',
      text: 'Title changed',
      lines: ['Previous title: CFO', 'Detected Mar 18, 2026']
    }
  },
  {
    id: '003B',
    name: 'Paolo Gallo',
    title: 'IT Manager',
    accountName: 'Bianchi GmbH',
    reportsToId: '003A',
    mapped: false
  }
];

function mount() {
  const element = createElement('c-stakeholder-table', { is: StakeholderTable });
  element.people = PEOPLE;
  document.body.appendChild(element);
  return element;
}

describe('c-stakeholder-table', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists every person with what we know of him, in the user’s words', async () => {
    const element = mount();
    await Promise.resolve();
    const table = element.shadowRoot.querySelector('lightning-datatable');
    expect(table.columns.map((c) => c.label)).toEqual([
      'Name',
      'Title',
      'Reports to',
      'Buying role',
      'Influence',
      'Attitude',
      'Relationship',
      'Relationship owner',
      'Last interaction',
      'Change alert'
    ]);
    expect(table.data[0]).toMatchObject({
      name: 'Giulia Bianchi',
      attitude: '++ Advocate',
      lastInteraction: '20 Mar 2026 · 11 days ago',
      alert: 'Title changed · Previous title: CFO · Detected Mar 18, 2026'
    });
    expect(table.data[1].alert).toBe('');
    expect(table.data[1]).toMatchObject({
      title: 'IT Manager · Bianchi GmbH',
      reportsTo: 'Giulia Bianchi',
      lastInteraction: 'Not mapped yet: select to add buying role, influence and attitude'
    });
  });

  it('selects the person whose name is clicked', async () => {
    const element = mount();
    const selected = [];
    element.addEventListener('selectperson', (e) => selected.push(e.detail.contactId));
    await Promise.resolve();
    element.shadowRoot.querySelector('lightning-datatable').dispatchEvent(
      new CustomEvent('rowaction', {
        detail: { action: { name: 'select' }, row: { id: '003B' } }
      })
    );
    expect(selected).toEqual(['003B']);
  });
});
