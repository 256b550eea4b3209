// The instruments (issue 10). What-if page: dragging ρ from 0.5 to 1.5 turns the drawn
// ‖∂h_T/∂h_t‖ curve from falling to flat or rising, and W_hh's eigenvalues leave the unit circle.
// Playground: opening the instruments while an LSTM trains draws every view.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withPage, waitForStep, type Scenario } from './scenario';

const H_PATH = '[data-testid=whatif-jacobian] g.s[data-series=whatif-h] path.line';

async function whatIfReadout(page: Page) {
  return page.evaluate((sel) => {
    const path = document.querySelector(sel);
    const spec = document.querySelector('[data-testid=whatif-spectrum]');
    const slider = document.querySelector('[data-testid=slider-wiRho]') as HTMLInputElement | null;
    return {
      rho: Number(slider?.value),
      slope: Number(path?.getAttribute('data-slope')),
      values: (path?.getAttribute('data-values') ?? '').split(',').map(Number),
      outside: Number(spec?.getAttribute('data-outside')),
      radius: Number(spec?.getAttribute('data-radius')),
    };
  }, H_PATH);
}

/** Waits until the drawn ρ (the spectrum's radius) matches the slider's value. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const slider = document.querySelector('[data-testid=slider-wiRho]') as HTMLInputElement | null;
    const r = Number(document.querySelector('[data-testid=whatif-spectrum]')?.getAttribute('data-radius'));
    return slider && Number.isFinite(r) && Math.abs(r - Number(slider.value)) < 2e-3 && document.querySelector('[data-testid=whatif-jacobian] path.line[data-values]');
  }, null, { timeout: 10_000 });
  // Two frames for the chart's own scheduled redraw.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export const scenarios: Scenario[] = [
  {
    name: 'instruments: in the what-if mode, dragging ρ from 0.5 to 1.5 turns ‖∂h_T/∂h_t‖ from falling to flat or rising, and the eigenvalues cross the unit circle',
    run: (base) =>
      withPage({ shot: 'instruments-whatif' }, async (page) => {
        await page.goto(`${base}/?page=whatif&wiRho=0.5&wiLen=200&wiHidden=64&wiScale=0.2&wiMatrix=orthogonal&seed=1`);
        await page.waitForSelector('[data-testid=whatif-page]');
        await settled(page);
        const before = await whatIfReadout(page);
        assert.ok(Math.abs(before.rho - 0.5) < 1e-9, `starts at ρ = 0.5 (${before.rho})`);
        assert.equal(before.values.length, 201, 'one value per t = 0..T');
        // data-slope is d log‖∂h_T/∂h_t‖ / dt between t = 0 and t = T, as drawn; against the lag T − t
        // it is the negative: the curve falls back through time when the slope against t is positive.
        const lagSlope = (s: number) => -s;
        assert.ok(lagSlope(before.slope) < -0.05, `at ρ = 0.5 ‖∂h_T/∂h_t‖ falls with the lag (log slope ${lagSlope(before.slope)} per step)`);
        assert.ok(before.values[0] < 1e-20 && before.values[200] === 1, `falls from 1 at t = T to ${before.values[0]} at t = 0`);
        assert.equal(before.outside, 0, 'no eigenvalue outside the unit circle at ρ = 0.5');

        // Drag the thumb from where it sits (ρ = 0.5 of 0…2: a quarter of the way) to three quarters (ρ = 1.5).
        const slider = page.locator('[data-testid=slider-wiRho]');
        await slider.scrollIntoViewIfNeeded();
        const box = await slider.boundingBox();
        if (!box) throw new Error('ρ slider not visible');
        const y = box.y + box.height / 2;
        const at = (f: number) => box.x + 8 + (box.width - 16) * f; // the thumb's centre travels between its half-widths
        await page.mouse.move(at(0.25), y);
        await page.mouse.down();
        await page.mouse.move(at(0.75), y, { steps: 12 });
        await page.mouse.up();
        await page.waitForFunction(() => Math.abs(Number((document.querySelector('[data-testid=slider-wiRho]') as HTMLInputElement).value) - 1.5) < 0.04, null, { timeout: 5000 });
        await settled(page);
        const after = await whatIfReadout(page);
        assert.ok(Math.abs(after.rho - 1.5) < 0.04, `dragged to ρ ≈ 1.5 (${after.rho})`);
        assert.ok(lagSlope(after.slope) >= -0.005, `at ρ = 1.5 ‖∂h_T/∂h_t‖ is flat or rising with the lag (log slope ${lagSlope(after.slope)} per step)`);
        assert.ok(after.values[0] >= 0.1, `‖∂h_T/∂h_0‖ = ${after.values[0]} at ρ = 1.5`);
        assert.ok(after.outside > 0, `eigenvalues outside the unit circle at ρ = 1.5 (${after.outside})`);
        // The address bar is written at most every 250 ms while a slider moves.
        await page.waitForFunction(() => /wiRho=1\.[45]/.test(location.search), null, { timeout: 5000 })
          .catch(() => { throw new Error('the link follows the slider'); });
      }),
  },
  {
    name: 'instruments: opened in the Playground while an LSTM trains, every view draws',
    run: (base) =>
      withPage({ shot: 'instruments-playground' }, async (page) => {
        await page.goto(`${base}/?cell=lstm&task=copy&seqLen=12&hiddenSize=16&seed=1`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.click('[data-testid=instruments-toggle]');
        await page.waitForSelector('[data-testid=instruments-section][data-open="1"]');
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 5, 90_000);
        await page.click('[data-testid=play-toggle]');
        const drawn = {
          spectrum: () => document.querySelectorAll('[data-testid=instr-spectrum] circle.eig').length > 0,
          jacobian: () => (document.querySelector('[data-testid=instr-jacobian] g.s path.line')?.getAttribute('data-values') ?? '').length > 0,
          step: () => (document.querySelector('[data-testid=instr-step] g.s path.line')?.getAttribute('d') ?? '').length > 10,
          gates: () => document.querySelectorAll('[data-testid=instr-gates] svg.gate-hist').length >= 4,
          clip: () => (document.querySelector('[data-testid=instr-clip] g.s[data-series=raw] path.line')?.getAttribute('d') ?? '').length > 10,
          memory: () => !!document.querySelector('[data-testid=instr-memory]')?.getAttribute('data-verdict'),
        };
        for (const [name, fn] of Object.entries(drawn)) {
          await page.waitForFunction(fn, null, { timeout: 60_000 }).catch(() => {
            throw new Error(`instrument view "${name}" did not draw`);
          });
        }
        // A click on the one-step Jacobian chart picks t (setStepEigAt); its eigenvalues come next.
        await page.locator('[data-testid=instr-step] rect.hit').click();
        await page.waitForSelector('[data-testid=instr-step] line.picked[data-t]:not([display])', { state: 'attached' });
        await page.click('[data-testid=step-button]');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid=instr-step-eig] circle.eig').length > 0, null, { timeout: 60_000 })
          .catch(() => { throw new Error('the picked t\'s eigenvalues did not draw'); });
        const sat = await page.$$eval('[data-testid=instr-gates] svg.gate-hist text.sat', (ts) => ts.map((t) => t.textContent ?? ''));
        assert.ok(sat.some((s) => /< 0\.1: .*%.*> 0\.9: .*%/.test(s)), `saturation fractions written on the histograms (${sat.join(' | ')})`);
      }),
  },
  {
    name: 'instruments: on the Compare page, the Jacobian norms and long memory overlay one series per cell, spectra side by side',
    run: (base) =>
      withPage({ shot: 'instruments-compare' }, async (page) => {
        await page.goto(`${base}/?page=compare&compare=rnn,gru&seqLen=12&hiddenSize=16&seed=1`);
        await page.waitForSelector('[data-testid=compare-page]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.click('[data-testid=instruments-toggle]');
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 90_000);
        await page.waitForFunction(() => {
          const hs = [...document.querySelectorAll('[data-testid=compare-instr-jacobian] g.s path.line')].filter((p) => (p.getAttribute('data-values') ?? '').length > 0);
          const mem = document.querySelectorAll('[data-testid=compare-instr-memory] g.panel.loglinear g.s').length;
          const spectra = ['rnn', 'gru'].every((id) => document.querySelectorAll(`[data-testid=compare-instr-spectrum-${id}] circle.eig`).length > 0);
          return hs.length === 4 && mem === 2 && spectra;
        }, null, { timeout: 60_000 }).catch(() => { throw new Error('compare instruments did not draw both cells'); });
        const colours = await page.$$eval('[data-testid=compare-instr-jacobian] g.s path.line', (ps) => ps.map((p) => p.getAttribute('stroke')));
        assert.equal(new Set(colours).size, 2, 'one colour per cell');
        await page.click('[data-testid=play-toggle]');
      }),
  },
];
