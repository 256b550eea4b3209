import assert from 'node:assert/strict';
import { dragSlider, waitForStep, withPage, type Scenario } from './scenario';

export const scenarios: Scenario[] = [
  {
    name: 'lesson: LSTM step by step walks forget → input → cell → output, in English and Chinese',
    run: (base) =>
      withPage({ shot: 'lesson' }, async (page) => {
        await page.goto(`${base}/`);
        await page.click('[data-testid=nav-lesson]');
        await page.click('[data-testid=lesson-choice-lstm-step-by-step]');
        await page.waitForSelector('.lesson[data-lesson=lstm-step-by-step] [data-testid=lesson-step-0]');
        const seen: string[] = [];
        const highlighted = () => page.$$eval('[data-testid^=equation-].highlight, [data-testid^=equation-][data-highlight=true]', (els) => els.map((e) => e.getAttribute('data-testid')));
        for (let i = 0; i < 8; i++) {
          const current = await page.$('[data-testid^=lesson-step-]');
          const text = (await current?.textContent()) ?? '';
          seen.push(text);
          assert.ok(text.length > 80, `step ${i} has a paragraph`);
          const next = await page.$('[data-testid=lesson-next]:not([disabled])');
          if (!next) break;
          await next.click();
        }
        // The last step asks the reader to try a forget-gate bias of 0 or a longer sequence: both sliders are there.
        await page.waitForSelector('[data-testid=lesson-controls] [data-testid=slider-opt-forgetBias]');
        await page.waitForSelector('[data-testid=lesson-controls] [data-testid=slider-seqLen]');
        const allText = seen.join(' ').toLowerCase();
        for (const word of ['forget', 'input', 'cell', 'output']) assert.ok(allText.includes(word), `the lesson covers the ${word} gate`);
        assert.ok(seen.length >= 4, 'at least four steps');
        await page.click('[data-testid=lesson-prev]');
        assert.ok((await highlighted()).length >= 1, 'the step highlights its equation');
        // A clicker's arrow keys turn the steps too.
        const at = Number(await page.getAttribute('.lesson-text', 'data-step'));
        await page.keyboard.press('ArrowLeft');
        await page.waitForSelector(`[data-testid=lesson-step-${at - 1}]`);
        await page.keyboard.press('ArrowRight');
        await page.waitForSelector(`[data-testid=lesson-step-${at}]`);
        assert.ok(await page.isVisible('[data-testid^=heatmap-]'), 'a live heatmap sits beside the text');
        await page.click('[data-testid=lang-toggle]');
        await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
        const zh = (await page.textContent('[data-testid^=lesson-step-]')) ?? '';
        assert.match(zh, /[\u4e00-\u9fff]{10,}/, 'the step reads in Chinese');
      }),
  },
  {
    name: 'lesson: vanishing gradients — the step’s slider rescales W_hh, the gradient profile redraws; the mechanisms lesson opens Compare',
    run: (base) =>
      withPage({ shot: 'lesson-vanishing' }, async (page) => {
        await page.goto(`${base}/?page=lesson&lesson=vanishing-gradients&lstep=2`);
        await page.waitForSelector('.lesson[data-lesson=vanishing-gradients] [data-testid=lesson-step-2]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid=lesson-controls] [data-testid=slider-recurrentScale]');
        // The ρ control shows the cell's own radius (PyTorch's init, ≈ 0.58) and the one the step sets.
        await page.waitForFunction(() => /ρ = 0\.[5-6]\d → 1\.00/.test(document.querySelector('[data-testid=lesson-controls] .control-head output')?.textContent ?? ''));
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 2, 60_000);
        const profile = () => page.$eval('.lesson-live [data-testid=gradnorm-chart] path.line', (p) => p.getAttribute('d') ?? '');
        await page.waitForFunction(() => (document.querySelector('.lesson-live [data-testid=gradnorm-chart] path.line')?.getAttribute('d') ?? '').startsWith('M'));
        const before = await profile();
        const scaleBefore = await page.inputValue('[data-testid=lesson-controls] [data-testid=slider-recurrentScale]');
        await dragSlider(page, 'slider-recurrentScale', 0.85);
        const scaleAfter = await page.inputValue('[data-testid=lesson-controls] [data-testid=slider-recurrentScale]');
        assert.notEqual(scaleAfter, scaleBefore, 'the slider moved');
        await page.waitForFunction((v) => new URLSearchParams(location.search).get('recurrentScale') === v, scaleAfter, { timeout: 5000 });
        if (!(await page.$('[data-testid=play-toggle].playing'))) await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 2, 60_000);
        await page.waitForFunction((old) => {
          const d = document.querySelector('.lesson-live [data-testid=gradnorm-chart] path.line')?.getAttribute('d') ?? '';
          return d.startsWith('M') && d !== old;
        }, before, { timeout: 30_000 });
        assert.ok(await page.isVisible('[data-testid=equation-h]'), 'the RNN equation sits beside the text');

        await page.click('[data-testid=lesson-choice-three-mechanisms]');
        await page.waitForSelector('.lesson[data-lesson=three-mechanisms] [data-testid=lesson-step-0]');
        const pills = await page.$$('[data-testid^=lesson-pill-]');
        await pills[pills.length - 1].click();
        await page.click('[data-testid=lesson-compare]');
        await page.waitForSelector('[data-testid=compare-page]');
        const chips = await page.$$eval('[data-testid^=compare-chip-]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('compare-chip-'.length)));
        assert.deepEqual(chips, ['rnn', 'gru', 'clockwork', 'urnn'], 'the four mechanisms side by side');
        assert.equal(new URLSearchParams(new URL(page.url()).search).get('task'), 'adding', 'on the lesson’s task');
      }),
  },
];
