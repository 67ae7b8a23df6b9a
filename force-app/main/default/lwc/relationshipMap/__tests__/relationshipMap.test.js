import { createElement } from '@lwc/engine-dom';
import RelationshipMap from 'c/relationshipMap';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord, deleteRecord } from 'lightning/uiRecordApi';

const mockMap = require('./data/graphqlRelationshipMap.json');
const mockNoContacts = require('./data/graphqlRelationshipMapNoContacts.json');
const mockRestricted = require('./data/graphqlRelationshipMapRestricted.json');
const mockCycle = require('./data/graphqlRelationshipMapCycle.json');

jest.mock(
  'lightning/uiRecordApi',
  () => ({ createRecord: jest.fn(), updateRecord: jest.fn(), deleteRecord: jest.fn() }),
  { virtual: true }
);
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const ACCOUNT_ID = '001000000000001AAA';
const GIULIA = '003000000000001AAA';
const MARCO = '003000000000002AAA';
const SARA = '003000000000003AAA';
const PAOLO = '003000000000004AAA';
const PAOLA = '003000000000005AAA';
const ADVISOR = '003000000000006AAA';

// A macrotask lets every chained promise (write → toast → refresh) settle.
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(properties = {}) {
  const element = createElement('c-relationship-map', { is: RelationshipMap });
  Object.assign(element, { recordId: ACCOUNT_ID, ...properties });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

async function mountWith(data, properties) {
  const element = await mount(properties);
  graphql.emit(data);
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
const node = (element, contactId) => $(element, `g.node[data-id="${contactId}"]`);
// SVG elements have no click() in jsdom.
const clickNode = (target) => target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
const gapTexts = (element) => $$(element, '.gap-text').map(text);

function change(target, value) {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-relationship-map', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  describe('states', () => {
    it('shows a spinner until the wire answers, then queries this account', async () => {
      const element = await mount();
      expect($(element, 'lightning-spinner')).not.toBeNull();
      expect(graphql.getLastConfig()).toEqual(
        expect.objectContaining({
          variables: { recordId: ACCOUNT_ID },
          operationName: 'relationshipMap'
        })
      );
    });

    it('shows a readable message when the wire fails', async () => {
      const element = await mount();
      graphql.emitErrors([{ message: 'Stakeholder__c is not supported by UI API' }]);
      await flushPromises();
      const panel = $(element, 'c-error-panel');
      expect(panel.friendlyMessage).toBe('The relationship map could not be loaded.');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'Stakeholder__c is not supported by UI API'
      );
      await expect(element).toBeAccessible();
    });

    it('invites to add contacts when the account has none, and names the missing roles', async () => {
      const element = await mountWith(mockNoContacts);
      expect(text($(element, '.empty'))).toBe(
        'This account has no contacts yet. Add contacts to map the buying centre.'
      );
      expect($(element, 'svg.org-chart')).toBeNull();
      expect(gapTexts(element)).toEqual([
        'No economic buyer identified.',
        'No champion identified.'
      ]);
      await expect(element).toBeAccessible();
    });
  });

  describe('org chart', () => {
    it('draws every contact once, with reporting lines and distinct informal links', async () => {
      const element = await mountWith(mockMap);
      expect($$(element, 'g.node')).toHaveLength(6);
      // Marco, Sara → Giulia; Paola → Marco; Paolo → Sara. The advisor's manager is
      // outside the account, so he is a second root.
      expect($$(element, 'path.reporting-line')).toHaveLength(4);
      const links = $$(element, 'g.informal-link');
      expect(links.map((l) => l.dataset.type)).toEqual(['Influences', 'Allied with']);
      // Informal links are dashed; a directed one carries an arrowhead.
      expect(links[0].querySelector('path').getAttribute('stroke-dasharray')).toBe('6 4');
      expect(links[0].querySelector('polygon')).not.toBeNull();
      expect(links[1].querySelector('polygon')).toBeNull();
      expect($$(element, '.link-labels text').map(text)).toEqual(['Influences', 'Allied with']);
      // The manager sits above his reports.
      const y = (id) =>
        Number(/translate\(\S+ (\S+)\)/.exec(node(element, id).getAttribute('transform'))[1]);
      expect(y(GIULIA)).toBeLessThan(y(MARCO));
      expect(y(MARCO)).toBeLessThan(y(PAOLA));
      await expect(element).toBeAccessible();
    });

    it('shows name, title, role, influence, attitude with symbol, strength, owner and freshness', async () => {
      const element = await mountWith(mockMap);
      const giulia = node(element, GIULIA);
      expect(text(giulia.querySelector('.node-name'))).toBe('Giulia Bianchi');
      expect(text(giulia.querySelector('.node-title'))).toBe('Chief Executive Officer');
      expect(text(giulia.querySelector('.node-role'))).toBe('Economic Buyer · High influence');
      // Attitude: a coloured symbol and the word, never colour alone.
      const [symbol, word] = giulia.querySelectorAll('.node-attitude tspan');
      expect([text(symbol), text(word)]).toEqual(['++', 'Advocate']);
      expect(symbol.getAttribute('fill')).toBe('#2e844a');
      expect(giulia.querySelector('rect:nth-of-type(2)').getAttribute('fill')).toBe('#2e844a');
      expect(text(giulia.querySelector('.node-strength'))).toBe('Strong');
      expect(text(giulia.querySelector('.node-owner'))).toBe('Anna Rossi');
      // 20 March → 31 March.
      expect(text(giulia.querySelector('.node-freshness'))).toBe('11 days ago');
      // High influence weighs more than medium.
      expect(giulia.querySelector('rect').getAttribute('stroke-width')).toBe('4');
      expect(node(element, SARA).querySelector('rect').getAttribute('stroke-width')).toBe('2');
      expect(giulia.getAttribute('aria-label')).toBe(
        'Giulia Bianchi. Chief Executive Officer. Buying role: Economic Buyer. Influence: High. ' +
          'Attitude: Advocate. Relationship: Strong. Relationship owner: Anna Rossi. Last interaction: 11 days ago'
      );
    });

    it('marks stale relationships in words, not only in red', async () => {
      const element = await mountWith(mockMap);
      // 1 November 2025 → 31 March 2026 = 30 + 31 + 31 + 28 + 30 = 150 days > 90.
      const freshness = node(element, MARCO).querySelector('.node-freshness');
      expect(text(freshness)).toBe('Stale: 150 days');
      expect(freshness.getAttribute('fill')).toBe('#ba0517');
      expect(text(node(element, MARCO).querySelector('.node-owner'))).toBe('No owner');
    });

    it('uses the stale threshold of the design attribute', async () => {
      const element = await mountWith(mockMap, { staleAfterDays: 10 });
      // Giulia: 11 days > 10.
      expect(text(node(element, GIULIA).querySelector('.node-freshness'))).toBe('Stale: 11 days');
    });

    it('shows contacts without a stakeholder record as not mapped yet', async () => {
      const element = await mountWith(mockMap);
      const paolo = node(element, PAOLO);
      expect(text(paolo.querySelector('.node-unmapped'))).toBe('Not mapped yet');
      expect(paolo.querySelector('rect').getAttribute('stroke-dasharray')).toBe('4 3');
      expect(paolo.querySelector('.node-role')).toBeNull();
    });

    it('truncates very long names in the chart but keeps them whole for assistive technology', async () => {
      const element = await mountWith(mockMap);
      const advisor = node(element, ADVISOR);
      expect(text(advisor.querySelector('.node-name'))).toBe('Maria Antonietta Giuseppi…');
      expect(advisor.getAttribute('aria-label')).toContain(
        'Maria Antonietta Giuseppina Carolina Wolfeschlegelsteinhausenbergerdorff-Montecuccoli'
      );
      expect(text(advisor.querySelector('title'))).toContain('Wolfeschlegelsteinhausenbergerdorff');
    });

    it('lays out a large account of 500 contacts', async () => {
      // Five reports per manager; every other contact mapped.
      const id = (prefix, n) => `${prefix}${String(n).padStart(15, '0')}`;
      const contacts = Array.from({ length: 500 }, (_, i) => ({
        node: {
          Id: id('003', i),
          Name: { value: `Contact ${i}` },
          Title: { value: 'Engineer' },
          ReportsToId: { value: i === 0 ? null : id('003', Math.floor((i - 1) / 5)) }
        }
      }));
      const stakeholders = contacts
        .filter((_, i) => i % 2 === 0)
        .map((c, i) => ({
          node: {
            Id: id('a03', i),
            Contact__c: { value: c.node.Id },
            Influence__c: { value: 'Medium' },
            Attitude__c: { value: 'Neutral' }
          }
        }));
      const element = await mountWith({
        uiapi: {
          query: {
            Contact: { edges: contacts },
            Stakeholder__c: { edges: stakeholders },
            Stakeholder_Link__c: { edges: [] }
          }
        }
      });
      expect($$(element, 'g.node')).toHaveLength(500);
      expect($$(element, 'path.reporting-line')).toHaveLength(499);
      expect($$(element, 'g.node[tabindex="0"]')).toHaveLength(1);
    });

    it('survives reporting cycles', async () => {
      const element = await mountWith(mockCycle);
      expect($$(element, 'g.node')).toHaveLength(4);
      // Ada → Cleo → Bea → Ada is cut once (Ada becomes a root); Dino reports to himself.
      expect($$(element, 'path.reporting-line')).toHaveLength(2);
    });
  });

  describe('keyboard navigation', () => {
    it('moves between people with the arrow keys, one tab stop at a time', async () => {
      const element = await mountWith(mockMap);
      const focusable = () => $$(element, 'g.node[tabindex="0"]').map((n) => n.dataset.id);
      expect(focusable()).toEqual([GIULIA]);

      const press = async (from, key) => {
        node(element, from).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await flushPromises();
      };
      await press(GIULIA, 'ArrowDown');
      expect(focusable()).toEqual([MARCO]);
      expect(element.shadowRoot.activeElement).toBe(node(element, MARCO));
      await press(MARCO, 'ArrowRight');
      expect(focusable()).toEqual([SARA]);
      await press(SARA, 'ArrowDown');
      expect(focusable()).toEqual([PAOLO]);
      await press(PAOLO, 'ArrowUp');
      expect(focusable()).toEqual([SARA]);
      await press(SARA, 'Home');
      expect(focusable()).toEqual([GIULIA]);
      await press(GIULIA, 'ArrowRight');
      expect(focusable()).toEqual([ADVISOR]);
      // No move past the edge.
      await press(ADVISOR, 'ArrowRight');
      expect(focusable()).toEqual([ADVISOR]);
    });

    it('opens the selected person for editing with Enter', async () => {
      const element = await mountWith(mockMap);
      node(element, MARCO).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })
      );
      await flushPromises();
      expect(text($(element, '.editor-heading'))).toBe('Edit Marco Verdi');
      expect(node(element, MARCO).getAttribute('aria-pressed')).toBe('true');
      expect(element.shadowRoot.activeElement).toBe($(element, '.editor-heading'));
    });
  });

  describe('coverage', () => {
    it('names the gaps an account team should close', async () => {
      const element = await mountWith(mockMap);
      expect(gapTexts(element)).toEqual([
        'No champion identified.',
        'High-influence stakeholders without a relationship owner: Marco Verdi',
        'High-influence stakeholders with a weak or no relationship: Marco Verdi',
        'High-influence skeptics or detractors: Marco Verdi',
        'High-influence stakeholders without an interaction in the last 90 days: Marco Verdi'
      ]);
    });

    it('does not report gaps about fields the user cannot see, nor offer them for editing', async () => {
      const element = await mountWith(mockRestricted);
      expect(gapTexts(element)).toEqual([
        'High-influence stakeholders with a weak or no relationship: Marco Verdi',
        'High-influence skeptics or detractors: Marco Verdi',
        'High-influence stakeholders without an interaction in the last 90 days: Marco Verdi'
      ]);
      expect(text(node(element, GIULIA).querySelector('.node-role'))).toBe('High influence');
      expect(node(element, GIULIA).querySelector('.node-owner').textContent.trim()).toBe('');
      clickNode(node(element, GIULIA));
      await flushPromises();
      expect($(element, '[data-key="buyingRole"]')).toBeNull();
      expect($(element, 'lightning-record-picker')).toBeNull();
      expect($(element, '[data-key="influence"]')).not.toBeNull();
    });
  });

  describe('editing', () => {
    it('creates the stakeholder, keyed by account and contact, for a contact not mapped yet', async () => {
      createRecord.mockResolvedValue({ id: 'a03000000000009AAA' });
      const element = await mountWith(mockMap);
      clickNode(node(element, PAOLO));
      await flushPromises();
      expect(text($(element, '.editor-heading'))).toBe('Map Paolo Gallo as a stakeholder');

      change($(element, '[data-key="buyingRole"]'), 'Champion');
      change($(element, '[data-key="influence"]'), 'High');
      change($(element, '[data-key="attitude"]'), 'Supporter');
      $(element, 'lightning-record-picker').dispatchEvent(
        new CustomEvent('change', { detail: { recordId: '005000000000002AAA' } })
      );
      await flushPromises();
      $(element, 'lightning-button.interacted-today').click();
      await flushPromises();
      $(element, 'lightning-button.save-stakeholder').click();
      await flushPromises();

      expect(createRecord).toHaveBeenCalledWith({
        apiName: 'Stakeholder__c',
        fields: {
          Account__c: ACCOUNT_ID,
          Contact__c: PAOLO,
          Unique_Key__c: `${ACCOUNT_ID}:${PAOLO}`,
          Buying_Role__c: 'Champion',
          Influence__c: 'High',
          Attitude__c: 'Supporter',
          Relationship_Owner__c: '005000000000002AAA',
          Last_Interaction__c: '2026-03-31'
        }
      });
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
      expect($(element, '.editor')).toBeNull();
    });

    it('updates only the changed fields of an existing stakeholder', async () => {
      updateRecord.mockResolvedValue({});
      const element = await mountWith(mockMap);
      clickNode(node(element, MARCO));
      await flushPromises();
      change($(element, '[data-key="strength"]'), 'Medium');
      change($(element, '[data-key="notes"]'), 'Budget owner for FY27.');
      await flushPromises();
      $(element, 'lightning-button.save-stakeholder').click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: {
          Id: 'a03000000000002AAA',
          Relationship_Strength__c: 'Medium',
          Notes__c: 'Budget owner for FY27.'
        }
      });
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('clears a field when "None" is chosen', async () => {
      updateRecord.mockResolvedValue({});
      const element = await mountWith(mockMap);
      clickNode(node(element, GIULIA));
      await flushPromises();
      change($(element, '[data-key="attitude"]'), '');
      await flushPromises();
      $(element, 'lightning-button.save-stakeholder').click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: 'a03000000000001AAA', Attitude__c: null }
      });
    });

    it('keeps the editor open and explains a failed save', async () => {
      createRecord.mockRejectedValue({
        body: {
          output: {
            errors: [{ message: 'duplicate value found: Unique_Key__c' }],
            fieldErrors: {}
          }
        }
      });
      const element = await mountWith(mockMap);
      clickNode(node(element, PAOLO));
      await flushPromises();
      $(element, 'lightning-button.save-stakeholder').click();
      await flushPromises();
      const panel = $(element, 'c-error-panel.form-error');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'duplicate value found: Unique_Key__c'
      );
      expect($(element, '.editor')).not.toBeNull();
      await expect(element).toBeAccessible();
    });

    it('closes the editor without writing on cancel', async () => {
      const element = await mountWith(mockMap);
      clickNode(node(element, GIULIA));
      await flushPromises();
      $(element, 'lightning-button.close-editor').click();
      await flushPromises();
      expect($(element, '.editor')).toBeNull();
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it("lists a stakeholder's informal links and adds one", async () => {
      createRecord.mockResolvedValue({ id: 'a04000000000009AAA' });
      const element = await mountWith(mockMap);
      clickNode(node(element, MARCO));
      await flushPromises();
      // Sara influences Marco (incoming).
      expect($$(element, '.link-text').map(text)).toEqual(['Sara Russo: Influences this person']);

      change($(element, '[data-key="type"]'), 'In conflict with');
      change($(element, '[data-key="toId"]'), 'a03000000000005AAA');
      await flushPromises();
      $(element, 'lightning-button.add-link').click();
      await flushPromises();
      expect(createRecord).toHaveBeenCalledWith({
        apiName: 'Stakeholder_Link__c',
        fields: {
          Account__c: ACCOUNT_ID,
          From__c: 'a03000000000002AAA',
          To__c: 'a03000000000005AAA',
          Type__c: 'In conflict with'
        }
      });
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });

    it('asks for the other person before adding a link', async () => {
      const element = await mountWith(mockMap);
      clickNode(node(element, MARCO));
      await flushPromises();
      $(element, 'lightning-button.add-link').click();
      await flushPromises();
      expect(createRecord).not.toHaveBeenCalled();
      const panel = $(element, 'c-error-panel.action-error');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'Choose the person this link goes to.'
      );
    });

    it('removes an informal link', async () => {
      deleteRecord.mockResolvedValue();
      const element = await mountWith(mockMap);
      clickNode(node(element, SARA));
      await flushPromises();
      expect($$(element, '.link-text').map(text)).toEqual([
        'Influences Marco Verdi',
        'Giulia Bianchi: Allied with this person'
      ]);
      $(element, 'li.link[data-id="a04000000000001AAA"] lightning-button-icon').click();
      await flushPromises();
      expect(deleteRecord).toHaveBeenCalledWith('a04000000000001AAA');
      expect(refreshGraphQL).toHaveBeenCalledTimes(1);
    });
  });

  describe('table view', () => {
    it('shows the same people as a table, switching from the chart', async () => {
      const element = await mountWith(mockMap);
      change($(element, 'lightning-radio-group'), 'table');
      await flushPromises();
      expect($(element, 'svg.org-chart')).toBeNull();
      const rows = $$(element, 'tr.person');
      expect(rows).toHaveLength(6);
      const marco = $(element, `tr.person[data-id="${MARCO}"]`);
      expect([...marco.querySelectorAll('th, td')].map(text)).toEqual([
        'Marco Verdi',
        'Chief Financial Officer',
        'Giulia Bianchi',
        'Decision Maker',
        'High',
        '− Skeptic',
        'Weak',
        'No owner',
        'Nov 1, 2025 · Stale: 150 days'
      ]);
      expect(text($(element, `tr.person[data-id="${PAOLO}"] td:last-child`))).toBe(
        'Not mapped yet: select to add buying role, influence and attitude'
      );
      await expect(element).toBeAccessible();
    });

    it('opens in table view when the page says so, and edits from a row', async () => {
      const element = await mountWith(mockMap, { defaultView: 'Table' });
      expect($(element, 'table.people')).not.toBeNull();
      expect($(element, 'lightning-button.export-svg')).toBeNull();
      $(element, `button.edit-person[data-id="${SARA}"]`).click();
      await flushPromises();
      expect(text($(element, '.editor-heading'))).toBe('Edit Sara Russo');
    });
  });

  describe('export', () => {
    it('downloads the chart as a standalone SVG file', async () => {
      const downloads = [];
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click() {
        downloads.push({ href: this.href, download: this.download });
      });
      const element = await mountWith(mockMap);
      $(element, 'lightning-button.export-svg').click();
      await flushPromises();
      expect(downloads).toHaveLength(1);
      expect(downloads[0].download).toBe('relationship-map.svg');
      const svg = decodeURIComponent(
        downloads[0].href.replace('data:image/svg+xml;charset=utf-8,', '')
      );
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain('Giulia Bianchi');
      expect(svg).not.toContain('tabindex');
    });

    it('downloads the chart as a PNG drawn from the SVG', async () => {
      const downloads = [];
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click() {
        downloads.push({ href: this.href, download: this.download });
      });
      const drawn = [];
      jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ({
        fillRect: jest.fn(),
        drawImage: (image, x, y, w, h) => drawn.push({ src: image.src, w, h })
      }));
      jest
        .spyOn(HTMLCanvasElement.prototype, 'toDataURL')
        .mockReturnValue('data:image/png;base64,iVBORw0KGgo=');
      // jsdom does not decode images: load it at once.
      jest.spyOn(window, 'Image').mockImplementation(function FakeImage() {
        const image = {};
        Object.defineProperty(image, 'src', {
          set(value) {
            this.currentSrc = value;
            this.onload();
          },
          get() {
            return this.currentSrc;
          }
        });
        return image;
      });
      const element = await mountWith(mockMap);
      const svg = $(element, 'svg.org-chart');
      $(element, 'lightning-button.export-png').click();
      await flushPromises();
      expect(downloads).toEqual([
        { href: 'data:image/png;base64,iVBORw0KGgo=', download: 'relationship-map.png' }
      ]);
      // Twice the chart's size, for crisp slides.
      expect(drawn).toEqual([
        expect.objectContaining({
          w: 2 * Number(svg.getAttribute('width')),
          h: 2 * Number(svg.getAttribute('height'))
        })
      ]);
      expect(drawn[0].src.startsWith('data:image/svg+xml')).toBe(true);
    });

    it('says so when the image cannot be produced', async () => {
      jest.spyOn(window, 'Image').mockImplementation(function FakeImage() {
        const image = {};
        Object.defineProperty(image, 'src', {
          set() {
            this.onerror();
          }
        });
        return image;
      });
      const element = await mountWith(mockMap);
      $(element, 'lightning-button.export-png').click();
      await flushPromises();
      const panel = $(element, 'c-error-panel.action-error');
      expect(text(panel.shadowRoot.querySelector('.messages'))).toBe(
        'The map could not be exported. Try the SVG export or a smaller map.'
      );
    });
  });
});
