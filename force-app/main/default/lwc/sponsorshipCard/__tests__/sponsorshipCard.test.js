import { createElement } from '@lwc/engine-dom';
import SponsorshipCard from 'c/sponsorshipCard';
import { getNavigateCalledWith } from 'lightning/navigation';
import { deepQuery as $, text } from '../../../../../test/jest-utils/shadowQuery';

jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const SPONSORSHIP = {
  id: 'a05000000000001AAA',
  sponsorId: '005000000000009AAA',
  sponsorName: 'Anna Rossi',
  sponsorTitle: 'Chief Operating Officer',
  counterpartId: '003000000000001AAA',
  counterpartName: 'Giulia Bianchi',
  counterpartTitle: 'CEO',
  role: 'Executive Sponsor',
  cadenceDays: 90,
  lastEngagement: '2025-12-01',
  nextEngagement: null,
  commitments: 'QBR with the CEO.'
};

async function mount(props) {
  const element = createElement('c-sponsorship-card', { is: SponsorshipCard });
  Object.assign(element, { sponsorship: SPONSORSHIP, ...props });
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

const badge = (node) => text(node.shadowRoot.querySelector('.badge-label'));

describe('c-sponsorship-card', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows an overdue engagement in red with the days since, computed from the cadence', async () => {
    const element = await mount();
    // 120 days since Dec 1 with a 90-day cadence.
    expect(badge($(element, '.status'))).toBe('Overdue');
    expect($(element, '.status').tone).toBe('error');
    expect(text($(element, '.days-since'))).toBe('Days since last engagement: 120');
    expect(text($(element, '.next'))).toBe('—');
    await expect(element).toBeAccessible();
  });

  it("shows the org's label of the role, also of one an admin added later", async () => {
    const element = await mount({
      sponsorship: { ...SPONSORSHIP, role: 'Board Liaison', roleLabel: 'Referente del CdA' }
    });
    expect($(element, 'c-status-badge.role').label).toBe('Referente del CdA');
  });

  it("links the counterpart to the contact's record page", async () => {
    const element = await mount();
    $(element, 'a.counterpart-link').click();
    expect(getNavigateCalledWith().pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000001AAA', actionName: 'view' }
    });
  });

  it('raises log, edit and, after confirmation, end with its id; shows only what the user may do', async () => {
    const element = await mount({ canLog: true, canEdit: true, canEnd: true });
    const events = [];
    ['logengagement', 'edit', 'end'].forEach((name) =>
      element.addEventListener(name, (event) => events.push([name, event.detail.id]))
    );
    $(element, 'lightning-button.log-engagement').click();
    $(element, 'lightning-button.edit-sponsorship').click();
    $(element, 'lightning-button.end-sponsorship').click();
    await Promise.resolve();
    expect(text($(element, '.confirm-text'))).toBe('End the sponsorship of Anna Rossi?');
    $(element, 'lightning-button.confirm-end').click();
    expect(events).toEqual([
      ['logengagement', SPONSORSHIP.id],
      ['edit', SPONSORSHIP.id],
      ['end', SPONSORSHIP.id]
    ]);

    const readOnly = await mount();
    expect($(readOnly, '.actions')).toBeNull();
  });
});
