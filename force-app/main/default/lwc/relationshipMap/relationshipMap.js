import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord, deleteRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent, registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import STAKEHOLDER_OBJECT from '@salesforce/schema/Stakeholder__c';
import ACCOUNT_FIELD from '@salesforce/schema/Stakeholder__c.Account__c';
import CONTACT_FIELD from '@salesforce/schema/Stakeholder__c.Contact__c';
import UNIQUE_KEY_FIELD from '@salesforce/schema/Stakeholder__c.Unique_Key__c';
import BUYING_ROLE_FIELD from '@salesforce/schema/Stakeholder__c.Buying_Role__c';
import INFLUENCE_FIELD from '@salesforce/schema/Stakeholder__c.Influence__c';
import ATTITUDE_FIELD from '@salesforce/schema/Stakeholder__c.Attitude__c';
import STRENGTH_FIELD from '@salesforce/schema/Stakeholder__c.Relationship_Strength__c';
import OWNER_FIELD from '@salesforce/schema/Stakeholder__c.Relationship_Owner__c';
import LAST_INTERACTION_FIELD from '@salesforce/schema/Stakeholder__c.Last_Interaction__c';
import NOTES_FIELD from '@salesforce/schema/Stakeholder__c.Notes__c';
import LINK_OBJECT from '@salesforce/schema/Stakeholder_Link__c';
import LINK_ACCOUNT_FIELD from '@salesforce/schema/Stakeholder_Link__c.Account__c';
import LINK_FROM_FIELD from '@salesforce/schema/Stakeholder_Link__c.From__c';
import LINK_TO_FIELD from '@salesforce/schema/Stakeholder_Link__c.To__c';
import LINK_TYPE_FIELD from '@salesforce/schema/Stakeholder_Link__c.Type__c';
import { recordsOf, valueOf, parentValueOf } from 'c/graphqlRecords';
import { layoutOrgChart, navigationMap } from 'c/orgChartLayout';
import { coverageGaps, daysSinceInteraction, isStale, GAP } from 'c/coverageRules';
import { formatDate, formatLabel, todayIso, truncate, NO_VALUE } from 'c/tandemFormat';
import { labels, picklistLabel, picklistOptions } from 'c/tandemLabels';
import { chartGeometry, NODE_WIDTH, NODE_HEIGHT } from './mapGeometry';
import { downloadSvg, downloadPng } from './mapExport';

