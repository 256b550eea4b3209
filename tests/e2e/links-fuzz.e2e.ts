// Hostile links in the page (issue 13, item 5): a 10,000-character value does not widen the page
// through its notice (quoted to ~200 characters, and the notice wraps); 5,000 unknown keys make one
// notice line; a key given twice takes its last value and says so.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withPage, type Scenario } from './scenario';

async function openWithNotice(page: Page, url: string): Promise<{ lines: string[]; width: number; viewport: number }> {
  await page.goto(url);
  await page.waitForSelector('[data-testid=url-notice]');
  return page.evaluate(() => ({
    lines: [...document.querySelectorAll('[data-testid=url-notice] li')].map((li) => li.textContent ?? ''),
    width: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
}

export const scenarios: Scenario[] = [
  {
    name: 'links-fuzz: a 10,000-character value, 5,000 unknown keys and a repeated key, each with a short notice',
    run: (base) =>
      withPage({ shot: 'links-fuzz' }, async (page) => {
        await page.setViewportSize({ width: 480, height: 900 });
        // The page's own width at this size with an ordinary notice, to compare against.
        const plain = await openWithNotice(page, `${base}/?lang=en&seed=3&hiddenSize=64.4`);
        assert.deepEqual(plain.lines, ['“hiddenSize=64.4” is not a whole number; using 64.']);

        const long = 'x'.repeat(10_000);
        const wide = await openWithNotice(page, `${base}/?lang=en&seed=3&seqLen=${long}`);
        assert.equal(wide.lines.length, 1);
        assert.ok(wide.lines[0].length < 300, `the notice quotes a part of the value (${wide.lines[0].length} characters)`);
        assert.match(wide.lines[0], /^“seqLen=x{200}… \(10000 characters\)” is not valid; using 12\.$/);
        assert.ok(wide.width <= Math.max(plain.width, wide.viewport), `the page stays ${plain.width} px wide, not ${wide.width} px`);

        // Such a link is longer than the test server (Node: 16 KB of headers) takes; Chromium itself
        // opens it, so the page's own document is handed to it directly.
        await page.route((url) => url.search.length > 12_000, async (route) => route.fulfill({ response: await route.fetch({ url: `${base}/` }) }));
        const junk = Array.from({ length: 5000 }, (_, i) => `junk${i}=1`).join('&');
        const many = await openWithNotice(page, `${base}/?lang=en&seed=3&${junk}`);
        assert.deepEqual(many.lines, ['Ignored 5000 unknown settings: “junk0”, “junk1”, “junk2”, …']);

        const twice = await openWithNotice(page, `${base}/?lang=en&seed=3&hiddenSize=16&hiddenSize=48`);
        assert.deepEqual(twice.lines, ['“hiddenSize” appears more than once in the link; the last one counts: hiddenSize=48.']);
        // The address bar is rewritten with the value read, once.
        await page.waitForFunction(() => new URLSearchParams(location.search).getAll('hiddenSize').join() === '48', null, { timeout: 5000 });
      }),
  },
];
