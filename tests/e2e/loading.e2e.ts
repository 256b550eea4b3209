// Issue 13, item 3: the first page does not wait for tfjs. The lesson's text is on screen before
// the page asks for any tfjs chunk (the build names every chunk holding tfjs tfjs-…, vite.config.ts),
// and the cell catalogue (src/cells/info) needs none: with every tfjs chunk held back, a lesson's
// equations and a card's parameter table still draw. tfjs is the training worker's alone.
import assert from 'node:assert/strict';
import { withPage, type Scenario } from './scenario';

const TFJS_CHUNK = /\/assets\/tfjs-[^/]*\.js$/;

/** Runs in the page before its scripts: the moment the lesson's title first holds text. */
function recordTitle() {
  const w = window as unknown as { __titleAt?: number };
  new MutationObserver((_, obs) => {
    if (document.querySelector('.lesson-title')?.textContent?.trim()) {
      w.__titleAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

export const scenarios: Scenario[] = [
  {
    name: 'loading: a lesson shows its text before any tfjs chunk is requested; the entry and its preloads hold no tfjs',
    run: (base) =>
      withPage({ shot: 'loading-lesson' }, async (page) => {
        const html = await (await fetch(`${base}/index.html`)).text();
        const entry = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
        assert.ok(entry.some((u) => /\/assets\/index-/.test(u)), `the entry script is in index.html: ${entry.join(', ')}`);
        assert.deepEqual(entry.filter((u) => TFJS_CHUNK.test(u)), [], 'index.html loads or preloads a tfjs chunk');

        await page.addInitScript(recordTitle);
        await page.goto(`${base}/?page=lesson&lesson=recurrence`);
        await page.waitForSelector('.lesson-title');
        await page.waitForSelector('.equation-row .katex', { timeout: 60_000 });
        const got = await page.evaluate(() => ({
          titleAt: (window as unknown as { __titleAt?: number }).__titleAt ?? null,
          resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
        }));
        assert.ok(got.titleAt !== null, 'the lesson title was seen');
        const tfjs = got.resources.filter((r) => TFJS_CHUNK.test(new URL(r.name).pathname));
        const early = tfjs.filter((r) => r.start <= got.titleAt!);
        assert.deepEqual(early.map((r) => `${r.name} at ${r.start.toFixed(0)} ms`), [], `tfjs chunks requested before the title (at ${got.titleAt!.toFixed(0)} ms)`);
      }),
  },
  {
    name: 'loading: with every tfjs chunk held back, a lesson’s equations and a card’s parameter table still draw',
    run: (base) =>
      withPage({ shot: 'loading-no-tfjs' }, async (page) => {
        const held: string[] = [];
        // Never answered: whatever waits on a tfjs chunk waits for ever (the training worker does).
        await page.route(TFJS_CHUNK, (route) => {
          held.push(route.request().url());
        });
        await page.goto(`${base}/?page=lesson&lesson=recurrence`);
        await page.waitForSelector('.lesson-title');
        await page.waitForSelector('.equation-row .katex', { timeout: 30_000 });
        assert.ok(await page.locator('[data-testid=equation-h] .katex').count() > 0, 'the lesson shows the cell’s h_t equation');
        await page.goto(`${base}/?page=cell&cell=lstm&hiddenSize=16&seqLen=12`);
        await page.waitForSelector('[data-testid=param-total]', { timeout: 30_000 });
        const total = Number(((await page.textContent('[data-testid=param-total]')) ?? '').replace(/\D/g, ''));
        assert.ok(total > 4 * 16 * 16, `the card counts the LSTM's parameters (${total})`);
        for (const id of ['i', 'f', 'g', 'o', 'c', 'h']) assert.ok(await page.locator(`[data-testid=equation-${id}] .katex`).count() > 0, `the LSTM card shows its ${id} equation`);
        // The held chunks were asked for by the training worker only, and are still held.
        assert.equal(await page.textContent('[data-testid=step-counter]').catch(() => '0'), '0');
      }),
  },
];
