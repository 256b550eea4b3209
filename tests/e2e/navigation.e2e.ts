// Every page starts from the run it announces, links reproduce what their sender saw, and Back and
// Forward move between pages without leaving the app.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { dragSlider, withPage, type Scenario } from './scenario';

const ready = (page: Page) => page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 60_000 });

async function paramTotal(page: Page): Promise<string> {
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=param-total]')?.textContent ?? ''));
  return ((await page.textContent('[data-testid=param-total]')) ?? '').trim();
}

/** What the card's sidebar is set to: every slider and menu, by test id. */
async function controlValues(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.sidebar input[data-testid], .sidebar select[data-testid]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!, (e as HTMLInputElement).value])));
}

const query = (page: Page) => new URLSearchParams(new URL(page.url()).search);

export const scenarios: Scenario[] = [
  {
    name: 'navigation: a card after the Dilated RNN card starts from its own preset, as its link does',
    run: (base) =>
      withPage({ shot: 'nav-cards' }, async (page) => {
        await page.goto(`${base}/?page=cells`);
        await ready(page);
        await page.click('[data-testid=cell-tile-dilated]');
        await page.waitForSelector('[data-testid=cell-card][data-cell=dilated]');
        await paramTotal(page);
        await page.click('[data-testid=card-back]');
        await page.click('[data-testid=cell-tile-lstm]');
        await page.waitForSelector('[data-testid=cell-card][data-cell=lstm]');
        const afterDilated = { params: await paramTotal(page), controls: await controlValues(page) };

        await page.goto(`${base}/?page=cell&cell=lstm`);
        await page.waitForSelector('[data-testid=cell-card][data-cell=lstm]');
        await ready(page);
        const fresh = { params: await paramTotal(page), controls: await controlValues(page) };
        assert.deepEqual(afterDilated, fresh, 'the LSTM card is the same after the Dilated card as from its own link');
        assert.equal(fresh.controls['slider-numLayers'], '1', 'one layer, as the LSTM preset says');
      }),
  },
  {
    name: 'navigation: a card link gives the same run as a click on its tile',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?page=cells`);
        await ready(page);
        await page.click('[data-testid=cell-tile-irnn]');
        await page.waitForSelector('[data-testid=cell-card][data-cell=irnn]');
        const clicked = await controlValues(page);
        const preset = (await page.textContent('.preset-line')) ?? '';
        await page.goto(`${base}/?page=cell&cell=irnn`);
        await page.waitForSelector('[data-testid=cell-card][data-cell=irnn]');
        await ready(page);
        assert.deepEqual(await controlValues(page), clicked);
        assert.equal(await page.inputValue('[data-testid=task-select]'), query(page).get('task'), 'the task menu shows the linked task');
        const task = query(page).get('task') ?? '';
        assert.ok(preset.toLowerCase().includes(task === 'adding' ? 'adding' : task), `the sidebar announces the task it runs (${task}): ${preset}`);
        assert.equal(query(page).get('seqLen'), preset.match(/T = (\d+)/)?.[1], 'and its sequence length');
      }),
  },
  {
    name: 'navigation: Back and Forward move between pages and stay in the app',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?page=playground`);
        await ready(page);
        await page.click('[data-testid=nav-lesson]');
        await page.waitForSelector('[data-testid=lesson-step-0]');
        await page.click('[data-testid=lesson-next]');
        await page.waitForSelector('[data-testid=lesson-step-1]');
        await page.click('[data-testid=nav-cells]');
        await page.waitForSelector('[data-testid=cells-page]');
        await page.click('[data-testid=cell-tile-gru]');
        await page.waitForSelector('[data-testid=cell-card][data-cell=gru]');

        await page.goBack();
        await page.waitForSelector('[data-testid=cells-page]');
        await page.goBack();
        await page.waitForSelector('[data-testid=lesson-step-1]');
        await page.goBack();
        await page.waitForSelector('[data-testid=lesson-step-0]');
        await page.goBack();
        await page.waitForSelector('[data-testid=play-toggle]');
        assert.equal(query(page).get('page'), 'playground');
        await page.goForward();
        await page.waitForSelector('[data-testid=lesson-step-0]');
        assert.ok(page.url().startsWith(base), `still in the app: ${page.url()}`);
        await page.goForward();
        await page.goForward();
        await page.goForward();
        await page.waitForSelector('[data-testid=cell-card][data-cell=gru]');
      }),
  },
  {
    name: 'navigation: a lesson link carries the reader’s slider to a fresh browser',
    run: async (base) => {
      let link = '';
      let testId = '';
      let value = '';
      await withPage({}, async (page) => {
        await page.goto(`${base}/?page=lesson&lesson=vanishing-gradients`);
        await ready(page);
        // The first step that offers a slider.
        for (let i = 0; i < 10 && !(await page.$('[data-testid=lesson-controls] input[type=range]')); i++) await page.click('[data-testid=lesson-next]');
        testId = (await page.getAttribute('[data-testid=lesson-controls] input[type=range]', 'data-testid')) ?? '';
        assert.ok(testId, 'a step with a slider');
        const before = await page.inputValue(`[data-testid=${testId}]`);
        await dragSlider(page, testId, 0.3);
        value = await page.inputValue(`[data-testid=${testId}]`);
        assert.notEqual(value, before, 'the slider moved');
        await page.waitForTimeout(600); // the link follows within its write delay
        link = page.url();
      });
      await withPage({}, async (page) => {
        await page.goto(link);
        await ready(page);
        await page.waitForSelector(`[data-testid=lesson-controls] [data-testid=${testId}]`);
        await page.waitForTimeout(300);
        assert.equal(await page.inputValue(`[data-testid=${testId}]`), value, 'the fresh browser shows what the sender saw');
      });
    },
  },
  {
    name: 'navigation: after a slider drag, PageDown turns the step and leaves the slider alone',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?page=lesson&lesson=vanishing-gradients`);
        await ready(page);
        for (let i = 0; i < 10 && !(await page.$('[data-testid=lesson-controls] input[type=range]')); i++) await page.click('[data-testid=lesson-next]');
        const at = Number(await page.getAttribute('.lesson-text', 'data-step'));
        const testId = (await page.getAttribute('[data-testid=lesson-controls] input[type=range]', 'data-testid'))!;
        await dragSlider(page, testId, 0.7);
        const dragged = await page.inputValue(`[data-testid=${testId}]`);
        await page.keyboard.press('PageDown');
        await page.waitForSelector(`[data-testid=lesson-step-${at + 1}]`);
        // Back returns to the step as it was left: the slider where the drag put it.
        await page.goBack();
        await page.waitForSelector(`[data-testid=lesson-step-${at}]`);
        assert.equal(await page.inputValue(`[data-testid=${testId}]`), dragged, 'PageDown did not move the slider');
        // A slider focused from the keyboard keeps its arrows; PageDown still turns the step.
        await page.focus(`[data-testid=${testId}]`);
        await page.keyboard.press('ArrowRight');
        assert.equal(Number(await page.getAttribute('.lesson-text', 'data-step')), at, 'an arrow on a focused slider moves the slider');
        await page.keyboard.press('PageDown');
        await page.waitForSelector(`[data-testid=lesson-step-${at + 1}]`);
      }),
  },
  {
    name: 'navigation: a link with a malformed escape or tfjs flags still starts the app, with a notice',
    run: (base) =>
      withPage({}, async (page) => {
        for (const bad of ['foo=%', 'x=%E0', '%ZZ=1', 'tfjsflags=IS_TEST:true']) {
          await page.goto(`${base}/?page=playground&${bad}&hiddenSize=20`);
          await ready(page);
          await page.waitForSelector('[data-testid=url-notice]');
          await page.waitForSelector('[data-testid^=equation-] .katex');
          assert.match((await page.textContent('[data-testid=backend-badge]')) ?? '', /wasm|webgl|webgpu|cpu/i, `backend up after ${bad}`);
          await page.waitForFunction(() => new URLSearchParams(location.search).get('hiddenSize') === '20');
        }
      }),
  },
];
