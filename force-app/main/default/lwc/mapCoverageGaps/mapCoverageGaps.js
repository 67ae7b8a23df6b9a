import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';

/**
 * The coverage gaps an account team should close. Each name is a button that selects the
 * person on the map. Event: `selectperson` ({ contactId }).
 */
export default class MapCoverageGaps extends LightningElement {
  labels = labels;
  items = [];
  _gaps = [];

  /** [{ code, key, before, after, people: [{ contactId, name }] }] (see mapModel.gapsOf). */
  @api
  get gaps() {
    return this._gaps;
  }
  set gaps(value) {
    this._gaps = value || [];
    this.items = this._gaps.map((gap) => ({
      ...gap,
      people: gap.people.map((person, index) => ({
        ...person,
        key: `${gap.key || gap.code}-${person.contactId}`,
        separator: index > 0 ? ', ' : '',
        selectTitle: formatLabel(mapLabels.mapSelectPerson, person.name)
      }))
    }));
  }

  get hasGaps() {
    return this.items.length > 0;
  }

  handleSelect(event) {
    this.dispatchEvent(
      new CustomEvent('selectperson', { detail: { contactId: event.currentTarget.dataset.id } })
    );
  }
}
