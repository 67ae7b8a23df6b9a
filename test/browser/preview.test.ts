// The real components in a real browser against the whole local product: the demo org in the
// emulator, a full sync by the sync service, the preview server. One stack and one Chromium for
// the suite (the build and the sync are the slow parts).
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_CAPTURED_ACCOUNT, DEMO_GAP_ACCOUNT, DEMO_LAPSED_ACCOUNT, DEMO_UNENGAGED_ACCOUNT } from '../emulator';
import { closeAllStacks, startStack, type Stack } from '../preview/stack';
import { passwordLogin } from '../preview/session';
import { readLabels } from '../preview/labels';
import type { OrgSession } from '../preview/server';
import { launchChromium, type Browser } from './chromium';

const TODAY = '2026-06-15';

let stack: Stack;
let browser: Browser;
let launching: Promise<Browser> | undefined;
let tornDown = false;
let page: Page;
let session: OrgSession;
const consoleErrors: string[] = [];

async function soql<T>(query: string): Promise<T[]> {
  const url = new URL(`/services/data/v64.0/query?q=${encodeURIComponent(query)}`, session.instanceUrl);
  const response = await fetch(url, { headers: { Authorization: `Bearer ${session.accessToken}` } });
  const body = (await response.json()) as { records: T[] };
  if (!response.ok) throw new Error(`${query}: ${JSON.stringify(body)}`);
  return body.records;
}

async function accountId(name: string): Promise<string> {
  const [account] = await soql<{ Id: string }>(`SELECT Id FROM Account WHERE Name = '${name}'`);
  if (!account) throw new Error(`no Account named ${name}`);
  return account.Id;
}

/** Polls an attribute until it has the expected value (the component re-renders when its poll sees the sync done). */
async function waitForAttribute(locator: Locator, name: string, expected: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await locator.getAttribute(name, { timeout: 1000 }).catch(() => null);
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} stayed ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
}

async function openAccount(name: string, lang = 'en', as?: 'admin' | 'rep' | 'sponsor'): Promise<string> {
  const id = await accountId(name);
  await page.goto(`${stack.previewUrl}?recordId=${id}&lang=${lang}${as ? `&as=${as}` : ''}`);
  await page.locator('.account-name').filter({ hasText: name }).waitFor();
  return id;
}

beforeAll(async () => {
  stack = await startStack({ today: TODAY, seed: 1 });
  session = await passwordLogin(stack.org);
  if (tornDown) return; // the hook timed out meanwhile and afterAll has run
  launching = launchChromium();
  browser = await launching;
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 300_000); // build, full sync and service start; minutes on a loaded machine

// Also after a beforeAll that timed out: what it was still starting is closed once started.
afterAll(async () => {
  tornDown = true;
  await launching?.then((launched) => launched.close(), () => undefined);
  await closeAllStacks();
});

test('the page shows the three components for a strategic account with the metrics the sync computed', async () => {
  const id = await openAccount(DEMO_GAP_ACCOUNT);
  const [metric] = await soql<{ Revenue_TTM__c: number; Strategic_Score__c: number }>(
    `SELECT Revenue_TTM__c, Strategic_Score__c FROM Account_Metric__c WHERE Account__c = '${id}' AND Is_Current__c = true AND Scope__c = 'Account'`
  );
  expect(metric).toBeDefined();
  // The tile's title is the full amount in the user's locale and currency (en-US, USD), no cents.
  const expectedRevenue = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
    metric!.Revenue_TTM__c
  );
  const revenueTile = page.locator('c-account-plan li.tile[data-key="revenue"] .slds-box');
  await expect(revenueTile.getAttribute('title')).resolves.toBe(expectedRevenue);
  await expect(page.locator('c-account-plan .tiles li.tile').count()).resolves.toBeGreaterThanOrEqual(4);

  const sponsors = await soql<{ Sponsor__r: { Name: string } }>(
    `SELECT Sponsor__r.Name FROM Executive_Sponsor__c WHERE Account__c = '${id}' AND Active__c = true`
  );
  expect(sponsors.length).toBeGreaterThan(0);
  const panel = page.locator('c-executive-sponsor-panel');
  for (const sponsor of sponsors) {
    await panel.getByText(sponsor.Sponsor__r.Name, { exact: true }).first().waitFor();
  }

  await page.getByRole('tab', { name: 'Relationship Map' }).click();
  await page.locator('c-relationship-map svg').first().waitFor();
});

