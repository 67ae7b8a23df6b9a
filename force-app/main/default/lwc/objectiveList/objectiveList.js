import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';

/**
 * The Active plan's objectives. Events: `add` (new objective), `edit` ({ id }).
 * Actions show only when the user may perform them.
 */
export default class ObjectiveList extends LightningElement {
  @api objectives = [];
  @api canCreate = false;
  @api canEdit = false;

  labels = labels;

  get hasObjectives() {
    return (this.objectives || []).length > 0;
  }

  handleAdd() {
    this.dispatchEvent(new CustomEvent('add'));
  }

  handleEdit(event) {
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: event.detail.id } }));
  }
}
