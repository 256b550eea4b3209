// The lessons end to end: three lessons walked step by step (one in Chinese) — every listed widget
// draws, a check question answered wrong then right, progress kept across a reload and shown in
// the index, a glossary term opened from the text (mouse and keyboard), the next-lesson button —
// and a scan of every step of every lesson that trains one step and waits for each widget the step
// lists to draw (a canvas with pixels, an SVG with marks, the counter's table, the samples panel).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { LESSONS } from '../../src/lessons/registry';
import { withPage, type Scenario } from './scenario';

/** In the page: which of the step's widgets have not drawn yet. */
function undrawnWidgets(): string[] {
  const visible = (e: Element) => {
    const cs = getComputedStyle(e);
    return e.getAttribute('display') !== 'none' && cs.display !== 'none' && cs.visibility !== 'hidden';
  };
  const canvasInked = (c: HTMLCanvasElement) => {
    if (!c.width || !c.height) return false;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return false;
    for (let i = 3; i < data.length; i += 16) if (data[i] > 0) return true;
    return false;
  };
  const drawn = (host: Element, w: string): boolean => {
    if (w === 'params') return host.querySelectorAll('[data-testid=param-counter] tbody tr').length > 0 && /\d/.test(host.querySelector('[data-testid=params-total]')?.textContent ?? '');
    if (w === 'samples') {
      const p = host.querySelector('[data-testid=samples-panel]');
      return !!p && (p.textContent ?? '').trim().length > 0;
    }
    const empties = [...host.querySelectorAll('.chart-empty, .chart-empty-text')].filter((e) => visible(e) && (e.textContent ?? '').trim());
    if (empties.length) return false;
    if ([...host.querySelectorAll('canvas')].some((c) => canvasInked(c as HTMLCanvasElement))) return true;
    const marks = [...host.querySelectorAll('svg path[d], svg circle, svg rect')].filter((m) => {
      if (m.closest('.tick, .domain') || m.classList.contains('domain')) return false;
      if (m.tagName === 'path') return /^M[^M]*[LCAQHVZ]/i.test(m.getAttribute('d') ?? '') || (m.getAttribute('d') ?? '').length > 12;
      if (m.tagName === 'rect') return Number(m.getAttribute('width') ?? 0) > 0 && Number(m.getAttribute('height') ?? 0) > 0;
      return true;
    });
    return marks.length > 0;
  };
  return [...document.querySelectorAll('.lesson-live [data-widget]')]
    .filter((host) => !drawn(host, host.getAttribute('data-widget') ?? ''))
    .map((host) => host.getAttribute('data-widget') ?? '?');
}

/** Trains one step (again after a while if needed) and waits for every widget of the step to draw. */
async function widgetsDraw(page: Page, where: string, timeout = 40_000): Promise<string[]> {
  await page.waitForSelector('.lesson-live [data-widget]');
  const t0 = Date.now();
  let clicks = 0;
  let left: string[] = [];
  while (Date.now() - t0 < timeout) {
    left = await page.evaluate(undrawnWidgets);
    if (!left.length) return [];
    // One training step (loss, gradient, clipping and a fresh instruments snapshot with Jacobians).
    if (clicks === 0 || (Date.now() - t0 > clicks * 12_000 && clicks < 3)) {
      await page.click('[data-testid=step-button]');
      clicks++;
    }
    await page.waitForTimeout(400);
  }
  return left.map((w) => `${where}: ${w}`);
}

/** tsx keeps function names with a `__name` helper that the page does not have: give it one. */
async function allowNamedFunctions(page: Page) {
  await page.addInitScript('window.__name = (f) => f;');
}

async function openLesson(page: Page, id: string) {
  await page.click(`[data-testid=lesson-choice-${id}]`);
  await page.waitForSelector(`.lesson[data-lesson=${id}] [data-testid=lesson-step-0]`, { state: 'attached' });
}

/** Walks a lesson's steps with the Next button; returns the problems found. */
async function walk(page: Page, id: string): Promise<string[]> {
  const problems: string[] = [];
  const count = (await page.$$('[data-testid^=lesson-pill-]')).length;
  for (let i = 0; i < count; i++) {
    await page.waitForSelector(`[data-testid=lesson-step-${i}]`, { state: 'attached' });
    const text = (await page.textContent(`[data-testid=lesson-step-${i}]`)) ?? '';
    if (text.trim().length < 40) problems.push(`${id} step ${i + 1}: no text`);
    problems.push(...(await widgetsDraw(page, `${id} step ${i + 1}`)));
    if (i < count - 1) await page.click('[data-testid=lesson-next]');
  }
  return problems;
}