test("the map's coverage panel lists every gap of the account built to have them", async () => {
  const id = await openAccount(DEMO_GAP_ACCOUNT);
  await page.getByRole('tab', { name: 'Relationship Map' }).click();
  const gaps = page.locator('c-relationship-map .coverage li.gap');
  await gaps.first().waitFor();
  // The demo's map for this account: no Economic Buyer, no Champion; three High-influence people —
  // an unowned Influencer with no relationship and no interaction (unowned, weak, stale), a Weak
  // Detractor Decision Maker and a Weak Skeptic Technical Evaluator (weak, opposed).
  const codes = await gaps.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
  expect(codes.sort()).toEqual(
    ['HIGH_INFLUENCE_NO_OWNER', 'HIGH_INFLUENCE_OPPOSED', 'HIGH_INFLUENCE_STALE', 'HIGH_INFLUENCE_WEAK', 'NO_CHAMPION', 'NO_ECONOMIC_BUYER'].sort()
  );
  const [unowned] = await soql<{ Contact__r: { Name: string } }>(
    `SELECT Contact__r.Name FROM Stakeholder__c WHERE Account__c = '${id}' AND Buying_Role__c = 'Influencer'`
  );
  await expect(page.locator('c-relationship-map .coverage li.gap[data-code="HIGH_INFLUENCE_NO_OWNER"]').innerText()).resolves.toContain(
    unowned!.Contact__r.Name
  );
});

/** The Home page (?page=home) as a user of the org. */
async function openHome(as: 'admin' | 'rep' | 'sponsor', lang = 'en'): Promise<void> {
  await page.goto(`${stack.previewUrl}?page=home&lang=${lang}&as=${as}`);
  await page.locator('c-sponsor-portfolio .body').waitFor();
}

// Before any test below logs an engagement: the demo's portfolio as the sync left it.
test("as the sponsor, the Home page lists her sponsorships overdue first with the sync's metrics, and logs an engagement inline", async () => {
  // From the record page to the Home page through the preview bar.
  await openAccount(DEMO_GAP_ACCOUNT, 'en', 'sponsor');
  await page.locator('.page-switch lightning-button[data-page="home"] button').click();
  await page.waitForURL(/page=home/);
  const items = page.locator('c-sponsor-portfolio li.sponsorship');
  await items.first().waitFor();
  // The demo's five: Hartwell overdue 150 days, Cobalt overdue 75, Bluefjord never engaged, then on
  // cadence by next engagement: Castellan (typed, due in the cadence) before Northwind (engaged only
  // in her calendar, so no next date).
  await expect(items.locator('.account-link').allInnerTexts()).resolves.toEqual([
    DEMO_GAP_ACCOUNT,
    DEMO_LAPSED_ACCOUNT,
    DEMO_UNENGAGED_ACCOUNT,
    'Castellan Manufacturing',
    DEMO_CAPTURED_ACCOUNT
  ]);
  await expect(page.locator('c-sponsor-portfolio .summary').innerText()).resolves.toBe('Sponsored accounts: 5 · Overdue: 2');
  const statuses = await items.locator('c-status-badge.status .badge-label').allInnerTexts();
  expect(statuses).toEqual(['Overdue', 'Overdue', 'No engagement', 'On cadence', 'On cadence']);

  // The numbers are the sync's: the account row of the current quarter.
  const id = await accountId(DEMO_GAP_ACCOUNT);
  const [metric] = await soql<{ Revenue_TTM__c: number; Strategic_Score__c: number }>(
    `SELECT Revenue_TTM__c, Strategic_Score__c FROM Account_Metric__c WHERE Account__c = '${id}' AND Is_Current__c = true AND Scope__c != 'Hierarchy'`
  );
  const compactUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const hartwell = items.first();
  await expect(hartwell.locator('.revenue').innerText()).resolves.toBe(compactUsd.format(metric!.Revenue_TTM__c));
  await expect(hartwell.locator('.score').innerText()).resolves.toBe(String(Math.round(metric!.Strategic_Score__c)));
  await expect(hartwell.locator('.plan').innerText()).resolves.toBe('Active');

  // Log Engagement on the lapsed account: the record page's modal, an Event of hers, and the list refreshed.
  const sponsorLogin = await passwordLogin({ ...stack.org.users.sponsor, loginUrl: stack.org.loginUrl });
  const lapsedId = await accountId(DEMO_LAPSED_ACCOUNT);
  const notes = `Portfolio engagement ${Date.now()}`;
  await items.nth(1).locator('lightning-button.log-engagement button').click();
  const modal = page.locator('lightning-modal-body');
  await modal.locator('lightning-textarea.engagement-notes textarea').fill(notes);
  await page.locator('lightning-modal-footer lightning-button.log button').click();
  await modal.waitFor({ state: 'detached' });
  await page.locator('.toast-title').waitFor();
  const events = await soql<{ OwnerId: string; WhatId: string; ActivityDate: string }>(`SELECT OwnerId, WhatId, ActivityDate FROM Event WHERE Description = '${notes}'`);
  expect(events).toEqual([expect.objectContaining({ OwnerId: sponsorLogin.userId, WhatId: lapsedId, ActivityDate: TODAY })]);
  // Met today on a 60-day cadence: on cadence, due in 60 days, so listed after the never-engaged one.
  await page.locator('c-sponsor-portfolio .summary', { hasText: 'Overdue: 1' }).waitFor();
  await expect(items.locator('.account-link').allInnerTexts()).resolves.toEqual([
    DEMO_GAP_ACCOUNT,
    DEMO_UNENGAGED_ACCOUNT,
    'Castellan Manufacturing',
    DEMO_LAPSED_ACCOUNT,
    DEMO_CAPTURED_ACCOUNT
  ]);
});

