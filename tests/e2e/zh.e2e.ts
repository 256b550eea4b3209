// The whole app in Chinese: every page type (Playground, every step of every lesson with its
// questions at the end, the glossary, the catalogue, every cell card, Compare) shows no Latin-only word outside maths (.katex), code
// names, citations and a small allow-list of names and units; the heatmap (a canvas) is read
// through its tooltip. Cards are opened and read, not trained, so the walk stays quick.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { cellList } from '../../src/cells/registry';
import { LESSONS } from '../../src/lessons/registry';
import { withPage, type Scenario } from './scenario';

/** Names, units and abbreviations a Chinese text keeps in Latin letters. */
const ALLOW = [
  // cells, functions, libraries, backends, formats
  'RNN', 'LSTM', 'GRU', 'tanh', 'ReLU', 'modReLU', 'sigmoid', 'logistic', 'max', 'min', 'ln', 'log', 'exp', 'Adam', 'SGD', 'RMSprop',
  'PyTorch', 'TensorFlow', 'js', 'Python', 'Caffe2', 'cuDNN', 'Web', 'Worker', 'WASM', 'WebGPU', 'WebGL', 'CPU', 'GPU', 'JSON', 'CLI', 'CSV', 'SVG', 'PNG',
  'MSE', 'MNIST', 'NaN', 'Inf',
  // names of methods and variants the papers use: ARFIMA, fo-pooling, a CP decomposition, mRNN with fixed d …
  'ARFIMA', 'CEC', 'CIFG', 'MI', 'MIST', 'NARX', 'SCRN', 'Elman', 'fo', 'CP', 'mRNNF', 'mLSTMF', 'Xavier', 'Glorot',
  // people cited in the text beyond the cards' own authors, and venues
  'Kanai', 'Bengio', 'Simard', 'Frasconi', 'Sussillo', 'Abbott', 'Durstewitz', 'Schmidt', 'NickShahML',
  'arXiv', 'JMLR', 'IEEE', 'TNN', 'TNNLS', 'NIPS', 'NeurIPS', 'ICML', 'ICLR', 'CVPR', 'AISTATS', 'PMLR', 'Neural', 'Networks', 'Computation',
  // the app's name, the language switch, the browser's name for its software renderer (backend notice)
  'Atlas', 'EN', 'SwiftShader',
  // units
  'ms', 'MB', 'GB', 'KB',
];

function allowedWords(): Set<string> {
  const words = new Set(ALLOW.map((w) => w.toLowerCase()));
  const add = (s: string | undefined) => {
    for (const w of (s ?? '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) words.add(w.toLowerCase());
  };
  for (const c of cellList) {
    add(c.id);
    add(c.name);
    add(c.zh?.name);
    add(c.paper.authors);
    add(c.paper.title);
    add(c.paper.venue);
  }
  // The papers a lesson cites: their authors may be named in its Chinese text.
  for (const l of LESSONS) for (const p of l.papers ?? []) add(p.authors);
  return words;
}

/**
 * Latin words in the page's visible text, outside maths (KaTeX, and the diagram's node symbols,
 * which are maths drawn in SVG), code names, repository links, citations (authors, titles; text
 * marked lang="en") and the character model's samples (text in its corpus's language).
 */
async function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = '.katex, code, script, style, option, svg text.sym, .paper-line, .cite, [lang=en], [data-testid=samples-panel] pre, a[href^="https://github.com"], [data-testid=backend-badge], [data-testid=weights-loaded]';
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) continue;
      // Words of two or more letters; single letters are variables (T, H, k) and stay.
      for (const m of (n.textContent ?? '').matchAll(/[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g)) {
        if (m[0].replace(/[^A-Za-z]/g, '').length >= 2) found.push(m[0]);
      }
    }
    return found;
  });
}

async function check(page: Page, where: string, allowed: Set<string>, problems: string[]): Promise<void> {
  const words = await latinWords(page);
  const bad = [...new Set(words.filter((w) => !w.split(/[.-]/).every((part) => allowed.has(part.toLowerCase()) || !/[A-Za-z]{2}/.test(part))))];
  if (bad.length) problems.push(`${where}: ${bad.slice(0, 12).join(', ')}`);
  // KaTeX shows TeX it cannot parse as red source text: none may be on the page.
  const errors = await page.$$eval('.katex-error', (els) => els.map((e) => e.getAttribute('title') ?? e.textContent ?? ''));
  if (errors.length) problems.push(`${where}: TeX that KaTeX cannot render: ${errors.slice(0, 3).join(' | ')}`);
}

