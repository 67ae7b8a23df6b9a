import { LightningElement, api } from 'lwc';
import { formatDate, formatLabel, formatNumber, formatPercent, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { objectiveTone, progressPercent } from 'c/planStatus';

// lightning-progress-bar variants: its bar takes the status colour, so 31 % Achieved and
// 47 % Not started no longer look alike.
const BAR_CLASS = {
  success: 'progress progress_success',
  warning: 'progress progress_warning',
  error: 'progress progress_error',
  neutral: 'progress'
};

/**
 * One plan objective: measure, status, category, due date, owner, progress toward target and its
 * action plan (tasks). Events: `edit` ({ id }), `newtask` ({ id }).
 */
export default class ObjectiveItem extends LightningElement {
  /** An objective as c/planModel's readObjectives returns it. */
  @api objective;
  @api canEdit = false;
  @api canAddTask = false;

  labels = labels;

  get view() {
    const o = this.objective || {};
    const title = o.measure || o.name || NO_VALUE;
    const percent = progressPercent(o.currentValue, o.targetValue);
    const tone = objectiveTone(o.status);
    return {
      title,
      statusText: o.statusLabel || o.status || null,
      tone,
      categoryText: o.categoryLabel || o.category || null,
      dueLine: o.dueDate ? formatLabel(labels.planObjectiveDueOn, formatDate(o.dueDate)) : null,
      ownerText: o.ownerName,
      showProgress: o.targetValue !== undefined && o.currentValue !== undefined,
      progressText: formatLabel(
        labels.planProgress,
        formatNumber(o.currentValue),
        formatNumber(o.targetValue)
      ),
      hasPercent: percent !== null,
      percentText: formatPercent(percent),
      progressValue: percent === null ? 0 : Math.max(0, Math.min(100, percent)),
      barClass: BAR_CLASS[tone] || BAR_CLASS.neutral,
      editTitle: formatLabel(labels.planEditItem, title)
    };
  }

  handleNewTask() {
    this.dispatchEvent(new CustomEvent('newtask', { detail: { id: this.objective.id } }));
  }

  handleEdit() {
    this.dispatchEvent(new CustomEvent('edit', { detail: { id: this.objective.id } }));
  }
}
