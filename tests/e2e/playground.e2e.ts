import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { canvasHash, dragSlider, stepCount, waitForStep, withPage, type Scenario } from './scenario';

async function lossValue(page: Page): Promise<number> {
  return Number(((await page.textContent('[data-testid=loss-value]')) ?? '').replace(/[^\d.eE+-]/g, ''));
}

export const scenarios: Scenario[] = [
  {
    name: 'playground: LSTM trains live on the copy task; loss falls, heatmaps and ∂L/∂h_t update',
    run: (base) =>
      withPage({ shot: 'playground-training' }, async (page) => {
        await page.goto(`${base}/?cell=lstm&task=copy`);
        await page.waitForSelector('[data-testid=play-toggle]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        assert.equal(await stepCount(page), 0);
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 5);
        const loss0 = await lossValue(page);
        const heat0 = await canvasHash(page, '[data-testid=heatmap-f]');
        const grad0 = await page.getAttribute('[data-testid=gradnorm-chart] path.line, [data-testid=gradnorm-chart] path', 'd');
        await waitForStep(page, 150, 150_000);
        const loss1 = await lossValue(page);
        const heat1 = await canvasHash(page, '[data-testid=heatmap-f]');
        assert.ok(Number.isFinite(loss0) && Number.isFinite(loss1), `loss readouts ${loss0} ${loss1}`);
        assert.ok(loss1 < loss0 * 0.9, `loss should fall: ${loss0} → ${loss1}`);
        assert.notEqual(heat1, heat0, 'the forget-gate heatmap should change while training');
        const grad1 = await page.getAttribute('[data-testid=gradnorm-chart] path.line, [data-testid=gradnorm-chart] path', 'd');
        assert.ok(grad1 && grad1.length > 20, 'gradient-norm chart draws a path');
        assert.notEqual(grad1, grad0, 'gradient-norm chart updates');
        // The task's baseline (copy, 8 symbols: ln 8, the uniform guess) as a labelled dashed line.
        const baseline = page.locator('[data-testid=loss-chart] g.baseline');
        // (A horizontal <line> has an empty bounding box, which Playwright counts as invisible: check its group and label.)
        assert.equal(await baseline.getAttribute('display'), null, 'the loss chart draws the baseline');
        assert.ok(await baseline.locator('text').isVisible(), 'and labels it');
        assert.ok(Number(await baseline.locator('line').getAttribute('x2')) > 100, 'across the plot');
        assert.ok(Math.abs(Number(await baseline.getAttribute('data-value')) - Math.log(8)) < 1e-6, 'baseline = ln 8 on the copy task');
        assert.equal(await baseline.locator('line').getAttribute('stroke-dasharray'), '6 4', 'the baseline is dashed');
        assert.match((await baseline.locator('text').textContent()) ?? '', /^baseline \(uniform guess\) = 2\.08$/);
        for (const id of ['i', 'f', 'g', 'o', 'c', 'h']) {
          assert.ok(await page.isVisible(`[data-testid=heatmap-${id}]`), `heatmap-${id} visible`);
        }
        const mean = await page.textContent('[data-testid=gate-mean-f]');
        assert.match(mean ?? '', /\d/, 'the forget gate shows its live mean');
        assert.ok(await page.isVisible('[data-testid=equation-f] .katex'), 'equations rendered by KaTeX');
        await page.click('[data-testid=play-toggle]'); // pause
        await page.waitForFunction(() => /paused|暂停/i.test(document.querySelector('[data-testid=run-status]')?.textContent ?? ''));
        await page.waitForTimeout(300); // the chunk in flight when Pause landed reports its last steps
        const paused = await stepCount(page);
        await page.waitForTimeout(1000);
        assert.equal(await stepCount(page), paused, 'pause stops training');
        await page.click('[data-testid=step-button]');
        await waitForStep(page, paused + 1);
        await page.click('[data-testid=reset-button]');
        await page.waitForFunction(() => (document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') === '0');
      }),
  },
  {
    name: 'playground: dragging a slider changes the run; the URL reproduces the same run in a new tab',
    run: (base) =>
      withPage({ shot: 'playground-slider' }, async (page) => {
        await page.goto(`${base}/?cell=gru&task=adding`);
        await page.waitForSelector('[data-testid=slider-hiddenSize]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)'); // the backend notice may push the panel down
        const before = await page.inputValue('[data-testid=slider-hiddenSize]');
        await dragSlider(page, 'slider-hiddenSize', 0.3);
        const after = await page.inputValue('[data-testid=slider-hiddenSize]');
        assert.notEqual(after, before, 'dragging changes the hidden size');
        await page.waitForFunction((v) => location.search.includes(v), after, { timeout: 5000 });
        for (let i = 0; i < 3; i++) {
          await page.click('[data-testid=step-button]');
          await waitForStep(page, i + 1);
        }
        const lossA = await page.textContent('[data-testid=loss-value]');
        const url = page.url();
        const page2 = await page.context().newPage();
        await page2.goto(url);
        await page2.waitForSelector('[data-testid=slider-hiddenSize]');
        assert.equal(await page2.inputValue('[data-testid=slider-hiddenSize]'), after, 'the link restores the slider');
        assert.equal(await page2.inputValue('[data-testid=cell-select]'), 'gru');
        for (let i = 0; i < 3; i++) {
          await page2.click('[data-testid=step-button]');
          await waitForStep(page2, i + 1);
        }
        assert.equal(await page2.textContent('[data-testid=loss-value]'), lossA, 'same link, same seed, same loss');
        await page2.close();
      }),
  },
  {
    name: 'playground: language switch to Chinese and back',
    run: (base) =>
      withPage({ shot: 'playground-zh' }, async (page) => {
        await page.goto(`${base}/`);
        await page.waitForSelector('[data-testid=lang-toggle]');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await page.click('[data-testid=lang-toggle]');
        await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
        const text = await page.textContent('body');
        assert.match(text ?? '', /[\u4e00-\u9fff]{4,}/, 'Chinese text appears');
        await page.click('[data-testid=lang-toggle]');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }),
  },
  {
    name: 'playground: exploding gradients stop the run with a message and a reset, not a crash',
    run: (base) =>
      withPage({ shot: 'playground-diverged' }, async (page) => {
        // ReLU RNN, ρ(W_hh) = 3 at init (the recurrentScale link field), 150 steps, no clipping: h grows like ρ^150.
        await page.goto(`${base}/?cell=rnn&opt.nonlinearity=relu&task=adding&recurrentScale=3&learningRate=0.1&clipNorm=0&hiddenSize=128&seqLen=150`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.click('[data-testid=play-toggle]');
        await page.waitForSelector('[data-testid=diverged-banner]', { timeout: 60_000 });
        const text = (await page.textContent('[data-testid=diverged-banner]')) ?? '';
        assert.match(text, /diverg|NaN|Inf|explod/i, `banner explains: ${text}`);
        const stopped = await stepCount(page);
        await page.waitForTimeout(800);
        assert.equal(await stepCount(page), stopped, 'the run stops when it diverges');
        await page.click('[data-testid=diverged-reset]');
        await page.waitForSelector('[data-testid=diverged-banner]', { state: 'detached' });
        await page.waitForFunction(() => (document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') === '0');
      }),
  },
  {
    name: 'navigation: a click made while the cell catalogue is still loading is kept',
    run: (base) =>
      withPage({}, async (page) => {
        // Hold back the registry chunk so the click surely lands before the catalogue arrives.
        await page.route('**/assets/registry-*.js', async (route) => {
          await new Promise((r) => setTimeout(r, 1500));
          await route.continue();
        });
        await page.goto(`${base}/`);
        await page.click('[data-testid=nav-compare]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 60_000 });
        await page.waitForSelector('[data-testid=compare-page]');
        await page.waitForTimeout(500);
        assert.ok(await page.isVisible('[data-testid=compare-page]'), 'still on Compare after the catalogue loaded');
        assert.match(page.url(), /page=compare/);
      }),
  },
  {
    name: 'navigation: a slider dragged while the cell catalogue is still loading keeps its value',
    run: (base) =>
      withPage({}, async (page) => {
        // The CI failure this reproduces: on a loaded machine the catalogue arrived after the drag
        // and the link's config overwrote it.
        await page.route('**/assets/registry-*.js', async (route) => {
          await new Promise((r) => setTimeout(r, 2500));
          await route.continue();
        });
        await page.goto(`${base}/?cell=gru&task=adding`);
        await page.waitForSelector('[data-testid=slider-hiddenSize]');
        const before = await page.inputValue('[data-testid=slider-hiddenSize]');
        await dragSlider(page, 'slider-hiddenSize', 0.3);
        const dragged = await page.inputValue('[data-testid=slider-hiddenSize]');
        assert.notEqual(dragged, before, 'the drag moved the slider');
        assert.ok(!(await page.isVisible('[data-testid=backend-badge]:not(:empty)')), 'the catalogue was still loading');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 60_000 });
        assert.equal(await page.inputValue('[data-testid=slider-hiddenSize]'), dragged, 'the drag survives the catalogue');
        assert.equal(await page.inputValue('[data-testid=cell-select]'), 'gru', 'the link still names the cell');
        await page.waitForFunction((v) => new URLSearchParams(location.search).get('hiddenSize') === v, dragged, { timeout: 5000 });
      }),
  },
  {
    name: 'playground: weights save to a PyTorch file and load back into a fresh page; a broken file only costs a message',
    run: (base) =>
      withPage({ shot: 'weights' }, async (page) => {
        await page.goto(`${base}/?cell=gru&task=adding&hiddenSize=8&seqLen=12`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForFunction(() => document.querySelector('[data-testid=step-counter]')?.textContent === '0');
        for (let i = 0; i < 3; i++) await page.click('[data-testid=step-button]');
        await waitForStep(page, 3, 30_000);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=weights-save]')]);
        const path = await download.path();
        assert.ok(path, 'the file was downloaded');
        const text = readFileSync(path, 'utf8');
        const doc = JSON.parse(text) as { format: string; module: string; config: Record<string, unknown>; state_dict: Record<string, unknown>; readout?: unknown };
        assert.equal(doc.format, 'pytorch');
        assert.equal(doc.module, 'GRU');
        assert.equal(doc.config.hidden_size, 8);
        assert.ok(doc.state_dict.weight_hh_l0 && doc.readout, 'state_dict and readout');
        await page.waitForSelector('[data-testid=weights-message]');

        // A fresh page with another cell and size: the file brings its own.
        await page.goto(`${base}/?cell=lstm&task=adding&hiddenSize=16&seqLen=12`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid=weights-load]:not([disabled])');
        await page.setInputFiles('[data-testid=weights-file]', { name: 'gru.json', mimeType: 'application/json', buffer: Buffer.from(text) });
        await page.waitForSelector('[data-testid=weights-loaded]');
        await page.waitForFunction(() => {
          const q = new URLSearchParams(location.search);
          return q.get('cell') === 'gru' && q.get('hiddenSize') === '8';
        }, null, { timeout: 5000 });
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 60_000);
        await page.click('[data-testid=play-toggle]');
        assert.match((await page.textContent('[data-testid=weights-loaded]')) ?? '', /gru\.json/);

        // A broken file: a message that names it, and the run keeps its weights.
        await page.setInputFiles('[data-testid=weights-file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "pytorch",') });
        await page.waitForSelector('[data-testid=weights-message].error');
        assert.match((await page.textContent('[data-testid=weights-message]')) ?? '', /broken\.json.*bad JSON/);
        assert.ok(await page.isVisible('[data-testid=weights-loaded]'), 'the loaded weights stay');
        assert.equal(new URLSearchParams(new URL(page.url()).search).get('cell'), 'gru');

        await page.click('[data-testid=weights-unload]');
        await page.waitForSelector('[data-testid=weights-loaded]', { state: 'detached' });
      }),
  },
  {
    name: 'playground: the task’s own sliders (copy: symbols, alphabet) change the run and stay in the link',
    run: (base) =>
      withPage({ shot: 'task-options' }, async (page) => {
        await page.goto(`${base}/?cell=gru&task=copy&hiddenSize=8`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid=slider-topt-alphabet]');
        await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=param-count]')?.textContent ?? ''));
        const before = await page.textContent('[data-testid=param-count]');
        await dragSlider(page, 'slider-topt-alphabet', 0.05);
        await page.waitForFunction(() => new URLSearchParams(location.search).get('topt.alphabet') === '2', null, { timeout: 5000 });
        // A smaller alphabet is a narrower input (and output): the model has fewer parameters.
        await page.waitForFunction((b) => {
          const t = document.querySelector('[data-testid=param-count]')?.textContent ?? '';
          return /\d/.test(t) && t !== b;
        }, before, { timeout: 10_000 });
        await dragSlider(page, 'slider-topt-symbols', 1);
        await page.waitForFunction(() => new URLSearchParams(location.search).get('topt.symbols') === '5', null, { timeout: 5000 });
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 60_000);
        await page.click('[data-testid=play-toggle]');
        // Another task has its own settings.
        await page.selectOption('[data-testid=task-select]', 'select');
        await page.waitForSelector('[data-testid=slider-topt-recall]');
        assert.equal(await page.$('[data-testid=slider-topt-symbols]'), null, 'the copy task’s slider is gone');
      }),
  },
];