test('as the rep, who sponsors no account, the Home page says so', async () => {
  await openHome('rep');
  await expect(page.locator('c-sponsor-portfolio .empty').innerText()).resolves.toBe('You sponsor no accounts.');
  await expect(page.locator('c-sponsor-portfolio li.sponsorship').count()).resolves.toBe(0);
});

test('change alerts: the sponsor sees Meridian’s champion marked as gone but cannot clear it; the rep clears it in the org', async () => {
  // npm start's incremental sync found the demo's champion at Meridian moved to another company.
  const [champion] = await soql<{ Id: string; Contact__c: string; Contact__r: { Name: string } }>(
    "SELECT Id, Contact__c, Contact__r.Name FROM Stakeholder__c WHERE Account__r.Name = 'Meridian Capital Bank' AND Change_Alert__c = 'Left account'"
  );
  expect(champion).toBeDefined();
  // No longer among Meridian's contacts: the map keeps him from his stakeholder record, marked,
  // and lists the gap.
  await openAccount('Meridian Capital Bank', 'en', 'sponsor');
  await page.getByRole('tab', { name: 'Relationship Map' }).click();
  const gap = page.locator('c-relationship-map .coverage li.gap[data-code="CHANGE_ALERT"]');
  await expect(gap.first().innerText()).resolves.toBe(`Champion ${champion!.Contact__r.Name} left the account`);
  await page.locator('c-map-legend .entry.change-alert').waitFor();
  for (const as of ['sponsor', 'rep'] as const) {
    if (as === 'rep') {
      await openAccount('Meridian Capital Bank', 'en', 'rep');
      await page.getByRole('tab', { name: 'Relationship Map' }).click();
    }
    await gap.first().locator('button.person').click();
    const notice = page.locator('c-stakeholder-editor .change-alert');
    await expect(notice.locator('.alert-text').innerText()).resolves.toBe('Left account');
    if (as === 'sponsor') expect(await notice.locator('lightning-button.clear-alert').count()).toBe(0);
  }
  await page.locator('c-stakeholder-editor lightning-button.clear-alert button').click();
  await page.locator('c-stakeholder-editor .change-alert').waitFor({ state: 'detached' });
  const [after] = await soql<Record<string, unknown>>(`SELECT Change_Alert__c, Change_Detected__c, Previous_Title__c FROM Stakeholder__c WHERE Id = '${champion!.Id}'`);
  expect(after).toMatchObject({ Change_Alert__c: null, Change_Detected__c: null, Previous_Title__c: null });
});

