import { LightningElement, api } from 'lwc';
import { formatDate, formatLabel, formatPercent, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { taskCompletion } from 'c/planModel';

/**
 * An objective's action plan: its tasks (subject, owner, due date, status) and the share
 * completed; "New task" for users who may plan. Event: `newtask`.
 */
export default class ObjectiveTasks extends LightningElement {
  /** readObjectiveTasks() rows of one objective. */
  @api tasks = [];
  /** The objective's title, for the button's accessible name. */
  @api objectiveTitle;
  @api canAddTask = false;

  labels = labels;

  get rows() {
    return (this.tasks || []).map((task) => ({
      id: task.id,
      subject: task.subject || NO_VALUE,
      className: task.closed ? 'task task_done' : 'task',
      meta: [
        task.ownerName || NO_VALUE,
        task.dueDate ? formatLabel(labels.tasksDue, formatDate(task.dueDate)) : labels.tasksNoDue,
        task.statusText || task.status || NO_VALUE
      ].join(' · ')
    }));
  }

  get hasTasks() {
    return (this.tasks || []).length > 0;
  }

  get show() {
    return this.hasTasks || this.canAddTask;
  }

  get completion() {
    const { done, total, percent } = taskCompletion(this.tasks || []);
    return {
      text: formatLabel(labels.tasksDoneShare, done, total),
      percentText: formatPercent(percent),
      value: percent === null ? 0 : percent
    };
  }

  get newTaskTitle() {
    return formatLabel(labels.tasksNewFor, this.objectiveTitle || NO_VALUE);
  }

  handleNewTask() {
    this.dispatchEvent(new CustomEvent('newtask'));
  }
}
