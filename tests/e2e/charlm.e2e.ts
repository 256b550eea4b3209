// The character-model lesson in Chromium: a sample appears before training, changes as the model
// trains, the temperature slider draws again at the new temperature, the tracking units colour a
// passage, bits per character sit beside the loss, and the Chinese step samples poems.
import assert from 'node:assert/strict';
import { dragSlider, waitForStep, withPage, type Scenario } from './scenario';

const sampleOf = (page: import('playwright-core').Page) =>
  page.$eval('[data-testid=samples-text]', (el) => ({
    text: el.textContent ?? '',
    step: Number(el.getAttribute('data-step')),
    temperature: Number(el.getAttribute('data-temperature')),
  }));

export const scenarios: Scenario[] = [
  {
    name: 'char-lm: samples appear, change as it trains, follow the temperature slider; units and bits/char; Chinese poems',
    run: (base) =>
      withPage({ shot: 'charlm' }, async (page) => {
        await page.goto(`${base}/?page=lesson&lesson=char-lm&lstep=0`);
        await page.waitForSelector('.lesson[data-lesson=char-lm] [data-testid=lesson-step-0]');
        // The untrained model's sample, at step 0, from the prompt "Alice ".
        await page.waitForSelector('[data-testid=samples-text][data-step="0"]', { timeout: 60_000 });
        const first = await sampleOf(page);
        assert.ok(first.text.startsWith('Alice '), `the sample starts with its prompt: ${first.text.slice(0, 20)}`);
        assert.ok(first.text.length > 100, 'a sample of some length');
        await page.waitForSelector('[data-testid=bpc-value]');

        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 60, 120_000);
        await page.waitForFunction(() => Number(document.querySelector('[data-testid=samples-text]')?.getAttribute('data-step')) >= 50, undefined, { timeout: 60_000 });
        const later = await sampleOf(page);
        assert.notEqual(later.text, first.text, 'the sample changed as the model trained');
        await page.click('[data-testid=play-toggle]');
        await page.waitForSelector('[data-testid=play-toggle]:not(.playing)');
        await page.waitForTimeout(500);
        // Bits per character = loss / ln 2 (both read from the same telemetry, paused).
        const loss = Number(await page.textContent('[data-testid=loss-value]'));
        const bpc = Number(await page.textContent('[data-testid=bpc-value]'));
        assert.ok(Number.isFinite(loss) && Math.abs(bpc - loss / Math.LN2) < 0.002, `bits/char ${bpc} = loss ${loss} / ln 2`);

        // Down to the coldest temperature: the panel draws again at once, at 0.2 or 0.3.
        await dragSlider(page, 'slider-samples-temperature', 0.02);
        await page.waitForFunction(() => Number(document.querySelector('[data-testid=samples-text]')?.getAttribute('data-temperature')) <= 0.3, undefined, { timeout: 30_000 });
        const cold = await sampleOf(page);
        assert.ok(cold.temperature <= 0.3, `sampled at temperature ${cold.temperature}`);
        await dragSlider(page, 'slider-samples-temperature', 0.98);
        await page.waitForFunction(() => Number(document.querySelector('[data-testid=samples-text]')?.getAttribute('data-temperature')) >= 1.9, undefined, { timeout: 30_000 });
        const hot = await sampleOf(page);
        assert.notEqual(hot.text, cold.text, 'another temperature, another text');

        // The units that track structure: a feature picked colours the passage by its best unit.
        await page.waitForSelector('[data-testid=samples-unit-text] span');
        await page.click('[data-testid=samples-feature-linePos]');
        await page.waitForSelector('[data-testid=samples-unit-text][data-feature=linePos]');

        // The last step: the same model on Tang poems, the prompt a title's 《.
        const pills = await page.$$('[data-testid^=lesson-pill-]');
        await pills[pills.length - 1].click();
        await page.waitForFunction(() => (document.querySelector('[data-testid=samples-text]')?.textContent ?? '').startsWith('《'), undefined, { timeout: 60_000 });
        const zh = await sampleOf(page);
        assert.match(zh.text, /[\u4e00-\u9fff]/, 'the Chinese sample has Chinese characters');
        await page.click('[data-testid=lang-toggle]');
        await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
        assert.match((await page.textContent('[data-testid=samples-panel]')) ?? '', /温度/, 'the panel reads in Chinese');
      }),
  },
  {
    name: 'char-lm: the Playground on the character task shows its samples too, and only there',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?cell=lstm&task=chars`);
        await page.waitForSelector('[data-testid=samples-text][data-step="0"]', { timeout: 60_000 });
        await page.click('[data-testid=step-button]');
        await page.waitForSelector('[data-testid=samples-text][data-step="1"]', { timeout: 60_000 });
        await page.goto(`${base}/?cell=lstm&task=copy`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        assert.equal(await page.$('[data-testid=samples-panel]'), null, 'no samples panel on the copy task');
      }),
  },
];