test('as the rep, an objective added through the record-edit form is saved in the org and listed', async () => {
  const id = await openAccount(DEMO_GAP_ACCOUNT, 'en', 'rep');
  await expect(page.locator('.user-switch lightning-button[data-user="rep"] button').getAttribute('class')).resolves.toContain('slds-button_brand');
  const measure = `Preview objective ${Date.now()}`;
  await page.locator('c-account-plan lightning-button.add-objective button').click();
  const modal = page.locator('lightning-modal-body');
  // The fields come from the org's object info: labels, types, the picklist with its default.
  await modal.locator('lightning-input-field[data-field="Measure__c"] input').fill(measure);
  await modal.locator('lightning-input-field[data-field="Target_Value__c"] input').fill('40');
  await modal.locator('lightning-input-field[data-field="Current_Value__c"] input').fill('10');
  await page.locator('lightning-modal-footer lightning-button.save button').click();
  await page.locator('c-account-plan').getByText(measure).first().waitFor();
  await modal.waitFor({ state: 'detached' });

  const saved = await soql<{ Name: string; Status__c: string; Measure__c: string; Target_Value__c: number; Current_Value__c: number; Account_Plan__r: { Account__c: string } }>(
    `SELECT Name, Status__c, Measure__c, Target_Value__c, Current_Value__c, Account_Plan__r.Account__c FROM Plan_Objective__c WHERE Measure__c = '${measure}'`
  );
  expect(saved).toEqual([
    expect.objectContaining({
      Name: measure,
      Status__c: 'Not started',
      Measure__c: measure,
      Target_Value__c: 40,
      Current_Value__c: 10,
      Account_Plan__r: expect.objectContaining({ Account__c: id })
    })
  ]);
});

test('a deal won in the org shows in the metrics within seconds, without Recalculate (live freshness)', async () => {
  // Another strategic account than the Recalculate test's, so each sees only its own deal.
  const [account] = await soql<{ Id: string; Name: string }>(
    `SELECT Id, Name FROM Account WHERE Strategic_Account__c = true AND Name != '${DEMO_GAP_ACCOUNT}' ORDER BY Name LIMIT 1`
  );
  const [before] = await soql<{ Revenue_TTM__c: number }>(
    `SELECT Revenue_TTM__c FROM Account_Metric__c WHERE Account__c = '${account!.Id}' AND Is_Current__c = true AND Scope__c = 'Account'`
  );
  // Won yesterday, in the corporate currency (USD): the trailing twelve months grow by its amount.
  const amount = 765_432;
  const created = await fetch(new URL('/services/data/v64.0/sobjects/Opportunity', session.instanceUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Name: 'Preview live deal', AccountId: account!.Id, StageName: 'Closed Won', CloseDate: '2026-06-14', Amount: amount, CurrencyIsoCode: 'USD' })
  });
  expect(created.status).toBe(201);
  const wonAt = Date.now();
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const expected = usd.format(before!.Revenue_TTM__c + amount);
  const revenueTile = page.locator('c-account-plan li.tile[data-key="revenue"] .slds-box');
  // Nobody presses Recalculate: the page is only opened again until the tile shows the deal.
  let shown: string | null = null;
  while (Date.now() - wonAt < 10_000) {
    await openAccount(account!.Name);
    shown = await revenueTile.getAttribute('title');
    if (shown === expected) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(shown).toBe(expected);
  const requests = await soql<{ Id: string }>(`SELECT Id FROM Sync_Request__c WHERE Account__c = '${account!.Id}'`);
  expect(requests).toEqual([]);
}, 60_000);

test("as the rep, the org's validation rule answers in the plan form and nothing is written", async () => {
  const id = await openAccount(DEMO_GAP_ACCOUNT, 'en', 'rep');
  const [before] = await soql<{ Risk_Rating__c: number | null }>(`SELECT Risk_Rating__c FROM Account_Plan__c WHERE Account__c = '${id}' AND Status__c = 'Active'`);
  await page.locator('c-account-plan lightning-button.edit-plan button').click();
  const modal = page.locator('lightning-modal-body');
  const risk = modal.locator('lightning-input-field[data-field="Risk_Rating__c"]');
  await risk.locator('input').fill('7');
  const errorsBefore = consoleErrors.length;
  await page.locator('lightning-modal-footer lightning-button.save button').click();
  // Risk_Rating_Between_1_And_5 names its field: the message shows under it.
  await expect(risk.locator('.field-error').innerText()).resolves.toBe('Risk Rating must be a whole number from 1 to 5.');
  // The browser logs the org's 400 answer to the save: expected here, and only that.
  expect(consoleErrors.splice(errorsBefore)).toEqual([expect.stringContaining('status of 400')]);
  await page.locator('lightning-modal-footer lightning-button.cancel button').click();
  await modal.waitFor({ state: 'detached' });
  const [after] = await soql<{ Risk_Rating__c: number | null }>(`SELECT Risk_Rating__c FROM Account_Plan__c WHERE Account__c = '${id}' AND Status__c = 'Active'`);
  expect(after!.Risk_Rating__c).toBe(before!.Risk_Rating__c);
});

