// Action plans under objectives: the Tasks whose WhatId is an objective, read in the plan's own
// query, listed under their objective with the share completed; "New task" opens the platform
// form (Task, related to the objective) for users who plan, not for the sponsor, who reads.
import { createElement } from '@lwc/engine-dom';
import AccountPlan from 'c/accountPlan';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import PlanRecordModal from 'c/planRecordModal';
import {
  deepQuery as $,
  deepQueryAll as $$,
  text
} from '../../../../../test/jest-utils/shadowQuery';

const mockPlan = require('./data/graphqlAccountPlan.json');
const mockSyncNone = require('./data/graphqlSyncNone.json');
const mockRepAccess = require('./data/getObjectInfosRep.json');
const mockSponsorAccess = require('./data/getObjectInfosSponsor.json');

jest.mock('lightning/uiRecordApi', () => ({ createRecord: jest.fn(), updateRecord: jest.fn() }), {
  virtual: true
});
jest.mock('c/tandemFormat', () => ({
  ...jest.requireActual('c/tandemFormat'),
  todayIso: jest.fn(() => '2026-03-31')
}));

const ACCOUNT_ID = '001000000000001AAA';
const SHARE_OF_WALLET = 'a02000000000001AAA';
const JOINT_LAB = 'a02000000000002AAA';

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

const task = (id, whatId, subject, status, closed, dueDate, owner) => ({
  node: {
    Id: id,
    WhatId: { value: whatId },
    Subject: { value: subject },
    Status: { value: status, displayValue: status },
    IsClosed: { value: closed },
    ActivityDate: { value: dueDate },
    Owner: owner ? { Name: { value: owner } } : null
  }
});

function withTasks(edges) {
  const data = JSON.parse(JSON.stringify(mockPlan));
  if (edges) {
    data.uiapi.query.Task = { edges };
  }
  return data;
}

// The persona's access plus Task: the baseline profile lets every user create tasks.
function withTaskAccess(access) {
  const data = JSON.parse(JSON.stringify(access));
  data.results.push({
    statusCode: 200,
    result: { apiName: 'Task', createable: true, updateable: true, deletable: false, fields: {} }
  });
  return data;
}

const TASKS = [
  task(
    '00T1',
    SHARE_OF_WALLET,
    'Map the maintenance buyers',
    'Completed',
    true,
    '2026-03-10',
    'Maya Chen'
  ),
  task(
    '00T2',
    SHARE_OF_WALLET,
    'Propose the service bundle',
    'In Progress',
    false,
    '2026-04-15',
    'Priya Nair'
  ),
  task('00T3', SHARE_OF_WALLET, 'Board review', 'Not Started', false, null, null)
];

async function mountWith(planData, access) {
  const element = createElement('c-account-plan', { is: AccountPlan });
  element.recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(planData, (config) => config.operationName === 'accountPlan');
  graphql.emit(mockSyncNone, (config) => config.operationName === 'accountPlanSync');
  getObjectInfos.emit(access);
  await flushPromises();
  return element;
}

const objective = (element, id) => $(element, `li.objective[data-id="${id}"]`);
const tasksOf = (element, id) =>
  $$(objective(element, id), 'li.task').map((li) => [
    text($(li, '.task-subject')),
    text($(li, '.task-meta')),
    li.className
  ]);

describe('c-account-plan action plans', () => {
  afterEach(() => {
    PlanRecordModal.open.mockReset();
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('lists each objective’s tasks with owner, due date and status, and the share completed', async () => {
    const element = await mountWith(withTasks(TASKS), withTaskAccess(mockRepAccess));
    expect(tasksOf(element, SHARE_OF_WALLET)).toEqual([
      ['Map the maintenance buyers', 'Maya Chen · Due Mar 10, 2026 · Completed', 'task task_done'],
      ['Propose the service bundle', 'Priya Nair · Due Apr 15, 2026 · In Progress', 'task'],
      ['Board review', '— · No due date · Not Started', 'task']
    ]);
    // 1 of 3 done: 33.3 %.
    expect(text($(objective(element, SHARE_OF_WALLET), '.tasks-share'))).toBe(
      '1 of 3 tasks completed · 33.3%'
    );
    expect(
      $(objective(element, SHARE_OF_WALLET), 'lightning-progress-bar.tasks-progress').value
    ).toBeCloseTo(33.33, 1);
    // An objective without tasks says so, and offers to plan one.
    expect(text($(objective(element, JOINT_LAB), '.no-tasks'))).toBe('No tasks yet.');
  });

  it('opens the Task form related to the objective, assigned to the user, from "New task"', async () => {
    PlanRecordModal.open.mockResolvedValue({ id: '00T9' });
    const element = await mountWith(withTasks(TASKS), withTaskAccess(mockRepAccess));
    const button = $(objective(element, JOINT_LAB), 'lightning-button.new-task');
    expect(button.title).toBe('New task for Joint lab launched');
    button.click();
    await flushPromises();
    expect(PlanRecordModal.open).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'task',
        parentId: JOINT_LAB,
        defaults: { Status: 'Not Started' },
        lookups: { OwnerId: expect.stringMatching(/^005/) }
      })
    );
  });

  it('shows the sponsor the tasks but no "New task" (they read the plan, they do not plan)', async () => {
    const element = await mountWith(withTasks(TASKS), withTaskAccess(mockSponsorAccess));
    expect(tasksOf(element, SHARE_OF_WALLET)).toHaveLength(3);
    expect($$(element, 'lightning-button.new-task')).toEqual([]);
    // Nothing to show under an objective without tasks.
    expect($(objective(element, JOINT_LAB), '.tasks')).toBeNull();
  });

  it('offers no "New task" while Task access is unknown, and shows none when tasks are hidden', async () => {
    const element = await mountWith(withTasks(null), mockRepAccess);
    expect($$(element, 'lightning-button.new-task')).toEqual([]);
    expect($$(element, 'li.task')).toEqual([]);
  });
});
