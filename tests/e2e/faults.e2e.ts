// Faults while training: a lost WebGL context and a destroyed WebGPU device (caused through the
// page's test hook, window.__atlasDebug.simulateFault) move training to the next backend, which
// goes on from the last saved weights with a notice; a hidden tab pauses training and a shown one
// plays it again, unless the reader keeps it training in the background.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { stepCount, waitForStep, withPage, type Scenario } from './scenario';
import type { FaultKind } from '../../src/protocol/messages';

const loss = async (page: Page) => Number((await page.textContent('[data-testid=loss-value]')) ?? NaN);
const badge = async (page: Page) => ((await page.textContent('[data-testid=backend-badge]')) ?? '').trim();

/**
 * Trains on `backend` (named in the link; SwiftShader here, so a small model: its first step
 * compiles for many seconds), pauses (a saved copy), plays on, causes the fault, and checks that
 * training went on on WASM from the saved weights, with the notice saying so.
 */
async function faultScenario(page: Page, base: string, backend: 'webgl' | 'webgpu', kind: FaultKind, o: { size: number; trainSteps: number; playSteps: number }) {
  await page.goto(`${base}/?cell=rnn&task=adding&seqLen=10&hiddenSize=${o.size}&batchSize=16&learningRate=0.05&backend=${backend}`);
  await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
  assert.equal(await badge(page), backend.toUpperCase());
  await page.click('[data-testid=play-toggle]');
  await waitForStep(page, 1, 90_000);
  const initial = await loss(page);
  await waitForStep(page, o.trainSteps, 90_000);
  await page.click('[data-testid=play-toggle]');
  // The pause lands when the chunk in flight ends; on SwiftShader under CI load that can take a while.
  await page.waitForSelector('[data-testid=run-status]:has-text("Paused")', { timeout: 90_000 });
  const paused = await stepCount(page);
  const trained = await loss(page);
  assert.ok(trained < initial * 0.7, `the loss fell while training on ${backend} (${initial} → ${trained})`);
  await page.click('[data-testid=play-toggle]');
  if (o.playSteps) await waitForStep(page, paused + o.playSteps, 60_000);
  await page.evaluate(`window.__atlasDebug.simulateFault(${JSON.stringify(kind)})`);
  const notice = page.locator('[data-testid=fault-notice]');
  // Under load the switch (WASM's first start in this worker, the probe's forward pass) takes a while.
  await notice.waitFor({ timeout: 90_000 });
  const text = (await notice.textContent()) ?? '';
  const m = /went on from the weights saved at step (\d+) \(it had reached step (\d+)\)/.exec(text);
  assert.ok(m, `the notice says where training went on from: "${text}"`);
  const from = Number(m[1]);
  // The copy taken at the pause (the next is due 50 steps later), not the seeded init at step 0.
  assert.equal(from, paused, `went on from step ${from}, paused at ${paused}, reached ${m[2]}`);
  assert.ok(Number(m[2]) >= paused + o.playSteps);
  const name = backend === 'webgl' ? 'WebGL' : 'WebGPU';
  assert.match(text, new RegExp(`${name} stopped working during training \\(${backend === 'webgl' ? 'the WebGL context was lost' : 'the WebGPU device was lost'}\\)`));
  assert.match(text, /Training moved to WASM/);
  await page.waitForFunction(() => document.querySelector('[data-testid=backend-badge]')?.textContent?.trim() === 'WASM');
  // Still playing, counting on from the saved step; the first losses after the switch are the
  // trained model's, not a fresh init's (which start near the initial loss).
  // The loss shown with the first step after the switch: the saved weights on a new batch (read
  // every frame, before later steps move them).
  const early = Number(await (await page.waitForFunction((n) => {
    const step = Number(document.querySelector('[data-testid=step-counter]')?.textContent ?? 0);
    return step > n ? document.querySelector('[data-testid=loss-value]')?.textContent : null;
  }, from, { polling: 'raf', timeout: 30_000 })).jsonValue());
  assert.ok(early < initial * 0.7, `loss right after the switch ${early}: the trained model's (${trained}), not the initial ${initial}`);
  await waitForStep(page, from + 30, 30_000);
  assert.equal(await page.getAttribute('[data-testid=play-toggle]', 'aria-label'), 'Pause');
  const backendNotice = (await page.textContent('[data-testid=backend-notice]')) ?? '';
  assert.match(backendNotice, new RegExp(`${name} skipped: it lost its GPU context or device during training`));
}

/** Makes the page hidden or visible as the browser would when the tab is switched away or back. */
async function setHidden(page: Page, hidden: boolean) {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${hidden ? 'hidden' : 'visible'}' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
}

