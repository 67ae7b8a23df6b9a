import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';

/**
 * The Active plan's joint initiatives. Events: `add` (new initiative), `edit` ({ id }).
 * Actions show only when the user may perform them.
 */
export default class InitiativeList extends LightningElement {
  @api initiatives = [];
  @api canCreate = false;
  @api canEdit = false;

  labels = labels;

  get hasInitiatives() {
    return (this.initiatives || []).length > 0;
  }

  handleAdd() {
    this.dispatchEvent(new CustomEvent('add'));
  }

  handleEdit(event) {
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: event.detail.id } }));
  }
}
