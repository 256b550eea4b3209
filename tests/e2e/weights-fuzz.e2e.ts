// Hostile weight files in the page: a 2 KB file that declares 1,000,000 layers and a 50 MB file
// with a misshapen tensor are read in the weights worker. Each answers with a message that names
// the key, the page keeps drawing frames while the 50 MB file is read, and the run that was
// training is kept: same model, same step count, and it trains on.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { stepCount, waitForStep, withPage, type Scenario } from './scenario';

/** A GRU file for the adding task (2 inputs) whose weight_ih_l0 has ~50 MB of rows instead of 12. */
function bigFile(path: string): number {
  const row = `[${Array.from({ length: 2 }, (_, i) => (0.1234567890123 + i).toFixed(13)).join(',')}]`;
  const rows = Math.ceil((50 * 2 ** 20) / (row.length + 1));
  const head = '{"format":"pytorch","module":"GRU","config":{"input_size":2,"hidden_size":4},"state_dict":{'
    + `"weight_hh_l0":${JSON.stringify(Array(12).fill([0, 0, 0, 0]))},"bias_ih_l0":${JSON.stringify(Array(12).fill(0))},`
    + `"bias_hh_l0":${JSON.stringify(Array(12).fill(0))},"weight_ih_l0":[`;
  writeFileSync(path, `${head}${Array(rows).fill(row).join(',')}]}}`);
  return rows;
}

/** Counts animation frames and the longest gap between two of them, from now on (a string: tsx names functions). */
const startFrameWatch = (page: Page) => page.evaluate(`(() => {
  const w = window;
  w.__frames = { n: 0, last: performance.now(), maxGap: 0 };
  function tick(t) {
    w.__frames.maxGap = Math.max(w.__frames.maxGap, t - w.__frames.last);
    w.__frames.last = t;
    w.__frames.n++;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`);
const frames = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __frames: { n: number; maxGap: number } }).__frames }));
const resetGap = (page: Page) => page.evaluate(() => {
  (window as unknown as { __frames: { maxGap: number; last: number } }).__frames.maxGap = 0;
});

const message = (page: Page) => page.textContent('[data-testid=weights-message]');

export const scenarios: Scenario[] = [
  {
    name: 'weights fuzz: num_layers 1e6 and a 50 MB file get a message naming the key; frames keep coming; the run is kept',
    run: (base) =>
      withPage({ shot: 'weights-fuzz' }, async (page) => {
        const dir = mkdtempSync(join(tmpdir(), 'weights-fuzz-'));
        try {
          await page.goto(`${base}/?cell=gru&task=adding&seqLen=20&hiddenSize=8`);
          await page.waitForSelector('[data-testid=weights-load]:not([disabled])');
          await page.click('[data-testid=step-button]');
          await waitForStep(page, 1);
          await page.click('[data-testid=step-button]');
          const before = await waitForStep(page, 2);
          await startFrameWatch(page);

          // 1. A 2 KB file that declares a million layers: refused by key, before anything is built.
          const layers = join(dir, 'layers.json');
          writeFileSync(layers, JSON.stringify({
            format: 'pytorch', module: 'GRU', config: { input_size: 2, hidden_size: 4, num_layers: 1_000_000 },
            state_dict: { weight_ih_l0: [Array(200).fill(0.125)] },
          }));
          await page.setInputFiles('[data-testid=weights-file]', layers);
          await page.waitForSelector('[data-testid=weights-message].error', { timeout: 30_000 });
          const m1 = (await message(page)) ?? '';
          assert.match(m1, /Could not load layers\.json: config\.num_layers: expected an integer in \[1, 3\] \(the page’s largest model\), got 1000000\. The run is unchanged\./);

          // 2. A 50 MB file, misshapen: read in the worker while the page keeps drawing.
          const big = join(dir, 'big.json');
          const rows = bigFile(big);
          await resetGap(page);
          const f0 = await frames(page);
          const t0 = Date.now();
          await page.setInputFiles('[data-testid=weights-file]', big);
          await page.waitForFunction(() => /big\.json: state_dict/.test(document.querySelector('[data-testid=weights-message]')?.textContent ?? ''), null, { timeout: 120_000, polling: 100 });
          const loadMs = Date.now() - t0;
          const f1 = await frames(page);
          const m2 = (await message(page)) ?? '';
          assert.ok(m2.includes(`state_dict.weight_ih_l0: expected shape [12, 2], got [${rows}, 2]`), m2);
          assert.ok(m2.length < 400, `a short message (${m2.length} characters)`);
          // Relative, not absolute: a parse on the main thread would be one gap as long as the load.
          assert.ok(f1.n - f0.n >= 10, `frames kept coming while the file was read (${f1.n - f0.n} in ${loadMs} ms)`);
          console.log(`    50 MB file: message after ${loadMs} ms, ${f1.n - f0.n} frames meanwhile, longest gap ${Math.round(f1.maxGap)} ms`);
          assert.ok(f1.maxGap < loadMs / 2, `no frame gap near the load's length (longest ${Math.round(f1.maxGap)} ms of ${loadMs} ms)`);

          // 3. The run is as it was, and trains on.
          assert.equal(await page.isVisible('[data-testid=weights-loaded]'), false, 'no file is marked loaded');
          assert.equal(await page.inputValue('[data-testid=slider-hiddenSize]'), '8', 'the model kept its size');
          assert.ok((await stepCount(page)) >= before, 'the step count was kept');
          await page.click('[data-testid=step-button]');
          await waitForStep(page, before + 1);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
  },
  {
    name: 'weights fuzz: a saved file carries its task, and loading it on another task restores that task',
    run: (base) =>
      withPage({ shot: 'weights-task' }, async (page) => {
        await page.goto(`${base}/?cell=gru&task=copy&seqLen=24&hiddenSize=8`);
        await page.waitForSelector('[data-testid=weights-load]:not([disabled])');
        await page.click('[data-testid=step-button]');
        await waitForStep(page, 1);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=weights-save]')]);
        const text = readFileSync((await download.path())!, 'utf8');
        const doc = JSON.parse(text) as { task: { id: string; seq_len: number; options: Record<string, unknown>; input_symbols: (string | null)[] } };
        assert.equal(doc.task.id, 'copy');
        assert.equal(doc.task.seq_len, 24);
        assert.deepEqual(doc.task.input_symbols, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '_', ':'], 'the copy task’s alphabet and markers');

        await page.goto(`${base}/?cell=lstm&task=adding&seqLen=50&hiddenSize=16`);
        await page.waitForSelector('[data-testid=weights-load]:not([disabled])');
        await page.setInputFiles('[data-testid=weights-file]', { name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(text) });
        await page.waitForSelector('[data-testid=weights-loaded]', { timeout: 30_000 });
        await page.waitForFunction(() => {
          const q = new URLSearchParams(location.search);
          return q.get('task') === 'copy' && q.get('seqLen') === '24' && q.get('cell') === 'gru' && q.get('hiddenSize') === '8';
        }, null, { timeout: 10_000 });
        assert.match((await page.textContent('[data-testid=weights-loaded]')) ?? '', /the task it was trained on is restored/);
        await page.click('[data-testid=step-button]');
        await waitForStep(page, 1);
      }),
  },
];