test('as the rep, a task added under an objective is a Task related to it in the org, counted in its action plan', async () => {
  await openAccount(DEMO_GAP_ACCOUNT, 'en', 'rep');
  const objective = page.locator('c-account-plan li.objective').filter({ has: page.locator('li.task') }).first();
  const share = objective.locator('.tasks-share');
  await share.waitFor();
  const [done, total] = ((await share.textContent()) ?? '').match(/\d+/g)!.map(Number);
  const subject = `Preview task ${Date.now()}`;
  await objective.locator('lightning-button.new-task button').click();
  const modal = page.locator('lightning-modal-body');
  await modal.locator('lightning-input-field[data-field="Subject"] input').fill(subject);
  await page.locator('lightning-modal-footer lightning-button.save button').click();
  await modal.waitFor({ state: 'detached' });
  await objective.getByText(subject).waitFor();
  await expect(share.textContent()).resolves.toContain(`${done} of ${total! + 1} tasks completed`);

  const objectiveId = await objective.getAttribute('data-id');
  const [saved] = await soql<{ WhatId: string; Status: string; Owner: { Name: string } }>(`SELECT WhatId, Status, Owner.Name FROM Task WHERE Subject = '${subject}'`);
  expect(saved).toEqual(expect.objectContaining({ WhatId: objectiveId, Status: 'Not Started', Owner: expect.objectContaining({ Name: 'Maya Chen' }) }));
});

test("the map draws trend arrows from the org's field history, and a person's history lists the changes", async () => {
  await openAccount(DEMO_GAP_ACCOUNT, 'en', 'rep');
  await page.getByRole('tab', { name: 'Relationship Map' }).click();
  // Hartwell's relationships were all made to decay over the last year.
  await page.locator('c-relationship-map .node .trend-decaying').first().waitFor();
  await expect(page.locator('c-relationship-map .node .trend-improving').count()).resolves.toBe(0);
  await page.locator('c-relationship-map .node:has(.trend-decaying)').first().click();
  const entry = page.locator('c-stakeholder-history li.entry').first();
  await entry.waitFor();
  await expect(entry.locator('.entry-text').textContent()).resolves.toMatch(/^\S.* → \S.*, [A-Z][a-z]{2} \d{1,2}(, \d{4})?, by \S/);
});

test('as the sponsor, the page offers no action the sponsor cannot perform, and logs an engagement', async () => {
  const id = await openAccount(DEMO_GAP_ACCOUNT, 'en', 'sponsor');
  const sponsorLogin = await passwordLogin({ ...stack.org.users.sponsor, loginUrl: stack.org.loginUrl });
  const panel = page.locator('c-executive-sponsor-panel');
  const logButton = panel.locator('lightning-button.log-engagement button');
  await logButton.first().waitFor();
  await page.locator('c-account-plan .tiles').waitFor();
  for (const forbidden of [
    'c-account-plan lightning-button.edit-plan',
    'c-account-plan lightning-button.add-objective',
    'c-account-plan lightning-button.add-initiative',
    'c-account-plan lightning-button-icon.edit-objective',
    'c-account-plan lightning-button-icon.edit-initiative',
    'c-account-plan lightning-button.recalculate',
    'c-account-plan lightning-button.new-task',
    'c-executive-sponsor-panel lightning-button.add-sponsorship',
    'c-executive-sponsor-panel lightning-button.edit-sponsorship',
    'c-executive-sponsor-panel lightning-button.end-sponsorship'
  ]) {
    await expect(page.locator(forbidden).count()).resolves.toBe(0);
  }
  await expect(logButton.count()).resolves.toBe(1);

  const notes = `Preview engagement ${Date.now()}`;
  await logButton.click();
  const modal = page.locator('lightning-modal-body');
  await modal.locator('lightning-textarea.engagement-notes textarea').fill(notes);
  await page.locator('lightning-modal-footer lightning-button.log button').click();
  await modal.waitFor({ state: 'detached' });
  await page.locator('.toast-title').waitFor();
  const events = await soql<{ OwnerId: string; WhatId: string; ActivityDate: string }>(
    `SELECT OwnerId, WhatId, ActivityDate FROM Event WHERE Description = '${notes}'`
  );
  // The page's today is the org's (the demo date), not the machine's.
  expect(events).toEqual([expect.objectContaining({ OwnerId: sponsorLogin.userId, WhatId: id, ActivityDate: TODAY })]);
  const [sponsorship] = await soql<{ Last_Engagement__c: string }>(
    `SELECT Last_Engagement__c FROM Executive_Sponsor__c WHERE Account__c = '${id}' AND Sponsor__c = '${sponsorLogin.userId}' AND Active__c = true`
  );
  expect(sponsorship!.Last_Engagement__c).toBe(TODAY);
});

