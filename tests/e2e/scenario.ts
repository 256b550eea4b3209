// Shared plumbing for e2e scenarios: a fresh browser per scenario, console errors collected and
// asserted empty at the end, a screenshot kept for a human to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';

export interface Scenario {
  name: string;
  run(baseUrl: string): Promise<void>;
}

export const shotsDir = fileURLToPath(new URL('./screenshots', import.meta.url));

export async function withPage(
  opts: { webgpu?: boolean; shot?: string },
  fn: (page: Page, errors: string[]) => Promise<void>,
): Promise<void> {
  const ctx = await launchBrowser({ webgpu: opts.webgpu });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // A CSP violation fails the scenario whatever level the browser logs it at.
    if (m.type() === 'error' || isCspViolation(m.text())) errors.push(m.text());
  });
  await page.addInitScript(reportCspViolations);
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await fn(page, errors);
    if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
  } finally {
    if (opts.shot) {
      mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: `${shotsDir}/${opts.shot}.png`, fullPage: true }).catch(() => undefined);
    }
    await ctx.close();
  }
}

/** Runs a test's own script file (axe-core) in the page. Not as a <script> tag (page.addScriptTag):
 *  the app's CSP refuses inline scripts, while DevTools' evaluation is exempt from it. */
export async function addTestScript(page: Page, path: string): Promise<void> {
  await page.evaluate(readFileSync(path, 'utf8'));
}

/** Chromium's words for a blocked script, style, worker, fetch, image or frame. */
export function isCspViolation(text: string): boolean {
  return /Refused to|Content[- ]Security[- ]Policy/i.test(text);
}

/** Runs in the page: every CSP violation becomes a console error the watcher above sees, even one
 *  the browser reports only as an event (a blocked style attribute, say). */
export function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`Refused to load: Content-Security-Policy ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
}

export async function stepCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid=step-counter]')) ?? '';
  return Number(text.replace(/[^\d]/g, '') || 0);
}

export async function waitForStep(page: Page, atLeast: number, timeout = 60_000): Promise<number> {
  await page.waitForFunction(
    (n) => Number((document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') || 0) >= n,
    atLeast,
    { timeout, polling: 200 },
  );
  return stepCount(page);
}

/** A cheap fingerprint of a canvas's pixels, to tell whether a heatmap was redrawn differently. */
export async function canvasHash(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => {
    const canvas = (el instanceof HTMLCanvasElement ? el : el.querySelector('canvas')) as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 7) h = (Math.imul(h, 31) + data[i]) | 0;
    return `${canvas.width}x${canvas.height}:${h}`;
  });
}

/** Drags a range input's thumb with the mouse to a fraction of its width, as a person would. */
export async function dragSlider(page: Page, testId: string, fraction: number): Promise<void> {
  // The mouse does not scroll: a slider below the fold (a long lesson step) is brought into view first.
  await page.locator(`[data-testid=${testId}]`).scrollIntoViewIfNeeded();
  const box = await stableBox(page, testId);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y); // grab at the left end
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fraction, y, { steps: 8 });
  await page.mouse.up();
}

/** The element's box once it has stopped moving: a notice or a lazily loaded panel arriving above a
 *  slider shifts it, and a drag aimed at the old place grabs nothing (seen once in CI under load). */
async function stableBox(page: Page, testId: string) {
  const locator = page.locator(`[data-testid=${testId}]`);
  let last = await locator.boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await locator.boundingBox();
    if (last && now && now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  if (!last) throw new Error(`${testId} is not visible`);
  return last;
}
