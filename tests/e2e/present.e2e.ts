// Presentation mode and themes (issue 12, item 1): P turns the page into a full-screen view with
// large type and no chrome; Space, →, R, ? and Esc work there; a lesson's PageDown still turns
// the step; the theme switch turns the page dark, remembers it, and "system" follows the OS.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { stepCount, waitForStep, withPage, addTestScript, type Scenario } from './scenario';

const px = (page: Page, sel: string) => page.$eval(sel, (el) => parseFloat(getComputedStyle(el).fontSize));
const presenting = (page: Page) => page.$eval('.app', (el) => el.classList.contains('presenting'));

/** Relative luminance of the body's background / of a CSS rgb() colour (0 black … 1 white). */
async function bgLuminance(page: Page): Promise<number> {
  return lum(await page.$eval('body', (el) => getComputedStyle(el).backgroundColor));
}

function lum(css: string): number {
  const m = css.match(/[\d.]+/g)!.map(Number);
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(m[0]) + 0.7152 * lin(m[1]) + 0.0722 * lin(m[2]);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's colour-contrast rule (WCAG AA) on the page as it is; it must have checked some text. */
async function contrastViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await addTestScript(page, axePath);
  const r = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { nodes: { target: string[] }[] }[]; passes: { nodes: unknown[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: ['color-contrast'] });
    return { bad: res.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))), passed: res.passes.reduce((a, p) => a + p.nodes.length, 0) };
  });
  assert.ok(r.passed > 20, `axe checked ${r.passed} text nodes`);
  return r.bad;
}