interface ProgramRow {
  Strategic_Growth_YoY__c: number | null;
  Other_Growth_YoY__c: number | null;
  Strategic_Accounts__c: number;
}

/** The sentence samProgram words for the current program row (the rule of programSummary's growthSentence). */
function expectedGrowthSentence(row: ProgramRow): string {
  const s = row.Strategic_Growth_YoY__c;
  const o = row.Other_Growth_YoY__c;
  const pct = (points: number) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(points / 100);
  if (s === null || o === null) return 'Growth cannot be compared yet: both groups need revenue in the prior twelve months.';
  if (s > 0 && o > 0) return `Strategic accounts grew ${(s / o).toFixed(1)}× as fast as the other accounts (${pct(s)} against ${pct(o)} year over year).`;
  if (s > 0) return `Strategic accounts grew (${pct(s)} year over year) while the other accounts did not (${pct(o)}).`;
  if (o > 0) return `Strategic accounts did not grow (${pct(s)} year over year) while the other accounts grew (${pct(o)}).`;
  return `Neither group grew: strategic accounts ${pct(s)}, the other accounts ${pct(o)} year over year.`;
}

async function openProgram(as: 'admin' | 'rep' | 'sponsor', lang = 'en'): Promise<void> {
  await page.goto(`${stack.previewUrl}?page=program&lang=${lang}&as=${as}`);
  await page.locator('c-sam-program .sentence').waitFor();
  await page.locator('c-sam-program li.candidate').first().waitFor();
}

test.each(['sponsor', 'rep'] as const)('the Program page as the %s: the figures the sync computed, no Nominate, a name opens the account', async (as) => {
  await openProgram(as);
  const [program] = await soql<ProgramRow>(
    'SELECT Strategic_Growth_YoY__c, Other_Growth_YoY__c, Strategic_Accounts__c FROM Program_Metric__c WHERE Is_Current__c = true'
  );
  await expect(page.locator('c-sam-program .sentence').innerText()).resolves.toBe(expectedGrowthSentence(program!));
  await expect(page.locator('c-sam-program .tile[data-key="strategicAccounts"] .tile-value').innerText()).resolves.toBe(String(program!.Strategic_Accounts__c));

  // Every strategic account has a row; the candidates are the best-scored others, in order.
  const strategic = await soql<{ Name: string }>('SELECT Name FROM Account WHERE Strategic_Account__c = true ORDER BY Name');
  expect(strategic.length).toBe(program!.Strategic_Accounts__c);
  const table = page.locator('c-program-accounts lightning-datatable');
  for (const account of strategic) await table.getByRole('button', { name: account.Name, exact: true }).waitFor();
  const candidates = await soql<{ Account__r: { Name: string } }>(
    "SELECT Account__r.Name FROM Account_Metric__c WHERE Is_Current__c = true AND Account__r.Strategic_Account__c = false AND Strategic_Score__c != null AND (Scope__c = 'Account' OR Scope__c = null) ORDER BY Strategic_Score__c DESC LIMIT 5"
  );
  await expect(page.locator('c-program-candidates li.candidate lightning-button.open').allInnerTexts()).resolves.toEqual(candidates.map((c) => c.Account__r.Name));
  // Neither may edit Account.Strategic_Account__c.
  await expect(page.locator('c-sam-program lightning-button.nominate').count()).resolves.toBe(0);

  await table.getByRole('button', { name: DEMO_GAP_ACCOUNT, exact: true }).click();
  await page.locator('.account-name').filter({ hasText: DEMO_GAP_ACCOUNT }).waitFor();
  expect(new URL(page.url()).searchParams.get('page')).toBe('record');
});

test('the Program page as the admin offers Nominate, which makes the account strategic in the org', async () => {
  await openProgram('admin');
  const first = page.locator('c-program-candidates li.candidate').first();
  const name = await first.locator('lightning-button.open').innerText();
  const id = await accountId(name);
  try {
    await first.locator('lightning-button.nominate button').click();
    await page.locator('.toast-title').filter({ hasText: `${name} is now a strategic account.` }).waitFor();
    await expect(soql<{ Strategic_Account__c: boolean }>(`SELECT Strategic_Account__c FROM Account WHERE Id = '${id}'`)).resolves.toEqual([
      expect.objectContaining({ Strategic_Account__c: true })
    ]);
    // The page reloads its data: the account leaves the candidates for the strategic accounts.
    await page.locator('c-program-accounts lightning-datatable').getByRole('button', { name, exact: true }).waitFor();
  } finally {
    // Leave the demo org as the other tests expect it.
    await fetch(new URL(`/services/data/v64.0/sobjects/Account/${id}`, session.instanceUrl), {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Strategic_Account__c: false })
    });
  }
});

