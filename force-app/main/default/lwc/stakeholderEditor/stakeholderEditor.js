import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import LINK_TYPE_FIELD from '@salesforce/schema/Stakeholder_Link__c.Type__c';
import ACCOUNT_FIELD from '@salesforce/schema/Stakeholder__c.Account__c';
import CONTACT_FIELD from '@salesforce/schema/Stakeholder__c.Contact__c';
import UNIQUE_KEY_FIELD from '@salesforce/schema/Stakeholder__c.Unique_Key__c';
import { formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';
import { alertLabels } from 'c/changeAlerts';

const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/** "Supporter ↓ decaying over the last 90 days" for the read-only details. */
function withTrend(text, trend) {
  return text && trend ? `${text} ${trend.symbol} ${trend.words}` : text;
}
// Clearing a change alert blanks these; the action shows only to a user who may edit all three.
const ALERT_FIELDS = ['Change_Alert__c', 'Change_Detected__c', 'Previous_Title__c'];
// The fields the form offers, in order; each only when the user may read it.
const FORM_FIELDS = [
  'Buying_Role__c',
  'Influence__c',
  'Attitude__c',
  'Relationship_Strength__c',
  'Relationship_Owner__c',
  'Last_Interaction__c',
  'Notes__c'
];

/**
 * One person of the map, in a panel beside the chart: a link to the contact record, the
 * stakeholder form (lightning-record-edit-form: the platform validates and saves) when the user
 * may edit, the person's open change alert (cleared by a user who may edit it), the informal
 * links. Events: `saved` ({ contactId }), `close`, `addlink` ({ toContactId, type }),
 * `removelink` ({ id }), `clearalert` ({ stakeholderId }).
 */
export default class StakeholderEditor extends NavigationMixin(LightningElement) {
  /** describePerson() of the person; another person starts afresh. */
  @api
  get person() {
    return this._person;
  }
  set person(value) {
    const another = !this._person || this._person.id !== value.id;
    this._person = value;
    if (another) {
      this.linkType = undefined;
      this.linkTarget = undefined;
      this.saving = false;
      this[NavigationMixin.GenerateUrl](this.contactPage).then((url) => {
        this.contactUrl = url;
      });
    }
  }
  @api accountId;
  /** May the user create (unmapped person) or update (mapped) the stakeholder record? */
  @api canEdit = false;
  /** ObjectInfo `fields` of Stakeholder__c: the form offers the readable ones. */
  @api fieldAccess = {};
  @api canLink = false;
  @api canUnlink = false;
  /** [{ id, text, removeTitle }] */
  @api links = [];
  @api errors;

  labels = labels;
  mapLabels = mapLabels;
  alertLabels = alertLabels;
  contactUrl;
  linkType;
  linkTarget;
  saving = false;
  _person;

  @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: LINK_TYPE_FIELD })
  linkTypes;

  /** Puts focus on the panel's heading (when it opens). */
  @api
  focus() {
    const heading = this.template.querySelector('.editor-heading');
    if (heading) {
      heading.focus();
    }
  }

  get contactPage() {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: this.person.id, objectApiName: 'Contact', actionName: 'view' }
    };
  }

  get heading() {
    if (!this.canEdit) {
      return this.person.name;
    }
    return formatLabel(
      this.person.mapped ? labels.mapEditPerson : labels.mapAddPerson,
      this.person.name
    );
  }

  get openContactLabel() {
    return formatLabel(mapLabels.mapOpenContact, this.person.name);
  }

  get stakeholderId() {
    return this.person.stakeholder ? this.person.stakeholder.id : undefined;
  }

  get formFields() {
    const access = this.fieldAccess || {};
    return FORM_FIELDS.filter((name) => access[name]).map((name) => ({ name }));
  }

  get details() {
    const p = this.person;
    return [
      [labels.mapColRole, p.roleText],
      [labels.mapColInfluence, p.influenceText],
      [
        labels.mapColAttitude,
        withTrend(p.attitudeText && `${p.attitudeSymbol} ${p.attitudeText}`, p.attitudeTrend)
      ],
      [labels.mapColStrength, withTrend(p.strengthText, p.strengthTrend)],
      [labels.mapColOwner, p.ownerText],
      [
        labels.mapColLastInteraction,
        [p.lastInteractionText, p.freshness].filter(Boolean).join(' · ')
      ]
    ]
      .filter(([, value]) => value)
      .map(([label, value]) => ({ label, value }));
  }

  /** The person's open change alert in words (c/changeAlerts alertView), or null. */
  get alert() {
    return (this.person && this.person.alert) || null;
  }

  get canClearAlert() {
    const access = this.fieldAccess || {};
    return (
      Boolean(this.alert) &&
      this.canEdit &&
      this.person.mapped &&
      ALERT_FIELDS.every((name) => access[name] && access[name].updateable)
    );
  }

  get clearAlertTitle() {
    return formatLabel(alertLabels.alertClearTitle, this.person.name);
  }

  get hasLinks() {
    return this.links && this.links.length > 0;
  }

  get showLinks() {
    return this.person.mapped && (this.hasLinks || this.canLink);
  }

  get linkTypeOptions() {
    const values = (this.linkTypes && this.linkTypes.data && this.linkTypes.data.values) || [];
    return values.map(({ label, value }) => ({ label, value }));
  }

  get contactFilter() {
    return { criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: this.accountId }] };
  }

  handleOpenContact(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate](this.contactPage);
  }

  handleSubmit(event) {
    event.preventDefault();
    const fields = { ...event.detail.fields };
    if (!this.person.mapped) {
      // A new stakeholder: this account, this contact, one record per pair.
      fields[ACCOUNT_FIELD.fieldApiName] = this.accountId;
      fields[CONTACT_FIELD.fieldApiName] = this.person.id;
      fields[UNIQUE_KEY_FIELD.fieldApiName] = `${this.accountId}:${this.person.id}`;
    }
    this.saving = true;
    this.template.querySelector('lightning-record-edit-form').submit(fields);
  }

  handleSuccess() {
    this.saving = false;
    this.dispatchEvent(new CustomEvent('saved', { detail: { contactId: this.person.id } }));
  }

  handleError() {
    // lightning-messages shows the platform's message; the user corrects and saves again.
    this.saving = false;
  }

  handleClearAlert() {
    this.dispatchEvent(
      new CustomEvent('clearalert', { detail: { stakeholderId: this.stakeholderId } })
    );
  }

  handleClose() {
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleLinkType(event) {
    this.linkType = event.detail.value;
  }

  handleLinkTarget(event) {
    this.linkTarget = event.detail.recordId || undefined;
  }

  handleAddLink() {
    this.dispatchEvent(
      new CustomEvent('addlink', {
        detail: {
          toContactId: this.linkTarget,
          type: this.linkType || this.linkTypeOptions.map((o) => o.value)[0]
        }
      })
    );
  }

  handleRemoveLink(event) {
    this.dispatchEvent(
      new CustomEvent('removelink', { detail: { id: event.currentTarget.dataset.id } })
    );
  }
}
