import assert from 'node:assert/strict';
import { waitForStep, withPage, type Scenario } from './scenario';

export const scenarios: Scenario[] = [
  {
    name: 'backend: without WebGPU the app falls back, says so, and still trains',
    run: (base) =>
      withPage({ webgpu: false, shot: 'fallback-no-webgpu' }, async (page) => {
        assert.equal(await page.evaluate(() => 'gpu' in navigator), false);
        await page.goto(`${base}/?cell=rnn&task=copy`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        const badge = (await page.textContent('[data-testid=backend-badge]')) ?? '';
        assert.doesNotMatch(badge, /webgpu/i);
        assert.match(badge, /wasm|webgl|cpu/i);
        const notice = (await page.textContent('[data-testid=backend-notice]')) ?? '';
        assert.match(notice, /WebGPU/i, 'the notice explains why WebGPU is not used');
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 10);
      }),
  },
  {
    name: 'backend: with only a software WebGPU adapter the app prefers WASM and explains why',
    run: (base) =>
      withPage({ webgpu: true, shot: 'fallback-swiftshader' }, async (page) => {
        await page.goto(`${base}/`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        const notice = (await page.textContent('[data-testid=backend-notice]')) ?? '';
        const badge = (await page.textContent('[data-testid=backend-badge]')) ?? '';
        // Here the only adapter is SwiftShader; on a real GPU the badge would say WebGPU and no notice is needed.
        assert.ok(/webgpu/i.test(badge) || /software|fallback|swiftshader/i.test(notice), `badge "${badge}", notice "${notice}"`);
      }),
  },
];
