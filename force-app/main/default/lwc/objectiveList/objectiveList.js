import { LightningElement, api } from 'lwc';
import { labels } from 'c/tandemLabels';

/**
 * The Active plan's objectives. Events: `add` (new objective), `edit` ({ id }), `newtask` ({ id }).
 * Actions show only when the user may perform them.
 */
export default class ObjectiveList extends LightningElement {
  @api objectives = [];
  @api canCreate = false;
  @api canEdit = false;
  /** May the user add tasks to the objectives' action plans? */
  @api canAddTask = false;

  labels = labels;

  get hasObjectives() {
    return (this.objectives || []).length > 0;
  }

  handleAdd() {
    this.dispatchEvent(new CustomEvent('add'));
  }

  handleNewTask(event) {
    this.dispatchEvent(new CustomEvent('newtask', { detail: { id: event.detail.id } }));
  }

  handleEdit(event) {
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: event.detail.id } }));
  }
}