// ---- GraphQL query (the only read of this component) -------------------------------------
// The account's contacts (org chart by ReportsToId), their Stakeholder__c attributes and the
// informal Stakeholder_Link__c lines between them.
const RELATIONSHIP_MAP_QUERY = gql`
  query relationshipMap($recordId: ID) {
    uiapi {
      query {
        Contact(
          where: { AccountId: { eq: $recordId } }
          orderBy: { Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Title {
                value
              }
              ReportsToId {
                value
              }
            }
          }
        }
        Stakeholder__c(where: { Account__c: { eq: $recordId } }, first: 2000) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Buying_Role__c {
                value
              }
              Influence__c {
                value
              }
              Attitude__c {
                value
              }
              Relationship_Strength__c {
                value
              }
              Relationship_Owner__c {
                value
              }
              Relationship_Owner__r {
                Name {
                  value
                }
              }
              Last_Interaction__c {
                value
              }
              Notes__c {
                value
              }
            }
          }
        }
        Stakeholder_Link__c(where: { Account__c: { eq: $recordId } }, first: 2000) {
          edges {
            node {
              Id
              From__c {
                value
              }
              To__c {
                value
              }
              Type__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
// ---- end of GraphQL query ----------------------------------------------------------------

// Views derived from the model, cached per component between renders: the template reads
// `chart.*` many times per render and a map can hold hundreds of people. Kept outside the
// component's (reactive) fields so that caching never counts as a state change.
const derivedCache = new WeakMap();

const VIEW_CHART = 'chart';
const VIEW_TABLE = 'table';

// Attitude is shown with a colour AND a symbol AND a word, never colour alone.
const ATTITUDE_STYLE = {
  Advocate: { color: '#2e844a', symbol: '++' },
  Supporter: { color: '#3ba755', symbol: '+' },
  Neutral: { color: '#747474', symbol: '=' },
  Skeptic: { color: '#dd7a01', symbol: '−' },
  Detractor: { color: '#ba0517', symbol: '−−' }
};
const UNKNOWN_ATTITUDE = { color: '#aeaeae', symbol: '?' };
// Influence is the visual weight of the box border.
const INFLUENCE_STROKE = { High: 4, Medium: 2, Low: 1 };

// Which Stakeholder__c fields the edit form offers; `visibleKey` is the stakeholder property.
const FORM_FIELDS = [
  { field: BUYING_ROLE_FIELD, key: 'buyingRole' },
  { field: INFLUENCE_FIELD, key: 'influence' },
  { field: ATTITUDE_FIELD, key: 'attitude' },
  { field: STRENGTH_FIELD, key: 'strength' },
  { field: OWNER_FIELD, key: 'ownerId' },
  { field: LAST_INTERACTION_FIELD, key: 'lastInteraction' },
  { field: NOTES_FIELD, key: 'notes' }
];

function optionsWithNone(picklist) {
  return [{ value: '', label: labels.commonNone }, ...picklistOptions(picklist)];
}

function emptyToNull(value) {
  return value === '' || value === undefined ? null : value;
}

/**
 * The customer's buying centre as an org chart: who reports to whom, what role and influence
 * each person has, how they feel about us, who of ours owns the relationship and how fresh it
 * is; plus the coverage gaps an account team should close.
 */
export default class RelationshipMap extends LightningElement {
  @api recordId;
  /** "Chart" or "Table": how the map opens (design attribute). */
  @api defaultView = 'Chart';
  /** Days without interaction after which a relationship counts as stale (design attribute). */
  @api staleAfterDays = 90;

  labels = labels;
  wiredResult;
  data;
  errors;
  chosenView;
  selectedId;
  activeId;
  draft = {};
  saving = false;
  formErrors;
  actionErrors;
  linkDraft = { type: 'Influences', toId: '' };
  focusPending = false;
  editorFocusPending = false;
  model;

  get variables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, {
    query: RELATIONSHIP_MAP_QUERY,
    variables: '$variables',
    operationName: 'relationshipMap'
  })
  wiredMap(result) {
    this.wiredResult = result;
    const { data, errors } = result;
    if (data) {
      this.data = data;
      this.errors = undefined;
      this.model = this.buildModel(data);
      derivedCache.delete(this);
    } else if (errors) {
      this.errors = errors;
    }
  }

  renderedCallback() {
    if (this.editorFocusPending) {
      this.editorFocusPending = false;
      const heading = this.template.querySelector('.editor-heading');
      if (heading) {
        heading.focus();
      }
    }
    if (this.focusPending) {
      this.focusPending = false;
      const node = this.template.querySelector(`g.node[data-id="${this.activeId}"]`);
      if (node && typeof node.focus === 'function') {
        node.focus();
      }
    }
  }

  // ---- model ---------------------------------------------------------------------------

  get today() {
    return todayIso();
  }

  get staleThreshold() {
    const days = Number(this.staleAfterDays);
    return Number.isFinite(days) && days > 0 ? days : 90;
  }

  buildModel(data) {
    const contacts = recordsOf(data, 'Contact').map((node) => ({
      id: node.Id,
      name: valueOf(node, 'Name') || NO_VALUE,
      title: valueOf(node, 'Title'),
      reportsToId: valueOf(node, 'ReportsToId') || null
    }));
    const stakeholders = recordsOf(data, 'Stakeholder__c').map((node) => ({
      id: node.Id,
      contactId: valueOf(node, 'Contact__c'),
      buyingRole: valueOf(node, 'Buying_Role__c'),
      influence: valueOf(node, 'Influence__c'),
      attitude: valueOf(node, 'Attitude__c'),
      strength: valueOf(node, 'Relationship_Strength__c'),
      ownerId: valueOf(node, 'Relationship_Owner__c'),
      ownerName: parentValueOf(node, 'Relationship_Owner__r', 'Name'),
      lastInteraction: valueOf(node, 'Last_Interaction__c'),
      notes: valueOf(node, 'Notes__c')
    }));
    const contactById = new Map(contacts.map((c) => [c.id, c]));
    const stakeholderByContact = new Map();
    stakeholders.forEach((s) => {
      if (s.contactId && contactById.has(s.contactId)) {
        stakeholderByContact.set(s.contactId, { ...s, name: contactById.get(s.contactId).name });
      }
    });
    const contactByStakeholder = new Map(
      [...stakeholderByContact.values()].map((s) => [s.id, s.contactId])
    );
    const links = recordsOf(data, 'Stakeholder_Link__c')
      .map((node) => ({
        id: node.Id,
        fromContactId: contactByStakeholder.get(valueOf(node, 'From__c')),
        toContactId: contactByStakeholder.get(valueOf(node, 'To__c')),
        type: valueOf(node, 'Type__c')
      }))
      .filter((link) => link.fromContactId && link.toContactId);
    const layout = layoutOrgChart(
      contacts.map((c) => ({ id: c.id, parentId: c.reportsToId })),
      { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT }
    );
    const visibleFields = new Set(
      FORM_FIELDS.map((f) => f.key).filter(
        (key) => stakeholders.length === 0 || stakeholders.some((s) => s[key] !== undefined)
      )
    );
    return {
      contacts,
      contactById,
      stakeholderByContact,
      links,
      layout,
      moves: navigationMap(layout),
      geometry: chartGeometry(layout, links),
      visibleFields
    };
  }

  describe(contact) {
    const stakeholder = this.model.stakeholderByContact.get(contact.id);
    const today = this.today;
    const described = {
      id: contact.id,
      name: contact.name,
      title: contact.title,
      mapped: Boolean(stakeholder),
      stakeholder
    };
    if (!stakeholder) {
      return { ...described, attitudeStyle: UNKNOWN_ATTITUDE, stroke: 1 };
    }
    const attitude = stakeholder.attitude || 'Unknown';
    const days = daysSinceInteraction(stakeholder.lastInteraction, today);
    const stale = isStale(stakeholder.lastInteraction, today, this.staleThreshold);
    let freshness = null;
    if (stakeholder.lastInteraction !== undefined) {
      if (days === null) {
        freshness = labels.mapNoInteraction;
      } else {
        freshness = formatLabel(stale ? labels.mapStaleDaysAgo : labels.mapDaysAgo, days);
      }
    }
    return {
      ...described,
      roleText: stakeholder.buyingRole ? picklistLabel('buyingRole', stakeholder.buyingRole) : null,
      influenceText: stakeholder.influence
        ? picklistLabel('influence', stakeholder.influence)
        : null,
      attitudeText: stakeholder.attitude === undefined ? null : picklistLabel('attitude', attitude),
      attitudeStyle: ATTITUDE_STYLE[attitude] || UNKNOWN_ATTITUDE,
      strengthText: stakeholder.strength
        ? picklistLabel('relationshipStrength', stakeholder.strength)
        : null,
      ownerText:
        stakeholder.ownerId === undefined
          ? null
          : stakeholder.ownerName || (stakeholder.ownerId ? NO_VALUE : labels.mapNoOwner),
      lastInteractionText: stakeholder.lastInteraction
        ? formatDate(stakeholder.lastInteraction)
        : null,
      freshness,
      stale,
      stroke: INFLUENCE_STROKE[stakeholder.influence] || 1
    };
  }

  ariaLabelOf(person) {
    const parts = [person.name];
    if (person.title) {
      parts.push(person.title);
    }
    if (!person.mapped) {
      parts.push(labels.mapNotMapped);
      return parts.join('. ');
    }
    const add = (label, value) => {
      if (value) {
        parts.push(`${label}: ${value}`);
      }
    };
    add(labels.mapColRole, person.roleText);
    add(labels.mapColInfluence, person.influenceText);
    add(labels.mapColAttitude, person.attitudeText);
    add(labels.mapColStrength, person.strengthText);
    add(labels.mapColOwner, person.ownerText);
    add(labels.mapColLastInteraction, person.freshness);
    return parts.join('. ');
  }

  // ---- state -----------------------------------------------------------------------------

  connectedCallback() {
    this.refreshHandlerId = registerRefreshHandler(this, this.refreshData);
  }

  disconnectedCallback() {
    unregisterRefreshHandler(this.refreshHandlerId);
  }

  /** Another component changed records this one shows (a RefreshEvent reached the page). */
  refreshData() {
    return refreshGraphQL(this.wiredResult);
  }

  get isLoading() {
    return !this.data && !this.errors;
  }

  get hasLoadError() {
    return !this.data && Boolean(this.errors);
  }

  get hasContacts() {
    return Boolean(this.model) && this.model.contacts.length > 0;
  }

  get view() {
    if (this.chosenView) {
      return this.chosenView;
    }
    return String(this.defaultView).toLowerCase() === VIEW_TABLE ? VIEW_TABLE : VIEW_CHART;
  }

  get isChartView() {
    return this.view === VIEW_CHART;
  }

  get viewOptions() {
    return [
      { label: labels.mapViewChart, value: VIEW_CHART },
      { label: labels.mapViewTable, value: VIEW_TABLE }
    ];
  }

  handleViewChange(event) {
    this.chosenView = event.detail.value;
  }

  get currentActiveId() {
    if (this.activeId && this.model.contactById.has(this.activeId)) {
      return this.activeId;
    }
    return this.model.layout.roots[0];
  }

  // ---- chart -------------------------------------------------------------------------------

  cached(name, key, compute) {
    let entries = derivedCache.get(this);
    if (!entries) {
      entries = new Map();
      derivedCache.set(this, entries);
    }
    const entry = entries.get(name);
    if (entry && entry.key === key) {
      return entry.value;
    }
    const value = compute();
    entries.set(name, { key, value });
    return value;
  }

  get chart() {
    const key = [this.selectedId, this.currentActiveId, this.staleThreshold, this.today].join('|');
    return this.cached('chart', key, () => this.buildChart());
  }

  buildChart() {
    const { layout, geometry } = this.model;
    const activeId = this.currentActiveId;
    const nodes = layout.nodes.map((placed) => {
      const person = this.describe(this.model.contactById.get(placed.id));
      const selected = placed.id === this.selectedId;
      return {
        ...person,
        key: placed.id,
        transform: `translate(${placed.x} ${placed.y})`,
        nameLine: truncate(person.name, 26),
        titleLine: truncate(person.title || '', 32),
        roleLine: person.mapped
          ? truncate(
              [
                person.roleText,
                person.influenceText && formatLabel(labels.mapInfluenceShort, person.influenceText)
              ]
                .filter(Boolean)
                .join(' · '),
              34
            )
          : '',
        attitudeLine:
          person.mapped && person.attitudeText
            ? truncate(`${person.attitudeStyle.symbol} ${person.attitudeText}`, 18)
            : '',
        strengthLine: person.mapped ? truncate(person.strengthText || '', 14) : '',
        ownerLine: person.mapped && person.ownerText ? truncate(person.ownerText, 20) : '',
        freshnessLine: person.freshness ? truncate(person.freshness, 16) : '',
        freshnessColor: person.stale ? '#ba0517' : '#444444',
        notMappedLine: person.mapped ? '' : labels.mapNotMappedShort,
        borderColor: selected ? '#0176d3' : '#747474',
        borderWidth: selected ? Math.max(3, person.stroke) : person.stroke,
        boxDash: person.mapped ? null : '4 3',
        fill: person.mapped ? '#ffffff' : '#f3f3f3',
        tabIndex: placed.id === activeId ? '0' : '-1',
        ariaLabel: this.ariaLabelOf(person),
        ariaPressed: selected ? 'true' : 'false',
        fullName: person.name
      };
    });
    return {
      width: Math.max(layout.width, NODE_WIDTH),
      height: Math.max(layout.height, NODE_HEIGHT),
      viewBox: `0 0 ${Math.max(layout.width, NODE_WIDTH)} ${Math.max(layout.height, NODE_HEIGHT)}`,
      nodes,
      reportingLines: geometry.reportingLines,
      links: geometry.links.map((link) => ({
        ...link,
        labelText: picklistLabel('linkType', link.type)
      }))
    };
  }

  get chartLabel() {
    return formatLabel(labels.mapChartLabel, this.model.contacts.length);
  }

  handleNodeClick(event) {
    const id = event.currentTarget.dataset.id;
    this.activeId = id;
    this.openEditor(id);
  }

  handleNodeKeydown(event) {
    const id = event.currentTarget.dataset.id;
    const move = this.model.moves.get(id);
    let target = null;
    switch (event.key) {
      case 'ArrowUp':
        target = move.up;
        break;
      case 'ArrowDown':
        target = move.down;
        break;
      case 'ArrowLeft':
        target = move.left;
        break;
      case 'ArrowRight':
        target = move.right;
        break;
      case 'Home':
        target = this.model.layout.roots[0];
        break;
      case 'End':
        target = this.model.layout.roots[this.model.layout.roots.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.activeId = id;
        this.openEditor(id);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (target) {
      this.activeId = target;
      this.focusPending = true;
    }
  }

  // ---- table -------------------------------------------------------------------------------

  get tableRows() {
    return this.cached('table', [this.staleThreshold, this.today].join('|'), () =>
      this.buildTableRows()
    );
  }

  buildTableRows() {
    return this.model.contacts.map((contact) => {
      const person = this.describe(contact);
      const manager = contact.reportsToId ? this.model.contactById.get(contact.reportsToId) : null;
      return {
        ...person,
        key: contact.id,
        titleText: person.title || '',
        reportsToText: manager ? manager.name : '',
        roleCell: person.roleText || '',
        influenceCell: person.influenceText || '',
        attitudeCell: person.attitudeText
          ? `${person.attitudeStyle.symbol} ${person.attitudeText}`
          : '',
        strengthCell: person.strengthText || '',
        ownerCell: person.ownerText || '',
        lastInteractionCell: person.mapped
          ? [person.lastInteractionText, person.freshness].filter(Boolean).join(' · ')
          : labels.mapNotMapped,
        freshnessClass: person.stale ? 'slds-text-color_error' : '',
        editTitle: formatLabel(labels.mapEditPerson, person.name)
      };
    });
  }

  handleRowEdit(event) {
    this.openEditor(event.currentTarget.dataset.id);
  }

  // ---- coverage ----------------------------------------------------------------------------

  get gaps() {
    return this.cached('gaps', [this.staleThreshold, this.today].join('|'), () => this.buildGaps());
  }

  buildGaps() {
    const stakeholders = [...this.model.stakeholderByContact.values()];
    const threshold = this.staleThreshold;
    const joinNames = (people) => people.map((p) => p.name).join(', ');
    const text = {
      [GAP.NO_ECONOMIC_BUYER]: () => labels.mapGapNoEconomicBuyer,
      [GAP.NO_CHAMPION]: () => labels.mapGapNoChampion,
      [GAP.HIGH_INFLUENCE_NO_OWNER]: (people) =>
        formatLabel(labels.mapGapNoOwner, joinNames(people)),
      [GAP.HIGH_INFLUENCE_WEAK]: (people) => formatLabel(labels.mapGapWeak, joinNames(people)),
      [GAP.HIGH_INFLUENCE_OPPOSED]: (people) =>
        formatLabel(labels.mapGapOpposed, joinNames(people)),
      [GAP.HIGH_INFLUENCE_STALE]: (people) =>
        formatLabel(labels.mapGapStale, joinNames(people), threshold)
    };
    return coverageGaps(stakeholders, { today: this.today, staleAfterDays: threshold }).map(
      (gap) => ({
        key: gap.code,
        code: gap.code,
        text: text[gap.code](gap.people)
      })
    );
  }

  get hasGaps() {
    return this.gaps.length > 0;
  }

  // ---- editing a stakeholder ------------------------------------------------------------------

  openEditor(contactId) {
    const stakeholder = this.model.stakeholderByContact.get(contactId);
    this.selectedId = contactId;
    this.editorFocusPending = true;
    this.formErrors = undefined;
    this.actionErrors = undefined;
    this.linkDraft = { type: 'Influences', toId: '' };
    this.draft = {};
    FORM_FIELDS.forEach(({ key }) => {
      const value = stakeholder ? stakeholder[key] : null;
      this.draft[key] = value === undefined || value === null ? '' : value;
    });
  }

  get editor() {
    if (!this.selectedId || !this.model || !this.model.contactById.has(this.selectedId)) {
      return null;
    }
    const contact = this.model.contactById.get(this.selectedId);
    const stakeholder = this.model.stakeholderByContact.get(this.selectedId);
    const visible = this.model.visibleFields;
    return {
      heading: formatLabel(stakeholder ? labels.mapEditPerson : labels.mapAddPerson, contact.name),
      isNew: !stakeholder,
      showRole: visible.has('buyingRole'),
      showInfluence: visible.has('influence'),
      showAttitude: visible.has('attitude'),
      showStrength: visible.has('strength'),
      showOwner: visible.has('ownerId'),
      showLastInteraction: visible.has('lastInteraction'),
      showNotes: visible.has('notes')
    };
  }

  get roleOptions() {
    return optionsWithNone('buyingRole');
  }

  get influenceOptions() {
    return optionsWithNone('influence');
  }

  get attitudeOptions() {
    return optionsWithNone('attitude');
  }

  get strengthOptions() {
    return optionsWithNone('relationshipStrength');
  }

  handleDraftChange(event) {
    const key = event.target.dataset.key;
    this.draft = { ...this.draft, [key]: event.detail.value };
  }

  handleOwnerChange(event) {
    this.draft = { ...this.draft, ownerId: event.detail.recordId || '' };
  }

  handleInteractedToday() {
    this.draft = { ...this.draft, lastInteraction: this.today };
  }

  handleCloseEditor() {
    this.selectedId = undefined;
    this.formErrors = undefined;
  }

  async handleSaveStakeholder() {
    const contactId = this.selectedId;
    const stakeholder = this.model.stakeholderByContact.get(contactId);
    const visible = this.model.visibleFields;
    const fields = {};
    FORM_FIELDS.forEach(({ field, key }) => {
      if (!visible.has(key)) {
        return;
      }
      const value = emptyToNull(this.draft[key]);
      const current = stakeholder ? emptyToNull(stakeholder[key]) : null;
      if (value !== current) {
        fields[field.fieldApiName] = value;
      }
    });
    this.saving = true;
    this.formErrors = undefined;
    try {
      if (stakeholder) {
        if (Object.keys(fields).length > 0) {
          await updateRecord({ fields: { Id: stakeholder.id, ...fields } });
        }
      } else {
        await createRecord({
          apiName: STAKEHOLDER_OBJECT.objectApiName,
          fields: {
            [ACCOUNT_FIELD.fieldApiName]: this.recordId,
            [CONTACT_FIELD.fieldApiName]: contactId,
            [UNIQUE_KEY_FIELD.fieldApiName]: `${this.recordId}:${contactId}`,
            ...fields
          }
        });
      }
      this.selectedId = undefined;
      this.toast(labels.mapSaved);
      // Every component on the page reloads (the sponsor panel's gaps follow the map's edits).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.formErrors = error;
    } finally {
      this.saving = false;
    }
  }

  // ---- informal links of the selected stakeholder ---------------------------------------------

  get selectedStakeholder() {
    return this.selectedId ? this.model.stakeholderByContact.get(this.selectedId) : undefined;
  }

  get selectedLinks() {
    const id = this.selectedId;
    return this.model.links
      .filter((link) => link.fromContactId === id || link.toContactId === id)
      .map((link) => {
        const outgoing = link.fromContactId === id;
        const other = this.model.contactById.get(outgoing ? link.toContactId : link.fromContactId);
        const typeText = picklistLabel('linkType', link.type);
        const text = outgoing
          ? `${typeText} ${other.name}`
          : formatLabel(labels.mapLinkIncoming, other.name, typeText);
        return {
          id: link.id,
          text,
          removeTitle: formatLabel(labels.mapLinkRemoveTitle, text)
        };
      });
  }

  get hasSelectedLinks() {
    return this.selectedLinks.length > 0;
  }

  get linkTypeOptions() {
    return picklistOptions('linkType');
  }

  get linkTargetOptions() {
    return [...this.model.stakeholderByContact.values()]
      .filter((s) => s.contactId !== this.selectedId)
      .map((s) => ({ value: s.id, label: s.name }));
  }

  get canAddLink() {
    return Boolean(this.selectedStakeholder) && this.linkTargetOptions.length > 0;
  }

  handleLinkDraftChange(event) {
    this.linkDraft = { ...this.linkDraft, [event.target.dataset.key]: event.detail.value };
  }

  async handleAddLink() {
    const from = this.selectedStakeholder;
    if (!from || !this.linkDraft.toId) {
      this.actionErrors = [labels.mapLinkChooseTarget];
      return;
    }
    await this.write(() =>
      createRecord({
        apiName: LINK_OBJECT.objectApiName,
        fields: {
          [LINK_ACCOUNT_FIELD.fieldApiName]: this.recordId,
          [LINK_FROM_FIELD.fieldApiName]: from.id,
          [LINK_TO_FIELD.fieldApiName]: this.linkDraft.toId,
          [LINK_TYPE_FIELD.fieldApiName]: this.linkDraft.type
        }
      })
    );
    this.linkDraft = { type: this.linkDraft.type, toId: '' };
  }

  async handleRemoveLink(event) {
    const id = event.currentTarget.dataset.id;
    await this.write(() => deleteRecord(id));
  }

  async write(operation) {
    this.actionErrors = undefined;
    try {
      await operation();
      this.toast(labels.mapSaved);
      // Every component on the page reloads (the sponsor panel's gaps follow the map's edits).
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.actionErrors = error;
    }
  }

  // ---- export --------------------------------------------------------------------------------

  chartElement() {
    return this.template.querySelector('svg.org-chart');
  }

  handleExportSvg() {
    this.runExport(() => downloadSvg(this.chartElement(), 'relationship-map.svg'));
  }

  handleExportPng() {
    this.runExport(() => downloadPng(this.chartElement(), 'relationship-map.png'));
  }

  async runExport(operation) {
    this.actionErrors = undefined;
    try {
      await operation();
    } catch {
      // The browser's reason (canvas size, blocked download) means little to a user.
      this.actionErrors = [labels.mapExportFailed];
    }
  }

  toast(message) {
    this.dispatchEvent(new ShowToastEvent({ title: message, message: '', variant: 'success' }));
  }
}
