import assert from 'node:assert/strict';
import { withPage, type Scenario } from './scenario';

export const scenarios: Scenario[] = [
  {
    name: 'lesson: LSTM step by step walks forget → input → cell → output, in English and Chinese',
    run: (base) =>
      withPage({ shot: 'lesson' }, async (page) => {
        await page.goto(`${base}/`);
        await page.click('[data-testid=nav-lesson]');
        await page.waitForSelector('[data-testid=lesson-step-0]');
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
        const allText = seen.join(' ').toLowerCase();
        for (const word of ['forget', 'input', 'cell', 'output']) assert.ok(allText.includes(word), `the lesson covers the ${word} gate`);
        assert.ok(seen.length >= 4, 'at least four steps');
        await page.click('[data-testid=lesson-prev]');
        assert.ok((await highlighted()).length >= 1, 'the step highlights its equation');
        assert.ok(await page.isVisible('[data-testid^=heatmap-]'), 'a live heatmap sits beside the text');
        await page.click('[data-testid=lang-toggle]');
        await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
        const zh = (await page.textContent('[data-testid^=lesson-step-]')) ?? '';
        assert.match(zh, /[\u4e00-\u9fff]{10,}/, 'the step reads in Chinese');
      }),
  },
];