/** Answers the lesson's first choice question wrong, then right; the feedback says so and explains. */
async function answerChoice(page: Page, id: string) {
  const q = LESSONS.find((l) => l.id === id)!.questions?.find((x) => x.kind === 'choice');
  assert.ok(q && q.kind === 'choice', `${id} has a choice question`);
  await page.waitForSelector('[data-testid=lesson-questions]');
  const wrong = q.choices.find((c) => c !== q.answer)!;
  await page.click(`[data-testid=choice-${q.id}-${wrong}]`);
  await page.waitForSelector(`[data-testid=question-${q.id}][data-state=wrong] [data-testid=feedback-${q.id}]`);
  const why = (await page.textContent(`[data-testid=feedback-${q.id}]`)) ?? '';
  assert.ok(why.trim().length > 15, `a wrong answer is explained: "${why}"`);
  await page.click(`[data-testid=choice-${q.id}-${q.answer}]`);
  await page.waitForSelector(`[data-testid=question-${q.id}][data-state=right]`);
  assert.notEqual((await page.textContent(`[data-testid=feedback-${q.id}]`)) ?? '', why, 'the right answer says something else');
}

/** Opens the first glossary term of the current step (or of any step of the lesson) with the mouse, then with the keyboard. */
async function openTerm(page: Page, id: string) {
  const lesson = LESSONS.find((l) => l.id === id)!;
  for (let i = 0; i < lesson.steps.length && !(await page.$('.lesson-step button.term')); i++) {
    await page.click(`[data-testid=lesson-pill-${i}]`);
    await page.waitForSelector(`[data-testid=lesson-step-${i}]`, { state: 'attached' });
  }
  const term = page.locator('.lesson-step button.term').first();
  assert.ok(await term.count(), `${id} links a glossary term`);
  await term.click();
  const pop = page.locator('[data-testid=term-pop]');
  await pop.waitFor();
  assert.ok(((await pop.textContent()) ?? '').length > 30, 'the popover holds a definition');
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'detached' });
  // Keyboard: the term is focused again; Enter opens it, the popover takes focus.
  await page.keyboard.press('Enter');
  await pop.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'term-pop', 'focus moves into the definition');
  await page.click('[data-testid=term-pop-glossary]');
  const termId = await term.getAttribute('data-term');
  await page.waitForSelector(`[data-testid=glossary] [data-term-entry="${termId}"]`);
  await page.click('[data-testid=glossary-close]');
}

