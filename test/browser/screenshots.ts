// Screenshots of each component on the preview page for docs/screenshots (shown in the README):
// `npx tsx test/browser/screenshots.ts`. Same stack and date as the browser tests, so the pictures
// are reproducible.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ALERT_CHANGES, DEMO_GAP_ACCOUNT, DEMO_LARGE_MAP_ACCOUNT } from '../emulator';
import { startStack } from '../preview/stack';
import { launchChromium } from './chromium';

const OUT_DIR = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  const stack = await startStack({ today: '2026-06-15', seed: 1 });
  const browser = await launchChromium({ width: 1440, height: 1000 });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    fs.mkdirSync(OUT_DIR, { recursive: true });
    // as: the org's user the page acts as (?as=rep|sponsor|admin); the admin by default.
    const open = async (lang: string, as?: string) => {
      await page.goto(`${stack.previewUrl}?lang=${lang}${as ? `&as=${as}` : ''}`);
      await page.locator('.account-picker').waitFor();
      const id = await page.locator('.account-picker option', { hasText: DEMO_GAP_ACCOUNT }).getAttribute('value');
      await page.locator('.account-picker').selectOption(id!);
      await page.locator('.account-name', { hasText: DEMO_GAP_ACCOUNT }).waitFor();
      await page.locator('c-account-plan .tiles').waitFor();
      await page.locator('c-executive-sponsor-panel lightning-avatar').first().waitFor();
    };
    // The component with a margin of the page around it, so its card border shows.
    const shoot = async (selector: string, file: string) => {
      await page.waitForTimeout(300); // icons and fonts settle
      const box = await page.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not on the page`);
      // The box is in the viewport, the full-page clip in the page: add what a click scrolled.
      const scroll = await page.evaluate<{ x: number; y: number }>('({ x: window.scrollX, y: window.scrollY })');
      const margin = 8;
      const clip = { x: Math.max(0, box.x + scroll.x - margin), y: Math.max(0, box.y + scroll.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin };
      await page.screenshot({ path: path.join(OUT_DIR, file), clip, fullPage: true });
      process.stdout.write(`docs/screenshots/${file}\n`);
    };

    // `npx tsx test/browser/screenshots.ts program|portfolio` shoots only those two.
    const only = process.argv[2];
    // The SAM program (App page) with the figures the sync computed, English and Italian.
    if (!only || only === 'program') {
      for (const [lang, file] of [['en', 'program.png'], ['it', 'program-it.png']]) {
        await page.goto(`${stack.previewUrl}?page=program&lang=${lang}`);
        await page.locator('c-sam-program .sentence').waitFor();
        await page.locator('c-sam-program li.candidate').first().waitFor();
        await shoot('c-sam-program', file!);
      }
    }
    // The sponsor's Home page: her portfolio, overdue first, in English and Italian.
    if (!only || only === 'portfolio') {
      for (const [lang, file] of [['en', 'sponsor-portfolio.png'], ['it', 'sponsor-portfolio-it.png']] as const) {
        await page.goto(`${stack.previewUrl}?page=home&lang=${lang}&as=sponsor`);
        await page.locator('c-sponsor-portfolio li.sponsorship').first().waitFor();
        await shoot('c-sponsor-portfolio', file);
      }
    }
    if (only) return;

    // `npx tsx test/browser/screenshots.ts trends` shoots only the account plan (action plans
    // under the objectives), the map (trend arrows) and a stakeholder's history.
    const trendsOnly = process.argv[2] === 'trends';
    await open('en');
    if (!trendsOnly) {
      await page.screenshot({ path: path.join(OUT_DIR, 'record-page.png') });
      process.stdout.write('docs/screenshots/record-page.png\n');
    }
    await page.locator('c-account-plan li.task').first().waitFor();
    await shoot('c-account-plan', 'account-plan.png');
    if (!trendsOnly) await shoot('c-executive-sponsor-panel', 'executive-sponsor-panel.png');
    // A wider window for the map, whose org chart scrolls sideways in narrower columns.
    await page.setViewportSize({ width: 2400, height: 1000 });
    await page.getByRole('tab', { name: 'Relationship Map' }).click();
    await page.locator('c-relationship-map .coverage').waitFor();
    await page.locator('c-relationship-map .trend').first().waitFor();
    await shoot('c-relationship-map', 'relationship-map.png');
    // A person whose relationship decayed, opened in the panel: the history of the change.
    await page.locator('c-relationship-map .node:has(.trend-decaying)').first().click();
    await page.locator('c-stakeholder-history li.entry').first().waitFor();
    await shoot('c-relationship-map c-stakeholder-editor', 'stakeholder-history.png');
    await page.setViewportSize({ width: 1440, height: 1000 });
    if (trendsOnly) return;

    // The page as the account rep (who edits the plan) and as the executive sponsor (who reads it
    // and logs engagements on the sponsorships that are theirs).
    for (const as of ['rep', 'sponsor']) {
      await open('en', as);
      await page.screenshot({ path: path.join(OUT_DIR, `record-page-${as}.png`) });
      process.stdout.write(`docs/screenshots/record-page-${as}.png\n`);
    }

    // The strategic score opened to its six criteria.
    await open('en', 'rep');
    await page.locator('c-score-breakdown lightning-button.toggle button').click();
    await page.locator('c-score-breakdown table.parts').waitFor();
    await shoot('c-plan-metrics', 'score-parts.png');
    // Plan health opened to its four components and the failed checks worded as actions.
    await page.locator('c-score-breakdown lightning-button.toggle button').click();
    await page.locator('c-health-breakdown lightning-button.toggle button').click();
    await page.locator('c-health-breakdown table.parts').waitFor();
    await shoot('c-plan-metrics', 'plan-health.png');

    // The 500-contact account: the map as it opens (fitted, deeper branches folded), then searched.
    const large = await page.locator('.account-picker option', { hasText: DEMO_LARGE_MAP_ACCOUNT }).getAttribute('value');
    await page.locator('.account-picker').selectOption(large!);
    await page.locator('.account-name', { hasText: DEMO_LARGE_MAP_ACCOUNT }).waitFor();
    await page.getByRole('tab', { name: 'Relationship Map' }).click();
    await page.locator('c-relationship-map .zoom-level').waitFor();
    await shoot('c-relationship-map', 'relationship-map-500-fitted.png');
    await page.locator('c-relationship-map .search input').fill('Quality');
    await page.locator('c-relationship-map .node.matched').first().waitFor();
    await shoot('c-relationship-map', 'relationship-map-500-searched.png');

    // A change alert: Meridian's Champion left for another company after the first sync (the
    // demo's contact changes, raised by the stack's incremental run): the badge on the person and
    // the gap of its own in the coverage list.
    await page.setViewportSize({ width: 2400, height: 1000 });
    const meridian = await page.locator('.account-picker option', { hasText: DEMO_ALERT_CHANGES[0].account }).getAttribute('value');
    await page.locator('.account-picker').selectOption(meridian!);
    await page.locator('.account-name', { hasText: DEMO_ALERT_CHANGES[0].account }).waitFor();
    await page.getByRole('tab', { name: 'Relationship Map' }).click();
    await page.locator('c-relationship-map .alert-badge').first().waitFor();
    await shoot('c-relationship-map', 'change-alert.png');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // The Castellan group's whitespace matrix (Castellan → Acme, Falcon → Lumen → Quartz), then
    // one cell opened to its opportunities.
    const castellan = await page.locator('.account-picker option', { hasText: 'Castellan Manufacturing' }).getAttribute('value');
    // Wide enough for all eight families and the totals without the table scrolling.
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.locator('.account-picker').selectOption(castellan!);
    await page.locator('.account-name', { hasText: 'Castellan Manufacturing' }).waitFor();
    await page.getByRole('tab', { name: 'Whitespace matrix' }).click();
    await page.locator('c-whitespace-matrix table.matrix').waitFor();
    await shoot('c-whitespace-matrix', 'whitespace-matrix.png');
    await page.locator('c-whitespace-matrix td.cell[data-status="Won"] button').first().click();
    await page.locator('lightning-modal-body lightning-datatable tbody tr').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT_DIR, 'whitespace-cell.png') });
    process.stdout.write('docs/screenshots/whitespace-cell.png\n');
    await page.locator('lightning-modal-footer lightning-button.close button').click();
    await page.setViewportSize({ width: 1440, height: 1000 });

    await open('it');
    await page.screenshot({ path: path.join(OUT_DIR, 'record-page-it.png') });
    process.stdout.write('docs/screenshots/record-page-it.png\n');
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
