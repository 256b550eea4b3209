// Readouts that say what they measure, and a budget that keeps the tab alive: chart titles keep
// the case of their maths in both languages, the adding task's accuracy names its tolerance,
// Compare's run bar shows numbers, and a link to a model too big for the tab opens with a message
// and trains once a slider makes it small enough.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { dragSlider, stepCount, waitForStep, withPage, type Scenario } from './scenario';

/** The rendered text (innerText applies CSS text-transform) of every card title with a ∂ in it. */
async function mathTitles(page: Page): Promise<string[]> {
  return page.$$eval('.card-title', (els) => els.map((e) => (e as HTMLElement).innerText).filter((s) => s.includes('∂')));
}

export const scenarios: Scenario[] = [
  {
    name: 'readouts: ∂L/∂hₜ keeps its case in chart titles (en, zh); Compare’s run bar shows the best loss, not “—”',
    run: (base) =>
      withPage({ shot: 'readouts-compare' }, async (page) => {
        await page.goto(`${base}/?page=compare&compare=rnn,gru&task=adding&seqLen=12`);
        await page.waitForSelector('[data-testid=compare-page]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        for (const lang of ['en', 'zh']) {
          if (lang === 'zh') {
            await page.click('[data-testid=lang-toggle]');
            await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
          }
          const titles = await mathTitles(page);
          assert.ok(titles.length > 0, `${lang}: a chart title with ∂L/∂h`);
          for (const t of titles) {
            assert.match(t, /∂L\s*\/\s*∂h/, `${lang}: "${t}" keeps h lower-case`);
            assert.doesNotMatch(t, /∂H/, `${lang}: "${t}" is not upper-cased`);
          }
        }
        await page.click('[data-testid=lang-toggle]');
        await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 90_000);
        await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=loss-value]')?.textContent ?? ''), null, { timeout: 30_000 });
        const loss = (await page.textContent('[data-testid=loss-value]')) ?? '';
        assert.ok(Number.isFinite(Number(loss)) && Number(loss) > 0, `the bar's loss is a number: "${loss}"`);
        // It is the best of the table's losses.
        const rows = await page.$$eval('[data-testid^=compare-row-] td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent)));
        assert.ok(rows.length === 2 && rows.every(Number.isFinite), `table losses ${rows}`);
        const label = (await page.textContent('.run-stats')) ?? '';
        assert.match(label, /best loss/i);
        assert.match((await page.textContent('[data-testid=accuracy-label]')) ?? '', /±0\.04/);
        assert.match((await page.textContent('[data-testid=accuracy-value]')) ?? '', /\d+(\.\d)?%/);
        await page.click('[data-testid=play-toggle]');
      }),
  },
  {
    name: 'readouts: the adding task’s accuracy names its ±0.04 tolerance; steps/s reads over a window',
    run: (base) =>
      withPage({ shot: 'readouts-adding' }, async (page) => {
        // Titles are not upper-cased: a cell name keeps its case ("uRNN", not "URNN").
        await page.goto(`${base}/?cell=urnn&task=adding&seqLen=12`);
        await page.waitForFunction(() => [...document.querySelectorAll('.card-title')].some((e) => (e as HTMLElement).innerText.includes('uRNN')), null, { timeout: 30_000 });
        await page.goto(`${base}/?cell=lstm&task=adding&seqLen=12`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForFunction(() => /±0\.04/.test(document.querySelector('[data-testid=accuracy-label]')?.textContent ?? ''), null, { timeout: 30_000 });
        const help = await page.getAttribute('[data-testid=accuracy-label] >> xpath=..', 'title');
        assert.match(help ?? '', /within ±0\.04 of the target/);
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 20, 90_000);
        const sps = (await page.textContent('[data-testid=steps-per-second]')) ?? '';
        assert.match(sps, /\d+(\.\d)? steps\/s/);
        assert.match((await page.getAttribute('[data-testid=steps-per-second]', 'title')) ?? '', /last 2 s/);
        await page.click('[data-testid=play-toggle]');
      }),
  },
  {
    name: 'budget: a link above it opens with the message and does not train; a lower hidden size trains',
    run: (base) =>
      withPage({ shot: 'budget-refused' }, async (page) => {
        await page.goto(`${base}/?cell=lstm&task=adding&seqLen=200&hiddenSize=128&numLayers=3&bidirectional=1&batchSize=256`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid=budget][data-level=refuse]', { timeout: 30_000 });
        const msg = (await page.textContent('[data-testid=budget-message]')) ?? '';
        assert.match(msg, /Too big to train in this tab/);
        assert.match(msg, /Hidden size to \d+/);
        assert.match((await page.textContent('[data-testid=budget-line]')) ?? '', /GB/);
        // The link is kept as it is.
        assert.match(page.url(), /hiddenSize=128/);
        await page.click('[data-testid=play-toggle]');
        await page.waitForFunction(() => /Too big to train/.test(document.querySelector('[data-testid=run-error]')?.textContent ?? ''), null, { timeout: 30_000 });
        await page.waitForTimeout(1500);
        assert.equal(await stepCount(page), 0, 'nothing trains');
        // Lower H with the slider, as the message says.
        await dragSlider(page, 'slider-hiddenSize', 0.02);
        await page.waitForFunction(() => document.querySelector('[data-testid=budget]')?.getAttribute('data-level') !== 'refuse', null, { timeout: 10_000 });
        // The link follows within its write delay.
        await page.waitForFunction(() => Number(new URLSearchParams(location.search).get('hiddenSize')) < 64, null, { timeout: 5000 }).catch(() => undefined);
        const h = Number(new URL(page.url()).searchParams.get('hiddenSize'));
        assert.ok(h < 64, `hidden size lowered: ${h}`);
        await page.waitForFunction(() => !document.querySelector('[data-testid=run-error]'), null, { timeout: 30_000 });
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 2, 120_000);
        await page.click('[data-testid=play-toggle]');
      }),
  },
];