/** The lesson's parameter counter: nn.RNN(10, 20, 1) = 640, two layers 1,480, LSTM and GRU 4× and 3×. */
async function paramCounter(page: Page, id: string) {
  const at = LESSONS.find((l) => l.id === id)!.steps.findIndex((s) => s.widgets?.includes('params'));
  assert.ok(at >= 0, `${id} has a step with the parameter counter`);
  await page.click(`[data-testid=lesson-pill-${at}]`);
  const total = () => page.textContent('[data-testid=params-total]');
  await page.waitForSelector('[data-testid=params-total]');
  assert.equal(await total(), '640', 'nn.RNN(10, 20, 1)');
  await page.focus('[data-testid=params-layers]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await total(), '1,480', 'two layers');
  assert.equal(await page.getAttribute('.lesson-text', 'data-step'), String(at), 'an arrow key on the focused slider does not turn the step');
  await page.click('[data-testid=params-cell-lstm]');
  assert.equal(await total(), '5,920', 'LSTM: 4×');
  await page.click('[data-testid=params-cell-gru]');
  assert.equal(await total(), '4,440', 'GRU: 3×');
}

/** A live question: loaded, it shows its slider and does not pass; moved toward its passing example, it passes. */
async function liveQuestion(page: Page, id: string) {
  const q = LESSONS.find((l) => l.id === id)!.questions?.find((x) => x.kind === 'live');
  assert.ok(q && q.kind === 'live' && q.example, `${id} has a live question with examples`);
  const field = q.control as string;
  const up = Number((q.example.pass.config as Record<string, unknown> | undefined)?.[field] ?? 0) > Number((q.example.fail.config as Record<string, unknown> | undefined)?.[field] ?? 0);
  await page.click(`[data-testid=load-${q.id}]`);
  const slider = `[data-testid=question-${q.id}] [data-testid=slider-${field}]`;
  await page.waitForSelector(slider);
  await page.waitForSelector(`[data-testid=feedback-${q.id}][data-pass="0"]`);
  await page.focus(slider);
  await page.keyboard.press(up ? 'End' : 'Home');
  await page.waitForSelector(`[data-testid=feedback-${q.id}][data-pass="1"]`, { timeout: 60_000 });
}

export const scenarios: Scenario[] = [
  {
    name: 'lessons: three lessons walked end to end (one in Chinese) — widgets draw, a question right and wrong, a glossary term, progress after reload, next lesson',
    run: (base) =>
      withPage({ shot: 'lessons-walk' }, async (page) => {
        const problems: string[] = [];
        await allowNamedFunctions(page);
        await page.goto(`${base}/?page=lesson&lesson=recurrence`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        for (const [id, lang] of [['recurrence', 'en'], ['vanishing-gradients', 'en'], ['lstm-step-by-step', 'zh']] as const) {
          if (lang === 'zh' && !(await page.$('html[lang^=zh]'))) {
            await page.click('[data-testid=lang-toggle]');
            await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
          }
          await openLesson(page, id);
          problems.push(...(await walk(page, id)));
          await answerChoice(page, id);
          if (id === 'vanishing-gradients') await liveQuestion(page, id);
          const steps = LESSONS.find((l) => l.id === id)!.steps.length;
          assert.equal(await page.getAttribute(`[data-testid=lesson-choice-${id}]`, 'data-read'), String(steps), `${id}: every step counted as read`);
          if (lang === 'zh') {
            const body = (await page.textContent('[data-testid^=lesson-step-]')) ?? '';
            assert.match(body, /[\u4e00-\u9fff]{10,}/, 'the step reads in Chinese');
            const q = (await page.textContent('[data-testid=lesson-questions]')) ?? '';
            assert.match(q, /[\u4e00-\u9fff]{6,}/, 'the questions read in Chinese');
          }
          await openTerm(page, id);
          if (id === 'recurrence') await paramCounter(page, id);
          // The next lesson, from the last step.
          const last = LESSONS.find((l) => l.id === id)!.steps.length - 1;
          await page.click(`[data-testid=lesson-pill-${last}]`);
          await page.click('[data-testid=lesson-next-lesson]');
          const next = LESSONS[LESSONS.findIndex((l) => l.id === id) + 1];
          await page.waitForSelector(`.lesson[data-lesson=${next.id}] [data-testid=lesson-step-0]`);
        }
        // Progress survives a reload and shows in the index.
        await page.reload();
        await page.waitForSelector('[data-testid=lesson-index]');
        // Folded by default (one row of numbered chips); unfolded it says the progress in words.
        assert.ok(!(await page.isVisible('[data-testid=lesson-read-recurrence]')), 'the folded index shows numbers only');
        await page.click('[data-testid=lesson-index-toggle]');
        await page.waitForSelector('[data-testid=lesson-read-recurrence]', { state: 'visible' });
        for (const id of ['recurrence', 'vanishing-gradients', 'lstm-step-by-step']) {
          const total = LESSONS.find((l) => l.id === id)!.steps.length;
          assert.equal(await page.getAttribute(`[data-testid=lesson-choice-${id}]`, 'data-read'), String(total), `${id} read after reload`);
          assert.match((await page.textContent(`[data-testid=lesson-read-${id}]`)) ?? '', new RegExp(`${total}\\D+${total}`), `${id}: "${total} of ${total}" shown`);
        }
        assert.equal(await page.getAttribute('[data-testid=lesson-choice-char-lm]', 'data-read'), '0', 'an unread lesson shows 0');
        if (problems.length) console.log(`    widgets that did not draw:\n      ${problems.join('\n      ')}`);
        assert.deepEqual(problems, []);
      }),
  },
  {
    name: 'lessons: every step of every lesson draws the widgets it lists',
    run: (base) =>
      withPage({ shot: 'lessons-all-widgets' }, async (page) => {
        const problems: string[] = [];
        await allowNamedFunctions(page);
        // Before any training the loss and gradient charts are empty: the check can tell.
        const lossStep = LESSONS.flatMap((l) => l.steps.map((st, i) => ({ l, i, w: st.widgets ?? ['heatmaps', 'loss', 'gradnorm'] }))).find((x) => x.w.includes('loss'))!;
        await page.goto(`${base}/?page=lesson&lesson=${lossStep.l.id}&lstep=${lossStep.i}`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('.lesson-live [data-widget=loss]');
        const before = await page.evaluate(undrawnWidgets);
        assert.ok(before.includes('loss'), `an untrained loss chart counts as not drawn: ${before.join(', ')}`);
        for (const lesson of LESSONS) {
          await openLesson(page, lesson.id);
          const count = (await page.$$('[data-testid^=lesson-pill-]')).length;
          for (let i = 0; i < count; i++) {
            if (i > 0) await page.click('[data-testid=lesson-next]');
            await page.waitForSelector(`[data-testid=lesson-step-${i}]`, { state: 'attached' });
            problems.push(...(await widgetsDraw(page, `${lesson.id} step ${i + 1}`, 30_000)));
          }
        }
        if (problems.length) console.log(`    widgets that did not draw:\n      ${problems.join('\n      ')}`);
        assert.deepEqual(problems, []);
      }),
  },
];
