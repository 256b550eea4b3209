// The zoo in the browser: the catalogue lists every registered cell, and every card opens, shows
// its maths, diagram and parameters, trains from its preset and stops. Bidirectional runs show two
// labelled directions. Waits are short: a card only has to take a few steps.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { shotsDir, stepCount, waitForStep, withPage, type Scenario } from './scenario';

async function waitStatus(page: Page, re: RegExp): Promise<void> {
  await page.waitForFunction(
    (src) => new RegExp(src, 'i').test(document.querySelector('[data-testid=run-status]')?.textContent ?? ''),
    re.source,
    { timeout: 30_000 },
  );
}

/** Training status, with the worker's message when there is one. */
async function runStatus(page: Page): Promise<string> {
  const text = (await page.textContent('[data-testid=run-status]')) ?? '';
  const why = (await page.getAttribute('.run-stats .status', 'title')) ?? '';
  return why ? `${text.trim()} (${why})` : text.trim();
}

async function checkCard(page: Page, id: string): Promise<void> {
  if (!(await page.$('[data-testid=cells-page]'))) await page.click('[data-testid=nav-cells]');
  await page.click(`[data-testid=cell-tile-${id}]`);
  await page.waitForSelector(`[data-testid=cell-card][data-cell="${id}"]`);
  // The link follows the page within its write delay.
  await page.waitForFunction((cid) => {
    const q = new URLSearchParams(location.search);
    return q.get('page') === 'cell' && q.get('cell') === cid;
  }, id, { timeout: 5000 });
  assert.ok(await page.isVisible('[data-testid=card-paper]'), 'paper line');
  assert.ok((await page.$$('[data-testid^=equation-] .katex')).length > 0, 'equations in KaTeX');
  const nodes = await page.$$eval('[data-testid=cell-diagram] [data-node]', (els) => els.length);
  const edges = await page.$$eval('[data-testid=cell-diagram] [data-edge]', (els) => els.length);
  assert.ok(nodes >= 2 && edges >= 1, `diagram has nodes (${nodes}) and edges (${edges})`);
  const rows = await page.$$eval('[data-testid=param-table] tbody tr', (els) => els.length);
  assert.ok(rows >= 1, 'parameter table');
  assert.match((await page.textContent('[data-testid=param-total]')) ?? '', /\d/, 'parameter total');

  await page.waitForFunction(() => (document.querySelector('[data-testid=step-counter]')?.textContent ?? '') === '0');
  await page.click('[data-testid=play-toggle]');
  // Two steps, or an error status: then say what the worker said instead of timing out.
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=step-counter]')?.textContent ?? 0) >= 2 ||
      document.querySelector('.run-stats .status-error, .run-stats .status-diverged') !== null,
    null, { timeout: 60_000, polling: 200 },
  ).catch(() => undefined);
  assert.ok((await stepCount(page)) >= 2, `trains: ${await runStatus(page)} at step ${await stepCount(page)}`);
  if (await page.$('[data-testid=diagnostics]')) {
    await page.waitForSelector('[data-testid=diagnostics] svg path.line[d^="M"]', { timeout: 30_000 });
  }
  await page.click('[data-testid=play-toggle]');
  await waitStatus(page, /paused|暂停/);
  await page.waitForTimeout(250);
  const stopped = await stepCount(page);
  await page.waitForTimeout(400);
  assert.equal(await stepCount(page), stopped, 'pause stops training');
}

