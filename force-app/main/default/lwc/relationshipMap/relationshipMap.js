import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import STAKEHOLDER_OBJECT from '@salesforce/schema/Stakeholder__c';
import LINK_OBJECT from '@salesforce/schema/Stakeholder_Link__c';
import { toggled } from 'c/orgChartView';
import { accessByObject } from 'c/objectAccess';
import { todayIso } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { GraphqlWireMixin } from 'c/graphqlWire';
import { alertLabels } from 'c/changeAlerts';
import { windowStartDateTime } from 'c/relationshipTrends';
import { RELATIONSHIP_MAP_QUERY, CHILD_CONTACTS_QUERY } from './mapQuery';
import { readPeople } from './mapModel';
import { mapViewOf } from './chartModel';
import { addLink, clearAlert, removeLink } from './linkWrites';
import {
  afterRead,
  chosenView,
  freshView,
  openingView,
  searched,
  selecting,
  staleAfter
} from './mapState';

const OBJECTS = [STAKEHOLDER_OBJECT, LINK_OBJECT];
const [STAKEHOLDER, LINK] = OBJECTS.map((object) => object.objectApiName);

/**
 * The customer's buying centre as an org chart. Owns the data (one GraphQL query, the child
 * accounts' contacts on request, the user's access) and the writes of informal links; computes
 * the view models when the data or the user's choices change (the rules live in mapState,
 * chartModel and linkWrites). Children render: the org chart, the coverage gaps, the table, the
 * stakeholder panel beside the chart and the legend.
 */
export default class RelationshipMap extends GraphqlWireMixin(LightningElement) {
  /** The account; another account starts with a fresh view (folded to fit, nothing selected). */
  @api
  get recordId() {
    return this._recordId;
  }
  set recordId(value) {
    this._recordId = value;
    Object.assign(this, freshView());
  }
  /** "Chart" or "Table": how the map opens (design attribute). */
  @api defaultView = 'Chart';
  /** Days without interaction after which a relationship counts as stale (design attribute). */
  @api staleAfterDays = 90;

  labels = labels;
  _recordId;
  childData;
  view;
  isChartView;
  withChildAccounts = false;
  mappedOnly = false;
  searchTerm = '';
  matchIds = [];
  collapsed;
  selectedId;
  actionErrors;
  access = accessByObject(undefined, [STAKEHOLDER, LINK]);
  // View models: computed when the data or a choice changes (readData, rebuild), not in getters.
  /** readPeople(): model, forest, people, personList, gaps. */
  read;
  chart;
  selected;
  selectedLinks = [];

  get variables() {
    return { recordId: this.recordId, since: windowStartDateTime(todayIso()) };
  }

  get childVariables() {
    return { recordId: this.recordId };
  }

  @wire(graphql, {
    query: RELATIONSHIP_MAP_QUERY,
    variables: '$variables',
    operationName: 'relationshipMap'
  })
  wiredMap(result) {
    if (this.receiveGraphql(result)) {
      this.readData();
    }
  }

  /** Undefined (no request) until the user asks for the child accounts' contacts. */
  get childQuery() {
    return this.withChildAccounts ? CHILD_CONTACTS_QUERY : undefined;
  }

  @wire(graphql, {
    query: '$childQuery',
    variables: '$childVariables',
    operationName: 'relationshipMapChildren'
  })
  wiredChildren(result) {
    if (result.data) {
      this.childData = result.data;
      this.readData();
    } else if (result.errors) {
      this.actionErrors = result.errors;
    }
  }

  @wire(getObjectInfos, { objectApiNames: OBJECTS })
  wiredAccess(result) {
    this.access = accessByObject(result && result.data, [STAKEHOLDER, LINK]);
    this.rebuild();
  }

  connectedCallback() {
    Object.assign(this, openingView(this.defaultView));
    super.connectedCallback();
  }

  renderedCallback() {
    if (this.editorFocusPending && this.refs.editor) {
      this.editorFocusPending = false;
      this.refs.editor.focus();
    }
  }

  // ---- view models ----------------------------------------------------------------------

  readData() {
    this.read = readPeople(this.data, this.withChildAccounts ? this.childData : undefined, {
      today: todayIso(),
      staleAfterDays: staleAfter(this.staleAfterDays)
    });
    const width = this.template.host.getBoundingClientRect().width;
    Object.assign(this, afterRead(this.read, this, width));
    this.rebuild();
  }

  /** Applies a change of the user's choices and recomputes what they show. */
  choose(change) {
    Object.assign(this, change);
    this.rebuild();
  }

  rebuild() {
    if (this.read) {
      Object.assign(this, mapViewOf(this.read, this, this.access[STAKEHOLDER]));
    }
  }

  // ---- what the template reads (cheap) -----------------------------------------------------

  get hasContacts() {
    return Boolean(this.read) && this.read.personList.length > 0;
  }

  // ---- the user's choices -----------------------------------------------------------------

  handleViewChange(event) {
    Object.assign(this, chosenView(event.detail.value));
  }

  handleSearch(event) {
    this.choose(searched(this.read, this, event.detail.term));
    if (this.matchIds.length > 0 && this.refs.chart) {
      this.refs.chart.showPerson(this.matchIds[0]);
    }
  }

  handleMappedOnly(event) {
    this.choose({ mappedOnly: event.detail.value });
  }

  handleChildAccounts(event) {
    this.withChildAccounts = event.detail.value;
    this.readData();
  }

  handleExpandAll() {
    this.choose({ collapsed: new Set() });
  }

  handleToggleBranch(event) {
    this.choose({ collapsed: toggled(this.collapsed, event.detail.contactId) });
  }

  handleSelectPerson(event) {
    const id = event.detail.contactId;
    this.actionErrors = undefined;
    this.editorFocusPending = true;
    this.choose(selecting(this.read, this, id));
    // Chosen from the gaps or the table: bring him into view on the chart.
    if (this.refs.chart && event.target !== this.refs.chart) {
      this.refs.chart.showPerson(id);
    }
  }

  /** Closes the panel; focus returns to the person on the chart. */
  handleCloseEditor() {
    const id = this.selectedId;
    this.choose({ selectedId: undefined });
    if (this.refs.chart && id) {
      this.refs.chart.focusPerson(id);
    }
  }

  handleSaved() {
    this.announceSaved();
    this.handleCloseEditor();
  }

  // ---- informal links ---------------------------------------------------------------------

  async handleAddLink(event) {
    this.actionErrors = undefined;
    this.afterWrite(await addLink(this.read.model, this.selectedId, event.detail, this.recordId));
  }

  async handleRemoveLink(event) {
    this.actionErrors = undefined;
    this.afterWrite(await removeLink(event.detail.id));
  }

  async handleClearAlert(event) {
    this.actionErrors = undefined;
    this.afterWrite(await clearAlert(event.detail.stakeholderId), alertLabels.alertCleared);
  }

  afterWrite({ saved, errors }, title) {
    this.actionErrors = errors;
    if (saved) {
      this.announceSaved(title);
    }
  }

  /** Says so, and reloads every component on the page (the sponsor panel's gaps follow the map). */
  announceSaved(title = labels.mapSaved) {
    this.dispatchEvent(new ShowToastEvent({ title, message: '', variant: 'success' }));
    this.dispatchEvent(new RefreshEvent());
  }
}
