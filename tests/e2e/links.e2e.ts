// Links (issue 12, items 2 and 5): a gallery demo opens its state and "Copy link" reproduces it in
// a new page; an embed link shows a widget without the header and side panel and still trains;
// the Embed button's <iframe> snippet, pasted into a plain HTML page, draws and sizes its frame.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { waitForStep, withPage, addTestScript, type Scenario } from './scenario';

/** The link fields of a query, without the ones a page writes only for its own bookkeeping. */
function fields(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.replace(/^.*\?/, '')).entries());
}

async function settledSearch(page: Page): Promise<string> {
  // The address bar is written a quarter second after the last change.
  await page.waitForTimeout(600);
  return page.evaluate(() => location.search);
}

/** axe-core's serious and critical violations on the page as it is (its script from node_modules). */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await addTestScript(page, createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null; nodes: { html: string }[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: [${v.impact}] ${v.id} ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 90)).join(' | ')}`);
}

export const scenarios: Scenario[] = [
  {
    name: 'links: gallery demo round trip (gallery → demo → Copy link → the same state in a new page)',
    run: (base) =>
      withPage({ shot: 'links-gallery' }, async (page) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base }).catch(() => undefined);
        await page.goto(`${base}/?lang=en`);
        await page.click('[data-testid=nav-gallery]');
        await page.waitForSelector('[data-testid=gallery-page]');
        assert.equal(await page.locator('[data-testid^=gallery-card-]').count(), 5 + 13, 'five named demos and one per lesson');
        assert.match((await page.textContent('[data-testid=gallery-card-tanh-forgets]')) ?? '', /tanh RNN forgets after 20 steps/);
        await Promise.all([page.waitForNavigation(), page.click('[data-testid=gallery-open-tanh-forgets]')]);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        const opened = fields(await settledSearch(page));
        for (const [k, v] of Object.entries({ v: '2', page: 'playground', cell: 'rnn', task: 'adding', seqLen: '60', seed: '1', 'opt.nonlinearity': 'tanh' })) {
          assert.equal(opened[k], v, `the demo's ${k}`);
        }
        assert.equal(await page.locator('[data-testid=url-notice]').count(), 0, 'a demo link needs no repair');
        // Copy the state's link: a visible confirmation, and the link itself.
        await page.click('[data-testid=copy-link]');
        await page.waitForFunction(() => /Link copied/.test(document.querySelector('[data-testid=copy-link-status]')?.textContent ?? ''), null, { timeout: 5000 });
        const fromClipboard = await page.evaluate(() => navigator.clipboard.readText().catch(() => '')).catch(() => '');
        const shown = (await page.getAttribute('[data-testid=copy-link-status]', 'data-link')) ?? '';
        const link = fromClipboard || shown;
        assert.ok(link.startsWith(base), `an absolute link: ${link}`);
        if (fromClipboard) assert.equal(fromClipboard, shown, 'the clipboard holds the link shown');
        const other = await page.context().newPage();
        await other.goto(link);
        await other.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        assert.deepEqual(fields(await settledSearch(other)), fields(link), 'the copied link opens the same state');
        assert.deepEqual(fields(link), fields(await settledSearch(page)), 'the copied link is the state on screen');
        assert.equal(await other.locator('[data-testid=url-notice]').count(), 0);
        await other.close();
      }),
  },
  {
    name: 'links: the gallery in Chinese; an old-format link opens with a notice of what changed',
    run: (base) =>
      withPage({ shot: 'links-zh' }, async (page) => {
        await page.goto(`${base}/?page=gallery&lang=zh`);
        await page.waitForSelector('[data-testid=gallery-page]');
        assert.match((await page.textContent('[data-testid=gallery-card-tanh-forgets]')) ?? '', /tanh RNN 在 20 步后就遗忘了/);
        assert.match((await page.textContent('[data-testid=nav-gallery]')) ?? '', /演示集/);
        // A format-1 link from before ρ: recurrentScale=2 was 2× PyTorch's init.
        await page.goto(`${base}/?v=1&page=playground&lang=en&cell=rnn&task=copy&recurrentScale=2&seed=3`);
        await page.waitForSelector('[data-testid=url-notice]');
        assert.match((await page.textContent('[data-testid=url-notice]')) ?? '', /recurrentScale=2.*older link format.*spectral radius.*recurrentScale=1\.15/s);
        assert.match(await settledSearch(page), /^\?v=2&.*recurrentScale=1\.15/);
      }),
  },
  {
    name: 'links: an embed link hides the header and side panel; the widget draws and trains; a lesson step embeds too',
    run: (base) =>
      withPage({ shot: 'links-embed' }, async (page) => {
        await page.goto(`${base}/?page=playground&cell=lstm&task=copy&seed=1&embed=1&widget=loss`);
        await page.waitForSelector('[data-testid=embed-root]');
        assert.equal(await page.locator('.app-header').count(), 0, 'no header');
        assert.equal(await page.locator('.sidebar').count(), 0, 'no side panel');
        assert.equal(await page.locator('.app-footer').count(), 0, 'no footer');
        await page.waitForSelector('[data-testid=lesson-widget-loss] [data-testid=loss-chart]');
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 60_000);
        await page.waitForFunction(() => (document.querySelector('[data-testid=loss-chart] path.line')?.getAttribute('d') ?? '').length > 10, null, { timeout: 30_000 });
        await page.click('[data-testid=play-toggle]');
        // The link keeps its embed flags when the page rewrites the address.
        assert.match(await settledSearch(page), /embed=1.*widget=loss|widget=loss.*embed=1/);
        // A whole lesson step: the step and its widgets, no header, no lesson index.
        await page.goto(`${base}/?page=lesson&lesson=vanishing-gradients&lstep=1&embed=1`);
        await page.waitForSelector('[data-testid=lesson-step-1]');
        assert.equal(await page.locator('.app-header').count(), 0);
        assert.equal(await page.locator('[data-testid=lesson-index]').isVisible(), false, 'no lesson index');
        await page.waitForSelector('[data-testid=play-toggle]');
      }),
  },
  {
    name: 'links: the Embed button’s iframe snippet embeds the page in a plain HTML page, draws and sizes its frame',
    run: (base) =>
      withPage({ shot: 'links-iframe' }, async (page) => {
        await page.goto(`${base}/?page=playground&cell=rnn&task=adding&seqLen=20&seed=1&lang=en`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.click('[data-testid=embed-button]');
        await page.selectOption('[data-testid=embed-widget]', 'gradnorm');
        const snippet = await page.inputValue('[data-testid=embed-snippet]');
        assert.match(snippet, /^<iframe src="http[^"]*embed=1[^"]*widget=gradnorm/);
        assert.match(snippet, /height="520"/);
        const host = await page.context().newPage();
        await host.setContent(`<!doctype html><html><body><h1>Course page</h1>${snippet}</body></html>`);
        const frameEl = await host.waitForSelector('iframe');
        const frame = await frameEl.contentFrame();
        assert.ok(frame, 'the iframe loads');
        await frame.waitForSelector('[data-testid=embed-root]', { timeout: 30_000 });
        assert.equal(await frame.locator('.app-header').count(), 0);
        await frame.waitForSelector('[data-testid=backend-badge]:not(:empty), [data-testid=play-toggle]');
        await frame.click('[data-testid=play-toggle]');
        await frame.waitForFunction(() => (document.querySelector('[data-testid=gradnorm-chart] path.line, [data-testid=gradnorm-chart] path')?.getAttribute('d') ?? '').length > 10, null, { timeout: 60_000 });
        // The page reported its height and the snippet's listener sized the frame to it.
        await host.waitForFunction(() => document.querySelector('iframe')?.getAttribute('height') !== '520', null, { timeout: 10_000 });
        const h = Number(await frameEl.getAttribute('height'));
        const content = await frame.evaluate(() => document.querySelector('[data-testid=embed-root]')!.scrollHeight);
        assert.ok(Math.abs(h - content) <= 2, `frame height ${h} ≈ content ${content}`);
        await host.close();
      }),
  },
  {
    name: 'links: axe-core finds no serious or critical violation on the gallery, the Embed dialog and an embedded widget',
    run: (base) =>
      withPage({}, async (page) => {
        const problems: string[] = [];
        await page.goto(`${base}/?page=gallery&lang=en`);
        await page.waitForSelector('[data-testid=gallery-page]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        problems.push(...(await axeProblems(page, 'gallery')));
        await page.click('[data-testid=copy-link]');
        await page.goto(`${base}/?page=playground&hiddenSize=16&seqLen=12&seed=1`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.click('[data-testid=embed-button]');
        await page.waitForSelector('[data-testid=embed-dialog]');
        problems.push(...(await axeProblems(page, 'embed dialog')));
        await page.goto(`${base}/?page=playground&hiddenSize=16&seqLen=12&seed=1&embed=1&widget=gradnorm`);
        await page.waitForSelector('[data-testid=embed-widget-view] [data-testid=gradnorm-chart]');
        await page.waitForTimeout(600);
        problems.push(...(await axeProblems(page, 'embed widget')));
        assert.deepEqual(problems, []);
      }),
  },
];
