// Accessibility: an axe-core scan of every page type (Playground idle and training, a cell card,
// the catalogue, Compare, the what-if page, a lesson's last step with its questions, the glossary
// open; English, and the Playground and a lesson in Chinese) with no serious or critical
// violation; and a keyboard-only walk through the Playground: every control Tab reaches shows a
// visible focus indicator and has an accessible name, and a slider moves with the arrow keys.
// axe-core's own script (node_modules/axe-core/axe.min.js) is injected into the page: nothing is
// downloaded.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { LESSONS } from '../../src/lessons/registry';
import { withPage, addTestScript, type Scenario } from './scenario';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; any?: { message: string }[] }[];
}

/** Runs axe on the page as it is and returns its serious and critical violations, described. */
async function scan(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await addTestScript(page, axePath);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  })) as AxeViolation[];
  const lesser = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (lesser.length && process.env.A11Y_VERBOSE) console.log(`    ${where}, moderate/minor (not failing): ${lesser.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help} — ${v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 90)}${n.any?.[0]?.message ? ` (${n.any[0].message.slice(0, 120)})` : ''}`).join(' | ')}${v.nodes.length > 6 ? ` (+${v.nodes.length - 6})` : ''}`);
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
  await page.waitForTimeout(600);
}

/**
 * Ready, and the service worker's "ready to work offline" toast shown (it comes once the precache
 * is written, seconds later on a loaded machine): a Tab walk then sees the page as it stays.
 */
async function settled(page: Page): Promise<void> {
  await ready(page);
  await page.waitForSelector('[data-testid=pwa-ready]', { timeout: 60_000 });
}

function report(problems: string[]): void {
  if (problems.length) console.log(`    axe violations:\n      ${problems.join('\n      ')}`);
  assert.deepEqual(problems, [], `${problems.length} serious or critical axe violations (listed above)`);
}

const lastStep = (id: string) => LESSONS.find((l) => l.id === id)!.steps.length - 1;

/**
 * Presses Tab until the focus comes back to where it started (or `max` presses): each element
 * reached must show a focus indicator (a computed outline or box-shadow) and have an accessible
 * name; the first slider reached must move with the arrow keys; and every visible, enabled
 * control on the page must have been reached.
 */
async function tabWalk(page: Page, max: number): Promise<{ reached: string[]; problems: string[]; sliderMoved: boolean }> {
  const reached: string[] = [];
  const problems: string[] = [];
  let sliderMoved = false;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (el.dataset.a11yReached) return { again: true, key: '', ring: true, name: 'x', range: false };
      el.dataset.a11yReached = '1';
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== '' && cs.boxShadow !== 'none');
      // The accessible name, as a screen reader computes it in these simple cases.
      const input = el as HTMLInputElement;
      const name = (el.getAttribute('aria-label') ?? '').trim()
        || (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim()
        || (input.labels && input.labels.length ? [...input.labels].map((l) => l.textContent ?? '').join(' ').trim() : '')
        || (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) ? (el.textContent ?? '').trim() : '')
        || (el.getAttribute('title') ?? '').trim();
      const tid = el.getAttribute('data-testid');
      const key = `${el.tagName.toLowerCase()}${tid ? `[${tid}]` : ''}${el.id ? `#${el.id}` : ''}:${name.slice(0, 30)}`;
      return { again: false, key, ring, name, range: el.tagName === 'INPUT' && input.type === 'range' };
    });
    if (!f) continue;
    if (f.again) break; // wrapped around
    reached.push(f.key);
    if (!f.ring) problems.push(`${f.key}: no visible focus indicator`);
    if (!f.name) problems.push(`${f.key}: no accessible name`);
    if (!sliderMoved && f.range) {
      const value = () => page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      const before = await value();
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
      if ((await value()) === before) {
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await page.waitForTimeout(100);
      }
      assert.notEqual(await value(), before, `the slider ${f.key} moves with the arrow keys`);
      sliderMoved = true;
    }
  }
  const missed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => !el.dataset.a11yReached && !(el as HTMLButtonElement).disabled && el.getAttribute('tabindex') !== '-1')
      .filter((el) => (typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) : el.offsetParent !== null))
      .filter((el) => !el.closest('[inert], [aria-hidden=true], details:not([open]) > :not(summary)'))
      // Radio buttons: one stop per group (the arrow keys move within it).
      .filter((el) => !((el as HTMLInputElement).type === 'radio' && [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${(el as HTMLInputElement).name}"]`)].some((r) => r.dataset.a11yReached)))
      .map((el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} ${(el.textContent ?? '').trim().slice(0, 30)}`));
  for (const m of missed) problems.push(`${m}: not reached by Tab`);
  if (process.env.A11Y_VERBOSE) console.log(`    Tab reached ${reached.length} controls: ${reached.join(', ').slice(0, 1500)}`);
  return { reached, problems, sliderMoved };
}

export const scenarios: Scenario[] = [
  {
    name: 'a11y: axe-core finds no serious or critical violation on the Playground (idle, then training with its instruments open) and a cell card',
    run: (base) =>
      withPage({ shot: 'a11y-scan' }, async (page) => {
        const problems: string[] = [];
        await page.goto(`${base}/?page=playground&hiddenSize=16&seqLen=12`);
        await ready(page);
        await page.waitForSelector('[data-testid^=equation-] .katex');
        problems.push(...(await scan(page, 'playground idle')));
        await page.click('[data-testid=play-toggle]');
        await page.waitForFunction(() => Number((document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') || 0) >= 3, null, { timeout: 60_000 });
        await page.click('[data-testid=instruments-toggle]');
        await page.waitForSelector('[data-testid=instruments-section][data-open="1"] svg', { timeout: 30_000 });
        await page.waitForTimeout(800);
        problems.push(...(await scan(page, 'playground training')));
        // The charts' text alternatives say what they show (src/views/alt-text.ts).
        const lossAlt = (await page.getAttribute('[data-testid=loss-chart]', 'aria-label')) ?? '';
        assert.match(lossAlt, /^Loss over \d+ steps, from [\d.e−]+ to [\d.e−]+; baseline [\d.]+/, `loss chart alt: "${lossAlt}"`);
        const gradAlt = (await page.getAttribute('[data-testid=gradnorm-chart]', 'aria-label')) ?? '';
        assert.match(gradAlt, /^‖∂L\/∂h_t‖ over 12 steps/, `gradient chart alt: "${gradAlt}"`);
        const specAlt = (await page.getAttribute('[data-testid=instruments-section] svg.spectrum', 'aria-label')) ?? '';
        assert.match(specAlt, /eigenvalues, spectral radius [\d.]+/, `spectrum alt: "${specAlt}"`);
        await page.click('[data-testid=play-toggle]');

        await page.goto(`${base}/?page=cell&cell=lstm&hiddenSize=16&seqLen=12`);
        await ready(page);
        await page.waitForSelector('[data-testid=cell-diagram] [data-node]');
        problems.push(...(await scan(page, 'card lstm')));
        report(problems);
      }),
  },
  {
    name: 'a11y: axe-core finds no serious or critical violation on the catalogue, Compare, what-if, a lesson’s last step with its questions and the glossary',
    run: (base) =>
      withPage({ shot: 'a11y-scan-2' }, async (page) => {
        const problems: string[] = [];

        await page.goto(`${base}/?page=cells`);
        await page.waitForSelector('[data-testid^=cell-tile-]');
        problems.push(...(await scan(page, 'catalogue')));

        await page.goto(`${base}/?page=compare&compare=rnn,gru&seqLen=12&hiddenSize=16&seed=1`);
        await ready(page);
        await page.waitForSelector('[data-testid=compare-page]');
        problems.push(...(await scan(page, 'compare')));

        await page.goto(`${base}/?page=whatif&wiLen=100&wiHidden=32`);
        await ready(page);
        await page.waitForTimeout(1200);
        problems.push(...(await scan(page, 'what-if')));

        const lesson = 'vanishing-gradients';
        await page.goto(`${base}/?page=lesson&lesson=${lesson}&lstep=${lastStep(lesson)}`);
        await ready(page);
        await page.waitForSelector('[data-testid=lesson-questions]');
        problems.push(...(await scan(page, 'lesson last step')));
        await page.click('[data-testid=glossary-toggle]');
        await page.waitForSelector('[data-testid=glossary] [data-term-entry]');
        problems.push(...(await scan(page, 'glossary')));
        report(problems);
      }),
  },
  {
    name: 'a11y: axe-core finds no serious or critical violation on the Chinese Playground and a Chinese lesson',
    run: (base) =>
      withPage({}, async (page) => {
        const problems: string[] = [];
        await page.goto(`${base}/?page=playground&lang=zh&hiddenSize=16&seqLen=12`);
        await ready(page);
        await page.click('[data-testid=step-button]');
        await page.waitForFunction(() => Number((document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') || 0) >= 1, null, { timeout: 60_000 });
        problems.push(...(await scan(page, 'zh playground')));
        const lossAlt = (await page.getAttribute('[data-testid=loss-chart]', 'aria-label')) ?? '';
        assert.match(lossAlt, /^损失，共 \d+ 步，从 /, `Chinese loss chart alt: "${lossAlt}"`);
        const lesson = 'lstm-step-by-step';
        await page.goto(`${base}/?page=lesson&lesson=${lesson}&lstep=${lastStep(lesson)}&lang=zh`);
        await ready(page);
        await page.waitForSelector('[data-testid=lesson-questions]');
        problems.push(...(await scan(page, 'zh lesson last step')));
        report(problems);
      }),
  },
  {
    name: 'a11y: axe-core finds no serious or critical violation on the Playground and a lesson step in the dark theme',
    run: (base) =>
      withPage({ shot: 'a11y-dark' }, async (page) => {
        const problems: string[] = [];
        await page.goto(`${base}/?page=playground&hiddenSize=16&seqLen=12`);
        await ready(page);
        await page.click('[data-testid=theme-dark]');
        await page.waitForSelector('html[data-theme=dark]');
        await page.click('[data-testid=step-button]');
        await page.waitForFunction(() => Number((document.querySelector('[data-testid=step-counter]')?.textContent ?? '').replace(/[^\d]/g, '') || 0) >= 1, null, { timeout: 60_000 });
        await page.waitForTimeout(400);
        problems.push(...(await scan(page, 'dark playground')));
        await page.goto(`${base}/?page=lesson&lesson=lstm-step-by-step&lstep=1`);
        await ready(page);
        await page.waitForSelector('html[data-theme=dark]');
        problems.push(...(await scan(page, 'dark lesson step')));
        report(problems);
      }),
  },
  {
    name: 'a11y: keyboard only — Tab reaches every Playground control with a visible focus ring and a name; a slider moves with the arrow keys',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?page=playground&hiddenSize=16&seqLen=12`);
        await settled(page);
        const { reached, problems, sliderMoved } = await tabWalk(page, 250);
        assert.ok(reached.length >= 15, `Tab reaches the Playground's controls (${reached.length} reached)`);
        assert.ok(sliderMoved, 'Tab reaches a slider and the arrow keys move it');
        for (const need of ['play-toggle', 'step-button', 'reset-button', 'lang-toggle']) {
          assert.ok(reached.some((k) => k.includes(`[${need}]`)), `Tab reaches ${need}`);
        }
        if (problems.length) console.log(`    keyboard problems:\n      ${problems.join('\n      ')}`);
        assert.deepEqual(problems, [], `${problems.length} controls unreachable by Tab, or without a visible focus ring or a name`);
      }),
  },
  {
    name: 'a11y: keyboard only — a lesson’s last step with its questions: every control reached by Tab, with a focus ring and a name',
    run: (base) =>
      withPage({}, async (page) => {
        const lesson = 'vanishing-gradients';
        await page.goto(`${base}/?page=lesson&lesson=${lesson}&lstep=${lastStep(lesson)}`);
        await settled(page);
        await page.waitForSelector('[data-testid=lesson-questions]');
        const { reached, problems } = await tabWalk(page, 250);
        assert.ok(reached.some((k) => k.includes('[lesson-prev]')), 'Tab reaches the step buttons');
        if (problems.length) console.log(`    keyboard problems:\n      ${problems.join('\n      ')}`);
        assert.deepEqual(problems, [], `${problems.length} controls unreachable by Tab, or without a visible focus ring or a name`);
      }),
  },
];