export const scenarios: Scenario[] = [
  {
    name: 'zh: Playground (with its instruments), every lesson step, the catalogue, every card, Compare, a card’s spectrum note and the what-if page show no untranslated English',
    run: (base) =>
      withPage({ shot: 'zh-walk' }, async (page) => {
        const allowed = allowedWords();
        const problems: string[] = [];
        await page.goto(`${base}/?lang=zh`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForSelector('[data-testid^=equation-] .katex');
        assert.equal(await page.getAttribute('html', 'lang'), 'zh', 'the page is in Chinese');
        // One training step so the heatmaps, charts and run bar show their live text too.
        await page.click('[data-testid=step-button]');
        await page.waitForFunction(() => Number(document.querySelector('[data-testid=step-counter]')?.textContent ?? 0) >= 1, null, { timeout: 60_000 });
        await check(page, 'playground', allowed, problems);
        // The heatmaps draw on a canvas; their row word shows in the tooltip.
        const heat = page.locator('[data-testid=heatmap-h]').first();
        await heat.waitFor();
        await heat.scrollIntoViewIfNeeded();
        const box = (await heat.boundingBox())!;
        await page.mouse.move(box.x + box.width * 0.6, box.y + 4);
        await page.waitForSelector('.heatmap-tip:not([hidden])', { timeout: 5000 });
        const tip = (await page.textContent('.heatmap-tip:not([hidden])')) ?? '';
        assert.match(tip, /单元 \d+/, `heatmap tooltip in Chinese: "${tip}"`);

        // The instruments, once their first snapshot has drawn.
        await page.click('[data-testid=instruments-toggle]');
        await page.waitForSelector('[data-testid=instruments-section][data-open="1"] svg', { timeout: 30_000 });
        await page.waitForTimeout(1500);
        await check(page, 'playground instruments', allowed, problems);

        await page.click('[data-testid=nav-lesson]');
        for (const lesson of LESSONS) {
          await page.click(`[data-testid=lesson-choice-${lesson.id}]`);
          await page.waitForSelector(`.lesson[data-lesson=${lesson.id}]`);
          // The steps the page shows (the last one with the questions and papers below it).
          const count = (await page.$$('[data-testid^=lesson-pill-]')).length;
          for (let i = 0; i < count; i++) {
            await page.waitForSelector(`[data-testid=lesson-step-${i}]`);
            await page.waitForTimeout(150);
            await check(page, `lesson ${lesson.id} step ${i + 1}`, allowed, problems);
            if (i < count - 1) await page.click('[data-testid=lesson-next]');
          }
        }
        // The glossary, every entry.
        await page.click('[data-testid=glossary-toggle]');
        await page.waitForSelector('[data-testid=glossary] [data-term-entry]');
        await check(page, 'glossary', allowed, problems);
        await page.click('[data-testid=glossary-close]');

        await page.click('[data-testid=nav-cells]');
        await page.waitForSelector('[data-testid^=cell-tile-]');
        await check(page, 'catalogue', allowed, problems);
        const ids = await page.$$eval('[data-testid^=cell-tile-]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('cell-tile-'.length)));
        assert.equal(ids.length, cellList.length, 'the catalogue lists every cell');
        for (const id of ids) {
          if (!(await page.$('[data-testid=cells-page]'))) await page.click('[data-testid=nav-cells]');
          await page.click(`[data-testid=cell-tile-${id}]`);
          await page.waitForSelector(`[data-testid=cell-card][data-cell="${id}"] [data-testid=param-table]`);
          await page.waitForSelector('[data-testid=cell-diagram] [data-node]');
          await check(page, `card ${id}`, allowed, problems);
          // The diagram's captions are SVG text: read them too.
          const captions = await page.$$eval('[data-testid=cell-diagram] text.node-label', (els) => els.map((e) => e.textContent ?? ''));
          const latin = captions.filter((c) => /[A-Za-z]{2}/.test(c) && !c.split(/[^A-Za-z0-9]+/).every((w) => !w || allowed.has(w.toLowerCase()) || !/[A-Za-z]{2}/.test(w)));
          if (latin.length) problems.push(`card ${id} diagram: ${latin.join(', ')}`);
          await page.click('[data-testid=card-back]');
        }

        await page.click('[data-testid=nav-compare]');
        await page.waitForSelector('[data-testid=compare-page]');
        await page.waitForTimeout(300);
        await check(page, 'compare', allowed, problems);

        // A cell without a square W_hh says why, in Chinese.
        await page.goto(`${base}/?page=cell&cell=qrnn&lang=zh`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.click('[data-testid=instruments-toggle]');
        await page.waitForSelector('[data-testid=instr-spectrum-note]', { timeout: 30_000 });
        await check(page, 'card qrnn instruments', allowed, problems);

        await page.goto(`${base}/?page=whatif&lang=zh`);
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        await page.waitForTimeout(1500);
        await check(page, 'what-if', allowed, problems);

        if (problems.length) console.log(`    English words on Chinese pages:\n      ${problems.join('\n      ')}`);
        assert.deepEqual(problems, [], `English words on ${problems.length} Chinese pages (listed above)`);
      }),
  },
];