/** The step counter once it has stopped moving for a second (telemetry in flight lands first). */
async function settledStep(page: Page): Promise<number> {
  let last = await stepCount(page);
  for (;;) {
    await page.waitForTimeout(1000);
    const now = await stepCount(page);
    if (now === last) return now;
    last = now;
  }
}

export const scenarios: Scenario[] = [
  {
    name: 'faults: a lost WebGL context moves training to WASM, from the last saved weights, with a notice',
    run: (base) => withPage({ shot: 'fault-webgl' }, (page) => faultScenario(page, base, 'webgl', 'webgl-context-loss', { size: 8, trainSteps: 12, playSteps: 2 })),
  },
  {
    name: 'faults: a destroyed WebGPU device moves training to WASM, from the last saved weights, with a notice',
    run: (base) => withPage({ shot: 'fault-webgpu' }, // SwiftShader's WebGPU takes ~10 s a step here: the fault comes right after Play, during the first chunk.
      (page) => faultScenario(page, base, 'webgpu', 'webgpu-device-loss', { size: 4, trainSteps: 2, playSteps: 0 })),
  },
  {
    name: 'faults: a hidden tab pauses training and a shown one plays it again; with the setting on it keeps training',
    run: (base) =>
      withPage({ shot: 'background-tab' }, async (page) => {
        await page.goto(`${base}/?cell=rnn&task=copy`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        assert.match((await page.textContent('[data-testid=background-pause-note]')) ?? '', /pauses while this tab is hidden/);
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 5);
        await setHidden(page, true);
        const stopped = await settledStep(page);
        await page.waitForTimeout(1500);
        assert.equal(await stepCount(page), stopped, 'no steps while hidden');
        await setHidden(page, false);
        await waitForStep(page, stopped + 5);
        assert.equal(await page.getAttribute('[data-testid=play-toggle]', 'aria-label'), 'Pause');
        // Kept training in the background: the setting is remembered across a reload.
        await page.check('[data-testid=keep-training-hidden]');
        await page.reload();
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        assert.equal(await page.isChecked('[data-testid=keep-training-hidden]'), true);
        assert.equal(await page.locator('[data-testid=background-pause-note]').count(), 0);
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3);
        await setHidden(page, true);
        const at = await stepCount(page);
        await waitForStep(page, at + 10);
        await setHidden(page, false);
        // The same in Chinese.
        await page.uncheck('[data-testid=keep-training-hidden]');
        await page.click('[data-testid=lang-toggle]');
        assert.match((await page.textContent('label:has([data-testid=keep-training-hidden])')) ?? '', /标签页隐藏时继续训练/);
        assert.match((await page.textContent('[data-testid=background-pause-note]')) ?? '', /标签页隐藏时训练会暂停以节省电量/);
      }),
  },
  {
    name: 'faults: the backend is chosen by timing, the notice shows each time, and the choice is remembered for this device',
    run: (base) =>
      withPage({ webgpu: false, shot: 'backend-timing' }, async (page) => {
        // The only GPU here is SwiftShader's, which the page does not time unless told to (it is
        // slower than WASM, and its WebGPU takes seconds to compile): told to, for WebGL, here.
        await page.addInitScript(() => localStorage.setItem('rnn-atlas.backend.timeSoftware', 'true'));
        await page.goto(`${base}/?cell=rnn&task=copy`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        const text = (await page.textContent('[data-testid=backend-timing]')) ?? '';
        assert.match(text, /^Fastest here in a short timing of one small training step: WASM [\d.]+ ms · WebGL \(SwiftShader, software\)[^·]*\.\s*$/);
        const ms = (name: string) => Number(new RegExp(`${name}[^·]*? ([\\d.]+) ms`).exec(text)?.[1] ?? NaN);
        const webgl = ms('WebGL');
        const wasm = ms('WASM');
        const chosen = await badge(page);
        assert.equal(chosen, Number.isNaN(webgl) || wasm <= webgl ? 'WASM' : 'WEBGL', text);
        await page.reload();
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        const again = (await page.textContent('[data-testid=backend-timing]')) ?? '';
        assert.match(again, /^Remembered as the fastest on this device/);
        assert.equal(again.replace(/^[^:]*:/, ''), text.replace(/^[^:]*:/, ''), 'the same timings, not new ones');
        assert.equal(await badge(page), chosen);
        await page.click('[data-testid=backend-remeasure]');
        await page.waitForFunction(() => document.querySelector('[data-testid=backend-timing]')?.textContent?.startsWith('Fastest here'), null, { timeout: 60_000 });
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 5);
      }),
  },
];