export const scenarios: Scenario[] = [
  {
    name: 'cells: the catalogue lists every cell by group; every card renders, trains a few steps and stops',
    run: (base) =>
      withPage({ shot: 'cell-card-last' }, async (page) => {
        await page.goto(`${base}/`);
        await page.click('[data-testid=nav-cells]');
        await page.waitForSelector('[data-testid^=cell-tile-]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        const ids = await page.$$eval('[data-testid^=cell-tile-]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('cell-tile-'.length)));
        assert.ok(ids.length >= 3, `catalogue lists the cells (${ids.join(', ')})`);
        assert.equal(new Set(ids).size, ids.length, 'each cell appears once');
        const groups = await page.$$eval('[data-testid^=cell-group-]', (els) => els.length);
        assert.ok(groups >= 1, 'tiles sit in groups');
        const tagged = await page.$$eval('[data-testid^=cell-tile-]', (els) => els.every((e) => e.querySelector('.mech-badge')));
        assert.ok(tagged, 'every tile names its mechanisms');
        await page.screenshot({ path: `${shotsDir}/cells-catalogue.png`, fullPage: true });

        // Every card is tried; the failures are reported together, each naming its cell.
        const failures: string[] = [];
        for (const id of ids) {
          try {
            await checkCard(page, id);
          } catch (e) {
            failures.push(`${id}: ${String((e as Error).message ?? e).split('\n')[0]}`);
            if (await page.$('[data-testid=play-toggle].playing')) await page.click('[data-testid=play-toggle]');
          }
        }
        assert.deepEqual(failures, [], `cards that failed:\n${failures.join('\n')}`);
      }),
  },
  {
    name: 'cells: bidirectional shows forward and backward heatmaps separately; svClip reads from the link',
    run: (base) =>
      withPage({ shot: 'bidirectional' }, async (page) => {
        await page.goto(`${base}/?cell=gru&task=copy&svClip=1`);
        await page.waitForSelector('[data-testid=slider-svClip]');
        const out = await page.$eval('[data-testid=slider-svClip]', (el) => el.closest('.control')?.querySelector('output')?.textContent ?? '');
        assert.match(out, /1\.00/, `svClip slider shows the link's value (${out})`);
        assert.equal(await page.inputValue('[data-testid=select-svScope]'), 'all', 'the scope menu shows once clipping is on');
        await page.selectOption('[data-testid=select-svScope]', 'candidate');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('svScope') === 'candidate', null, { timeout: 5000 });
        await page.click('[data-testid=step-button]');
        await waitForStep(page, 1, 60_000);
        await page.goto(`${base}/?cell=gru&task=copy&bidirectional=1&svClip=0`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid=heatmaps-forward] [data-testid=heatmap-h]');
        await page.waitForSelector('[data-testid=heatmaps-backward] [data-testid=heatmap-h-bwd]');
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 60_000);
        await page.click('[data-testid=play-toggle]');
        await waitStatus(page, /paused|暂停/);
        const painted = await page.$$eval('[data-testid=heatmaps-backward] canvas', (cs) =>
          (cs as HTMLCanvasElement[]).some((c) => {
            const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240)) return true;
            return false;
          }),
        );
        assert.ok(painted, 'the backward direction heatmaps are drawn');
      }),
  },
  {
    name: 'cells: a variant option redraws the maths and its controls (Dilated RNN on a GRU or a tanh RNN; fTRU with a hyper-net degree)',
    run: (base) =>
      withPage({ shot: 'variant-switch' }, async (page) => {
        await page.goto(`${base}/?page=cell&cell=dilated&task=copy`);
        await page.waitForSelector('[data-testid=cell-card][data-cell=dilated] [data-testid=equation-r] .katex');
        await page.waitForSelector('[data-testid=heatmap-r]');
        const gruH = (await page.textContent('[data-testid=equation-h] .katex')) ?? '';
        await page.selectOption('[data-testid=select-opt-cell]', 'tanh');
        await page.waitForSelector('[data-testid=equation-r]', { state: 'detached', timeout: 5000 });
        assert.equal(await page.$('[data-testid=heatmap-r]'), null, 'no reset-gate heatmap for a tanh RNN');
        const tanhH = (await page.textContent('[data-testid=equation-h] .katex')) ?? '';
        assert.notEqual(tanhH, gruH, "the h line is the tanh RNN's");
        assert.match(tanhH, /tanh/);
        const nodes = await page.$$eval('[data-testid=cell-diagram] [data-node]', (els) => els.map((e) => e.getAttribute('data-node')));
        assert.ok(!nodes.includes('r') && !nodes.includes('z'), `diagram without gates (${nodes.join(', ')})`);
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 2, 60_000);
        await page.click('[data-testid=play-toggle]');
        await waitStatus(page, /paused|暂停/);

        // fTRU: the hyper-power variant swaps the degree's controls and turns p into a state.
        await page.goto(`${base}/?page=cell&cell=ftru&task=adding`);
        await page.waitForSelector('[data-testid=cell-card][data-cell=ftru] [data-testid=slider-opt-pInit]');
        assert.equal(await page.$('[data-testid=slider-opt-hyperSize]'), null, 'no hyper-net size for a learned p');
        await page.selectOption('[data-testid=select-opt-degreeFrom]', 'hyper');
        await page.waitForSelector('[data-testid=slider-opt-hyperSize]');
        assert.equal(await page.$('[data-testid=slider-opt-pInit]'), null, 'no initial p when a net computes it');
        assert.match((await page.textContent('[data-testid=equation-p] .katex')) ?? '', /tanh/, 'the p line is the hyper-net');
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 2, 60_000);
        await page.click('[data-testid=play-toggle]');
        await waitStatus(page, /paused|暂停/);
      }),
  },
  {
    name: 'cells: the catalogue filters by mechanism, and the link keeps the filter',
    run: (base) =>
      withPage({ shot: 'cells-filter' }, async (page) => {
        await page.goto(`${base}/?page=cells`);
        await page.waitForSelector('[data-testid^=cell-tile-]');
        const all = (await page.$$('[data-testid^=cell-tile-]')).length;
        await page.click('[data-testid=mech-filter-cross-scale]');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('mech') === 'cross-scale', null, { timeout: 5000 });
        const ids = await page.$$eval('[data-testid^=cell-tile-]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('cell-tile-'.length)));
        assert.ok(ids.length > 2 && ids.length < all, `a subset (${ids.length} of ${all})`);
        assert.ok(ids.includes('clockwork') && !ids.includes('lstm'), `cross-scale cells only: ${ids.join(', ')}`);
        await page.reload();
        await page.waitForSelector('[data-testid=mech-filter-cross-scale][aria-pressed=true]');
        assert.equal((await page.$$('[data-testid^=cell-tile-]')).length, ids.length, 'the link restores the filter');
        await page.click('[data-testid=mech-filter-all]');
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid^=cell-tile-]').length === n, all);
      }),
  },
];