test('Recalculate asks the service for a sync and shows the metrics it computes', async () => {
  const id = await openAccount(DEMO_GAP_ACCOUNT);
  const revenueTile = page.locator('c-account-plan li.tile[data-key="revenue"] .slds-box');
  const [before] = await soql<{ Revenue_TTM__c: number }>(
    `SELECT Revenue_TTM__c FROM Account_Metric__c WHERE Account__c = '${id}' AND Is_Current__c = true AND Scope__c = 'Account'`
  );
  // A deal won yesterday (in the corporate currency, USD) adds its amount to the trailing twelve months.
  const amount = 1_234_567;
  const created = await fetch(new URL('/services/data/v64.0/sobjects/Opportunity', session.instanceUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Name: 'Preview recalculation deal', AccountId: id, StageName: 'Closed Won', CloseDate: '2026-06-14', Amount: amount, CurrencyIsoCode: 'USD' })
  });
  expect(created.status).toBe(201);
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  await expect(revenueTile.getAttribute('title')).resolves.toBe(usd.format(before!.Revenue_TTM__c));

  await page.locator('c-account-plan lightning-button.recalculate button').click();
  await waitForAttribute(revenueTile, 'title', usd.format(before!.Revenue_TTM__c + amount), 45_000);
  const requests = await soql<{ Status__c: string }>(`SELECT Status__c FROM Sync_Request__c WHERE Account__c = '${id}' ORDER BY CreatedDate DESC LIMIT 1`);
  expect(requests).toEqual([expect.objectContaining({ Status__c: 'Done' })]);
}, 60_000);

test('the Italian switch shows the components in Italian', async () => {
  await openAccount(DEMO_GAP_ACCOUNT);
  await page.locator('.language-switch lightning-button[data-lang="it"] button').click();
  await page.waitForURL(/lang=it/);
  await page.locator('.account-name').filter({ hasText: DEMO_GAP_ACCOUNT }).waitFor();
  const { en, it } = readLabels(path.join(__dirname, '..', '..', 'force-app', 'main', 'default'));
  expect(it.Tandem_Plan_Title).toBeDefined();
  expect(it.Tandem_Plan_Title).not.toBe(en.Tandem_Plan_Title);
  await page.locator('c-account-plan lightning-card').getByText(it.Tandem_Plan_Title!, { exact: true }).first().waitFor();
});