async function stepIs(page: Page, n: number) {
  await page.waitForFunction((k) => (document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') === String(k), n, { timeout: 20_000 });
}

export const scenarios: Scenario[] = [
  {
    name: 'present: P enters presentation mode on the Playground; Space, →, R, ? and Esc work; widgets can be hidden',
    run: (base) =>
      withPage({ shot: 'present-playground' }, async (page) => {
        await page.goto(`${base}/?cell=rnn&task=copy&hiddenSize=8&seqLen=10`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid=loss-chart]');
        const small = await px(page, '[data-testid=step-counter]');
        const axisSmall = await px(page, '[data-testid=loss-chart] .axis text').catch(() => 0);
        assert.ok(await page.isVisible('[data-testid=present-button]'), 'the header has a Present button');
        await page.keyboard.press('p');
        await page.waitForSelector('.app.presenting');
        assert.ok(!(await page.isVisible('.app-header')), 'the header is hidden');
        assert.ok(!(await page.isVisible('.sidebar')), 'the side panel is hidden');
        assert.ok(await page.isVisible('[data-testid=present-bar]'));
        const large = await px(page, '[data-testid=step-counter]');
        assert.ok(large >= small * 1.5, `large type: ${small}px → ${large}px`);
        if (axisSmall) assert.ok((await px(page, '[data-testid=loss-chart] .axis text')) > axisSmall * 1.4, 'chart axis labels scale up');

        await page.keyboard.press(' ');
        await waitForStep(page, 3);
        await page.keyboard.press(' ');
        await page.waitForFunction(() => /paused|暂停/i.test(document.querySelector('[data-testid=run-status]')?.textContent ?? ''));
        await page.waitForTimeout(400);
        const paused = await stepCount(page);
        await page.waitForTimeout(800);
        assert.equal(await stepCount(page), paused, 'Space pauses');
        await page.keyboard.press('ArrowRight');
        await stepIs(page, paused + 1);
        await page.waitForTimeout(500);
        assert.equal(await stepCount(page), paused + 1, '→ takes exactly one step');
        await page.keyboard.press('r');
        await stepIs(page, 0);

        await page.keyboard.press('?');
        await page.waitForSelector('[data-testid=shortcuts]');
        const list = (await page.textContent('[data-testid=shortcuts]')) ?? '';
        for (const k of ['P', 'Space', '→', 'R', 'PageDown', 'Esc', '?']) assert.ok(list.includes(k), `the shortcuts list ${k}`);
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-testid=shortcuts]', { state: 'detached' });
        assert.ok(await presenting(page), 'Esc closed the list first');

        // The widget picker: untick the loss chart's card, and the choice is remembered.
        await page.click('[data-testid=present-widgets]');
        const box = page.locator('[data-testid=present-picker] label').filter({ hasText: /learning curve/i }).first().locator('input');
        await box.uncheck();
        await page.waitForFunction(() => !document.querySelector('[data-testid=loss-chart]')?.checkVisibility());
        assert.match((await page.evaluate(() => localStorage.getItem('rnn-atlas.present.hidden'))) ?? '', /playground/);
        await box.check();
        await page.waitForFunction(() => !!document.querySelector('[data-testid=loss-chart]')?.checkVisibility());

        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('.app')?.classList.contains('presenting'));
        assert.ok(await page.isVisible('.app-header'), 'the header is back');
        assert.ok(Math.abs((await px(page, '[data-testid=step-counter]')) - small) < 0.5, 'normal type again');
        // Typing in a text field never fires a shortcut.
        const num = page.locator('input[type=number]').first();
        if (await num.count()) {
          await num.focus();
          await page.keyboard.press('p');
          await page.waitForTimeout(200);
          assert.ok(!(await presenting(page)), 'P typed in a number field does not present');
        }
      }),
  },
  {
    name: 'present: on a lesson step PageDown turns the step in presentation mode',
    run: (base) =>
      withPage({ shot: 'present-lesson' }, async (page) => {
        await page.goto(`${base}/?page=lesson&lesson=vanishing-gradients&lstep=0`);
        await page.waitForSelector('.lesson[data-lesson=vanishing-gradients] [data-testid=lesson-step-0]');
        const body0 = await px(page, '.lesson-body');
        await page.keyboard.press('p');
        await page.waitForSelector('.app.presenting');
        assert.ok((await px(page, '.lesson-body')) > body0 * 1.4, 'the step text is large');
        assert.ok(!(await page.isVisible('.lesson-index')), 'the lesson index is hidden');
        await page.keyboard.press('PageDown');
        await page.waitForSelector('[data-testid=lesson-step-1]');
        assert.ok(await presenting(page), 'still presenting after the step turned');
        await page.keyboard.press('PageUp');
        await page.waitForSelector('[data-testid=lesson-step-0]');
        await page.keyboard.press('p');
        await page.waitForFunction(() => !document.querySelector('.app')?.classList.contains('presenting'));
      }),
  },
  {
    name: 'present: the theme switch turns the page dark and keeps it over a reload; "system" follows prefers-color-scheme',
    run: (base) =>
      withPage({ shot: 'present-dark' }, async (page) => {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(`${base}/?cell=lstm&task=copy`);
        await page.waitForSelector('[data-testid=theme-switch]');
        assert.ok((await bgLuminance(page)) > 0.8, 'light by default on a light system');
        await page.click('[data-testid=theme-dark]');
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        assert.ok((await bgLuminance(page)) < 0.05, 'the background is dark');
        await page.reload();
        await page.waitForSelector('[data-testid=theme-switch]');
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        assert.ok((await bgLuminance(page)) < 0.05, 'still dark after a reload');
        assert.equal(await page.getAttribute('[data-testid=theme-dark]', 'aria-checked'), 'true');
        // Axis labels take the theme's colour: light text on the dark card.
        await page.click('[data-testid=step-button]');
        await page.click('[data-testid=step-button]');
        await waitForStep(page, 2);
        await page.waitForSelector('[data-testid=loss-chart] .axis text', { state: 'visible' });
        const fill = await page.$eval('[data-testid=loss-chart] .axis text', (el) => getComputedStyle(el).fill);
        assert.ok(lum(fill) > 0.3, `axis labels are light in dark mode: ${fill}`);
        await page.click('[data-testid=theme-system]');
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        assert.ok((await bgLuminance(page)) < 0.05, '"system" on a dark system is dark');
        await page.reload();
        await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        assert.equal(await page.evaluate(() => localStorage.getItem('rnn-atlas.theme')), 'system');
        // Text contrast in the dark theme, as axe-core measures it on the rendered page, also presenting.
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        assert.deepEqual(await contrastViolations(page), [], 'dark Playground');
        await page.keyboard.press('p');
        await page.waitForSelector('.app.presenting');
        assert.deepEqual(await contrastViolations(page), [], 'dark Playground, presenting');
      }),
  },
];
