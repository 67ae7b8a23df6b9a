// Benchmark of the relationship map at scale: the demo org's 500-contact account opened in
// headless Chromium on the local preview (emulator, full sync, the real components). Timed in the
// page, from the click on the map's tab to the first painted frame with the chart fitted; then
// "Expand all" (every one of the 500 boxes drawn). Alone: `npx tsx scripts/bench/mapOpening.ts`.
import { DEMO_LARGE_MAP_ACCOUNT, DEMO_LARGE_MAP_CONTACTS } from '../../test/emulator';
import { startStack } from '../../test/preview/stack';
import { launchChromium } from '../../test/browser/chromium';
import type { Page } from 'playwright-core';

export interface MapOpeningFigure {
  contacts: number;
  runs: number;
  /** Click on the tab → chart fitted and painted. */
  medianMs: number;
  maxMs: number;
  /** Boxes shown when the map opens (deeper branches folded to fit). */
  shownAtOpening: number;
  /** Click on Expand all → all boxes painted. */
  expandAllMs: number;
}

/**
 * Runs `action` in the page, then waits until `done` holds and a frame has been painted; the
 * milliseconds in between, by the page's own clock (no round trip to the test process inside).
 */
async function timeInPage(page: Page, action: string, done: string): Promise<number> {
  // Page code as text: this file is compiled without the DOM's types.
  return page.evaluate(`new Promise((resolve, reject) => {
    ${DEEP}
    const start = performance.now();
    ${action}
    const poll = () => {
      if (performance.now() - start > 30000) reject(new Error('not done: ' + ${JSON.stringify(done)}));
      else if (${done}) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
      else requestAnimationFrame(poll);
    };
    poll();
  })`) as Promise<number>;
}

// Every element matching a selector in the page and in every shadow tree below it.
const DEEP = `const deep = (selector) => {
  const found = [];
  const walk = (root) => {
    found.push(...root.querySelectorAll(selector));
    root.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
  };
  walk(document);
  return found;
};`;
const NODES = "deep('.node')";
const FITTED = "/Zoom: \\d+ %/.test((deep('.zoom-level')[0] || {}).textContent || '')";

export async function benchmarkMapOpening(runs = 5, options: { today: string; seed: number }): Promise<MapOpeningFigure> {
  const stack = await startStack({ today: options.today, seed: options.seed, log: () => undefined });
  const browser = await launchChromium({ width: 1440, height: 1000 });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(stack.previewUrl);
    await page.locator('.account-picker').waitFor();
    const id = await page.locator('.account-picker option', { hasText: DEMO_LARGE_MAP_ACCOUNT }).getAttribute('value');
    const times: number[] = [];
    let shownAtOpening = 0;
    let expandAllMs = 0;
    for (let run = 0; run <= runs; run++) {
      await page.goto(`${stack.previewUrl}?recordId=${id}`);
      await page.locator('.account-name', { hasText: DEMO_LARGE_MAP_ACCOUNT }).waitFor();
      const ms = await timeInPage(
        page,
        "deep('[role=\"tab\"]').find((t) => t.textContent.includes('Relationship Map')).click();",
        `${NODES}.length > 0 && ${FITTED}`
      );
      if (run > 0) times.push(ms); // the first opening warms the browser's caches
      shownAtOpening = await page.evaluate(`(() => { ${DEEP} return ${NODES}.length; })()`);
      if (run === runs) {
        expandAllMs = await timeInPage(
          page,
          "deep('.expand-all')[0].shadowRoot.querySelector('button').click();",
          `${NODES}.length === ${DEMO_LARGE_MAP_CONTACTS}`
        );
      }
    }
    times.sort((a, b) => a - b);
    return {
      contacts: DEMO_LARGE_MAP_CONTACTS,
      runs,
      medianMs: times[Math.floor(runs / 2)]!,
      maxMs: times[runs - 1]!,
      shownAtOpening,
      expandAllMs
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}

if (require.main === module) {
  benchmarkMapOpening(5, { today: '2026-06-15', seed: 1 }).then(
    (figure) => process.stdout.write(`${JSON.stringify(figure)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    }
  );
}