test('the whitespace matrix shows the Castellan group as the org has it, with totals, and a cell opens its opportunities; the plan shows the group figures', async () => {
  const names = ['Castellan Manufacturing', 'Acme Fabrication', 'Falcon Aerospace Parts', 'Lumen Optics', 'Quartz Electronics'];
  const ids = await Promise.all(names.map(accountId));
  // The cells the full sync wrote for the group (master-detail to its top account).
  const cells = await soql<{ Segment_Account__c: string; Product_Family__c: string; Won_TTM__c: number; Open_Pipeline_12M__c: number; Status__c: string }>(
    `SELECT Segment_Account__c, Product_Family__c, Won_TTM__c, Open_Pipeline_12M__c, Status__c FROM Whitespace_Cell__c WHERE Account__c = '${ids[0]}'`
  );
  expect(new Set(cells.map((cell) => cell.Segment_Account__c))).toEqual(new Set(ids));
  await openAccount('Castellan Manufacturing');

  // The group's figures beside the account's own, from the current Hierarchy row the sync wrote.
  const [group] = await soql<{ Revenue_TTM__c: number; Revenue_Growth_YoY__c: number | null }>(
    `SELECT Revenue_TTM__c, Revenue_Growth_YoY__c FROM Account_Metric__c WHERE Account__c = '${ids[0]}' AND Scope__c = 'Hierarchy' AND Is_Current__c = true`
  );
  expect(group).toBeDefined();
  const compactUsd = (value: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
  const growth =
    group!.Revenue_Growth_YoY__c === null
      ? '—'
      : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(group!.Revenue_Growth_YoY__c / 100);
  // A falling group is marked like the account: a down arrow whose text says "Decline".
  const decline = (group!.Revenue_Growth_YoY__c ?? 0) < 0 ? 'Decline\n' : '';
  await expect(page.locator('c-account-plan li.tile[data-key="revenue"] .tile-detail[data-key="group"]').innerText()).resolves.toBe(
    `${decline}Group: ${compactUsd(group!.Revenue_TTM__c)} TTM, ${growth}`
  );
  const [own] = await soql<{ Revenue_TTM__c: number }>(
    `SELECT Revenue_TTM__c FROM Account_Metric__c WHERE Account__c = '${ids[0]}' AND Scope__c != 'Hierarchy' AND Is_Current__c = true`
  );
  // The group holds the account: its figures are never below the account's own.
  expect(group!.Revenue_TTM__c).toBeGreaterThanOrEqual(own!.Revenue_TTM__c);

  await page.getByRole('tab', { name: 'Whitespace matrix' }).click();
  const matrix = page.locator('c-whitespace-matrix');
  await matrix.locator('table.matrix').waitFor();
  // Segments in tree order, indented by level: Castellan → Acme, Falcon → Lumen → Quartz.
  const rows = await matrix.locator('tbody tr.row').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), Number(tr.getAttribute('data-level'))]));
  expect(rows).toEqual([
    ['Castellan Manufacturing', 0],
    ['Acme Fabrication', 1],
    ['Falcon Aerospace Parts', 1],
    ['Lumen Optics', 2],
    ['Quartz Electronics', 3]
  ]);
  // Families by name, opportunities without products ("(none)", shown "No product") last.
  const families = [...new Set(cells.map((cell) => cell.Product_Family__c))].sort(
    (a, b) => Number(a === '(none)') - Number(b === '(none)') || a.localeCompare(b)
  );
  await expect(matrix.locator('thead th').allInnerTexts()).resolves.toEqual([
    'Segment',
    ...families.map((family) => (family === '(none)' ? 'No product' : family)),
    'Total'
  ]);
  // Every cell's status is the org's.
  const shown = await matrix.locator('tbody tr.row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td.cell')].map((td) => td.getAttribute('data-status')))
  );
  const expected = ids.map((segment) =>
    families.map((family) => cells.find((cell) => cell.Segment_Account__c === segment && cell.Product_Family__c === family)?.Status__c ?? 'Whitespace')
  );
  expect(shown).toEqual(expected);
  // The grand total adds every cell's won TTM and open pipeline.
  const total = (field: 'Won_TTM__c' | 'Open_Pipeline_12M__c') => cells.reduce((sum, cell) => sum + cell[field], 0);
  const grand = await matrix.locator('tfoot td.grand-total span').allInnerTexts();
  const grandLines = [
    ...(total('Won_TTM__c') > 0 ? [`${compactUsd(total('Won_TTM__c'))} won`] : []),
    ...(total('Open_Pipeline_12M__c') > 0 ? [`${compactUsd(total('Open_Pipeline_12M__c'))} open`] : [])
  ];
  expect(grand).toEqual(grandLines.length ? grandLines : ['—']);

  // A won cell opens exactly that segment's opportunities in that family.
  const won = cells.find((cell) => cell.Status__c === 'Won' && cell.Product_Family__c !== '(none)')!;
  const opportunities = await soql<{ OpportunityId: string }>(
    `SELECT OpportunityId FROM OpportunityLineItem WHERE Opportunity.AccountId = '${won.Segment_Account__c}' AND Product2.Family = '${won.Product_Family__c}'`
  );
  await matrix.locator(`tr.row[data-segment="${won.Segment_Account__c}"] td.cell button`).nth(families.indexOf(won.Product_Family__c)).click();
  const modal = page.locator('lightning-modal-body');
  const table = modal.locator('lightning-datatable tbody tr');
  await table.first().waitFor();
  await expect(table.count()).resolves.toBe(new Set(opportunities.map((o) => o.OpportunityId)).size);
  await page.locator('lightning-modal-footer lightning-button.close button').click();
  await modal.waitFor({ state: 'detached' });

  // A subsidiary's page: its own subtree, and whose group it is.
  await openAccount('Falcon Aerospace Parts');
  await page.getByRole('tab', { name: 'Whitespace matrix' }).click();
  await expect(matrix.locator('p.subtree').innerText()).resolves.toBe('Falcon Aerospace Parts and its subsidiaries, in the Castellan Manufacturing group');
  await expect(matrix.locator('tbody tr.row th').allInnerTexts()).resolves.toEqual(['Falcon Aerospace Parts', 'Lumen Optics', 'Quartz Electronics']);
});

test('no console errors on the way', () => {
  expect(consoleErrors).toEqual([]);
});
