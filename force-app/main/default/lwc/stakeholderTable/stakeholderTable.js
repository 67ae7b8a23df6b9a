import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';
import { formatLabel } from 'c/tandemFormat';
import { alertLabels } from 'c/changeAlerts';

const text = (fieldName, label, extra = {}) => ({ label, fieldName, wrapText: true, ...extra });

const COLUMNS = [
  {
    label: labels.mapColName,
    fieldName: 'name',
    type: 'button',
    typeAttributes: {
      label: { fieldName: 'name' },
      name: 'select',
      variant: 'base',
      title: { fieldName: 'selectTitle' }
    },
    wrapText: true
  },
  text('title', labels.mapColTitle),
  text('reportsTo', labels.mapColReportsTo),
  text('role', labels.mapColRole),
  text('influence', labels.mapColInfluence),
  text('attitude', labels.mapColAttitude),
  text('strength', labels.mapColStrength),
  text('owner', labels.mapColOwner),
  text('lastInteraction', labels.mapColLastInteraction, {
    cellAttributes: { class: { fieldName: 'freshnessClass' } }
  }),
  text('alert', alertLabels.mapColAlert, {
    cellAttributes: { class: { fieldName: 'alertClass' } }
  })
];

/**
 * The same people as the chart, as a table (lightning-datatable). Event: `selectperson`
 * ({ contactId }) from a name.
 */
export default class StakeholderTable extends LightningElement {
  columns = COLUMNS;
  rows = [];
  label = '';
  _people = [];
  _mappedOnly = false;

  /** Lists only the people with a stakeholder record. */
  @api
  get mappedOnly() {
    return this._mappedOnly;
  }
  set mappedOnly(value) {
    this._mappedOnly = Boolean(value);
    this.buildRows();
  }

  /** describePerson() of each person, in the order to list them. */
  @api
  get people() {
    return this._people;
  }
  set people(value) {
    this._people = value || [];
    this.buildRows();
  }

  buildRows() {
    const nameOf = new Map(this._people.map((p) => [p.id, p.name]));
    const people = this._mappedOnly ? this._people.filter((p) => p.mapped) : this._people;
    this.label = formatLabel(mapLabels.mapTableLabel, people.length);
    this.rows = people.map((p) => ({
      id: p.id,
      name: p.name,
      selectTitle: formatLabel(mapLabels.mapSelectPerson, p.name),
      title: [p.title, p.accountName].filter(Boolean).join(' · '),
      reportsTo: nameOf.get(p.reportsToId) || '',
      role: p.roleText || '',
      influence: p.influenceText || '',
      attitude: p.attitudeText
        ? [p.attitudeSymbol, p.attitudeText, p.attitudeTrend && p.attitudeTrend.symbol]
            .filter(Boolean)
            .join(' ')
        : '',
      strength: [p.strengthText, p.strengthText && p.strengthTrend && p.strengthTrend.symbol]
        .filter(Boolean)
        .join(' '),
      owner: p.ownerText || '',
      lastInteraction: p.mapped
        ? [p.lastInteractionText, p.freshness].filter(Boolean).join(' · ')
        : labels.mapNotMapped,
      freshnessClass: p.stale ? 'slds-text-color_error' : '',
      alert: p.alert ? [p.alert.text, ...p.alert.lines].join(' · ') : '',
      alertClass: p.alert ? 'slds-text-color_error' : ''
    }));
  }

  handleRowAction(event) {
    this.dispatchEvent(
      new CustomEvent('selectperson', { detail: { contactId: event.detail.row.id } })
    );
  }
}
