// An objective's action plan as an Italian user reads it (translations/it.translation-meta.xml,
// the it-IT locale; status labels come translated from the platform).
import { createElement } from '@lwc/engine-dom';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

require('../../../../../test/jest-mocks/labels').mockItalian();
const ObjectiveTasks = require('c/objectiveTasks').default;

function mount(properties) {
  const element = createElement('c-objective-tasks', { is: ObjectiveTasks });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

const TASKS = [
  {
    id: '00T1',
    subject: 'Mappare i buyer',
    status: 'Completed',
    statusText: 'Completata',
    closed: true,
    dueDate: '2026-03-10',
    ownerName: 'Maya Chen'
  },
  {
    id: '00T2',
    subject: 'Proporre il pacchetto',
    status: 'In Progress',
    statusText: 'In corso',
    closed: false,
    dueDate: null,
    ownerName: 'Priya Nair'
  }
];

describe('c-objective-tasks in Italian', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('words the list, the share and the action in Italian', async () => {
    const element = mount({ tasks: TASKS, objectiveTitle: 'Quota di spesa', canAddTask: true });
    await Promise.resolve();
    expect(text($(element, '.slds-text-title_bold'))).toBe("Piano d'azione");
    // 1 di 2: 50 %.
    expect(text($(element, '.tasks-share'))).toMatch(/^1 attività su 2 completate · 50\s?%$/);
    expect($$(element, '.task-meta').map(text)).toEqual([
      'Maya Chen · Scadenza 10 mar 2026 · Completata',
      'Priya Nair · Senza scadenza · In corso'
    ]);
    const button = $(element, 'lightning-button.new-task');
    expect(button.label).toBe('Nuova attività');
    expect(button.title).toBe('Nuova attività per Quota di spesa');
  });

  it('says there are no tasks yet, and shows nothing to a reader when there are none', async () => {
    const planner = mount({ tasks: [], objectiveTitle: 'Quota di spesa', canAddTask: true });
    const reader = mount({ tasks: [], objectiveTitle: 'Quota di spesa', canAddTask: false });
    await Promise.resolve();
    expect(text($(planner, '.no-tasks'))).toBe('Nessuna attività.');
    expect($(reader, '.tasks')).toBeNull();
  });
});
