// "Your own model": the snippet copies with a confirmation, a weight file written by that snippet
// (tests/fixtures/own-model/gru.json, a torch.nn.GRU(2, 4)) loads, and a typed input becomes what
// the heatmaps and the instruments show; a malformed input costs only a message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { waitForStep, withPage, addTestScript, type Scenario } from './scenario';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/own-model/${name}`, import.meta.url));

/** What the hidden-state heatmap shows: its number of steps and the input label under each. */
async function heatmapColumns(page: Page): Promise<{ T: number; labels: string[] }> {
  return page.$eval('.heatmap-host:has([data-testid=heatmap-h])', (el) => ({
    T: Number(el.getAttribute('data-t')),
    labels: JSON.parse(el.getAttribute('data-input-labels') ?? '[]') as string[],
  }));
}

/** axe-core's serious and critical violations on the page as it is (the snippet open, a message shown). */
async function axeSerious(page: Page): Promise<string[]> {
  await addTestScript(page, createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 80)).join(' | ')}`);
  });
}

const waitColumns = (page: Page, T: number) =>
  page.waitForFunction((n) => document.querySelector('.heatmap-host:has([data-testid=heatmap-h])')?.getAttribute('data-t') === String(n), T, { timeout: 30_000 });

export const scenarios: Scenario[] = [
  {
    name: 'own model: copy the snippet, load its GRU file, type "1, 0, 0, 1, 0.5": heatmaps and Jacobians show 5 steps; bad input keeps them',
    run: (base) =>
      withPage({ shot: 'own-model' }, async (page) => {
        await page.goto(`${base}/?cell=gru&task=adding&seqLen=20`);
        await page.waitForSelector('[data-testid=weights-load]:not([disabled])');
        await waitColumns(page, 20);

        // The snippet: five lines, copied with a visible confirmation.
        await page.click('[data-testid=own-model] summary');
        const code = (await page.textContent('[data-testid=own-model-snippet]')) ?? '';
        assert.equal(code.trim().split('\n').length, 5, 'five lines of Python');
        assert.match(code, /json\.dump\(doc, open\("model\.json", "w"\)\)/);
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
        await page.click('[data-testid=own-model-copy]');
        await page.waitForSelector('[data-testid=own-model-copied]');
        const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
        if (copied !== null) assert.equal(copied.trim(), code.trim(), 'the clipboard holds the code as shown');

        // The file the snippet wrote for a torch.nn.GRU(2, 4).
        await page.setInputFiles('[data-testid=weights-file]', { name: 'gru.json', mimeType: 'application/json', buffer: fixture('gru.json') });
        await page.waitForSelector('[data-testid=weights-loaded]');
        assert.equal(await page.inputValue('[data-testid=slider-hiddenSize]'), '4');

        await page.click('[data-testid=instruments-toggle]');
        await page.fill('[data-testid=probe-input]', '1, 0, 0, 1, 0.5');
        await page.click('[data-testid=probe-apply]');
        await page.waitForSelector('[data-testid=probe-active][data-t="5"]');
        await waitColumns(page, 5);
        const cols = await heatmapColumns(page);
        assert.deepEqual(cols.labels, ['1', '0', '0', '1', '0.5'], 'the heatmaps label their columns with the typed values');
        for (const id of ['r', 'z', 'n']) assert.ok(await page.isVisible(`[data-testid=heatmap-${id}]`), `gate ${id} shown`);

        // The instruments run on the typed input: ‖∂h_T/∂x_t‖ has one point per step (and ∂h_T/∂h_t one more, t = 0).
        const jac = async (series: string) =>
          page.$eval(`[data-testid=instr-jacobian] g.s[data-series=${series}] path.line`, (p) => (p.getAttribute('data-values') ?? '').split(',').filter(Boolean).length).catch(() => 0);
        await page.waitForFunction(() => (document.querySelector('[data-testid=instr-jacobian] g.s[data-series=run-x] path.line')?.getAttribute('data-values') ?? '').split(',').length === 5, null, { timeout: 60_000 });
        assert.equal(await jac('run-x'), 5);
        assert.equal(await jac('run-h'), 6);

        // Training goes on; the views keep the typed input.
        await page.click('[data-testid=step-button]');
        await waitForStep(page, 1);
        assert.equal((await heatmapColumns(page)).T, 5);

        // A malformed input: a message, and the previous probe stays.
        await page.fill('[data-testid=probe-input]', '1, x, 3');
        await page.click('[data-testid=probe-apply]');
        await page.waitForSelector('[data-testid=probe-message]');
        assert.match((await page.textContent('[data-testid=probe-message]')) ?? '', /"x" is not a number/);
        await page.waitForTimeout(500);
        assert.deepEqual((await heatmapColumns(page)).labels, ['1', '0', '0', '1', '0.5'], 'the previous input stays');
        await page.fill('[data-testid=probe-input]', '1 2 3; 4 5 6');
        await page.click('[data-testid=probe-apply]');
        await page.waitForFunction(() => /reads 2 per step/.test(document.querySelector('[data-testid=probe-message]')?.textContent ?? ''));
        assert.ok(await page.isVisible('[data-testid=weights-loaded]'), 'the loaded weights stay');
        assert.deepEqual(await axeSerious(page), [], 'no serious or critical axe violation with the snippet open and a message shown');

        // Back to the task's example.
        await page.click('[data-testid=probe-back]');
        await waitColumns(page, 20);
        await page.waitForSelector('[data-testid=probe-active]', { state: 'detached' });
      }),
  },
  {
    name: 'own model: on the character task, typed text runs through its vocabulary (no file needed)',
    run: (base) =>
      withPage({ shot: 'own-model-chars' }, async (page) => {
        await page.goto(`${base}/?cell=lstm&task=chars&seqLen=30&hiddenSize=16`);
        await page.waitForSelector('[data-testid=probe-input]');
        await waitColumns(page, 30);
        await page.fill('[data-testid=probe-input]', 'Alice was');
        await page.click('[data-testid=probe-apply]');
        await waitColumns(page, 9);
        assert.deepEqual((await heatmapColumns(page)).labels, ['A', 'l', 'i', 'c', 'e', '·', 'w', 'a', 's']);
        await page.fill('[data-testid=probe-input]', 'naïve');
        await page.click('[data-testid=probe-apply]');
        await page.waitForSelector('[data-testid=probe-message]');
        assert.match((await page.textContent('[data-testid=probe-message]')) ?? '', /"ï" is not in the text’s vocabulary/);
        assert.equal((await heatmapColumns(page)).T, 9, 'the previous input stays');
      }),
  },
];
