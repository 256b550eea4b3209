// Issue 13, item 3: the first page does not wait for tfjs. The lesson's text is on screen before
// the page asks for any tfjs chunk (the build names every chunk holding tfjs tfjs-…, vite.config.ts):
// the cell catalogue, which brings tfjs-core, loads only after the first paint (src/main.tsx).
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
        // The cell's equations need the catalogue: once they show, tfjs-core has been fetched too.
        await page.waitForSelector('.equation-row .katex', { timeout: 60_000 });
        const got = await page.evaluate(() => ({
          titleAt: (window as unknown as { __titleAt?: number }).__titleAt ?? null,
          resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
        }));
        assert.ok(got.titleAt !== null, 'the lesson title was seen');
        const tfjs = got.resources.filter((r) => TFJS_CHUNK.test(new URL(r.name).pathname));
        assert.ok(tfjs.length > 0, `the catalogue brought a tfjs chunk (names: ${got.resources.map((r) => r.name).join(', ')})`);
        const early = tfjs.filter((r) => r.start <= got.titleAt!);
        assert.deepEqual(early.map((r) => `${r.name} at ${r.start.toFixed(0)} ms`), [], `tfjs chunks requested before the title (at ${got.titleAt!.toFixed(0)} ms)`);
      }),
  },
];
