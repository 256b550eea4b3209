// Export (issue 12, item 4): a chart card's SVG parses as SVG with the chart's size, its PNG is
// twice the chart's CSS size, a heatmap card exports its canvases, the telemetry CSV has one row
// per logged step and the JSON carries the run's config and link. Compare: a long-format CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pngSize } from '../../src/views/export/svg';
import { stepCount, waitForStep, withPage, type Scenario } from './scenario';

/** Opens a card's export menu, clicks one entry, returns the download's name and bytes. */
async function exportFile(page: Page, testId: string, menu?: string): Promise<{ name: string; bytes: Buffer }> {
  if (menu) {
    await page.locator(`[data-testid=${menu}] > summary`).scrollIntoViewIfNeeded();
    await page.click(`[data-testid=${menu}] > summary`);
  }
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click(`[data-testid=${testId}]`)]);
  const path = await download.path();
  if (!path) throw new Error(`no file for ${testId}`);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Parses an SVG file in the page: its root's width/height, or the parser's error. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    const root = doc.documentElement;
    return {
      error: err ? err.textContent : null,
      tag: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: root.querySelector(':scope > title')?.textContent ?? '',
      images: Array.from(root.querySelectorAll('image')).map((i) => (i.getAttribute('href') ?? '').slice(0, 22)),
      cssVars: /var\(--/.test(src),
    };
  }, text);
}

/** The CSS size of what a card exports: the union box of its charts, canvases and figure labels. */
async function figureSize(page: Page, cardChild: string) {
  return page.evaluate((sel) => {
    const card = document.querySelector(sel)!.closest('section.card')!;
    const els = Array.from(card.querySelectorAll('svg.chart, svg.cell-diagram, canvas, .heatmap-label, .direction-title, .spectra-cell > .card-hint'))
      .filter((e) => !e.closest('.export-menu'))
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const l = Math.min(...els.map((r) => r.left));
    const t = Math.min(...els.map((r) => r.top));
    return { width: Math.round(Math.max(...els.map((r) => r.right)) - l), height: Math.round(Math.max(...els.map((r) => r.bottom)) - t), n: els.length };
  }, cardChild);
}

function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

export const scenarios: Scenario[] = [
  {
    name: 'export: gradnorm chart as SVG and PNG 2×, heatmaps as PNG, telemetry CSV (one row per logged step) and JSON with the config',
    run: (base) =>
      withPage({ shot: 'export' }, async (page) => {
        await page.goto(`${base}/?cell=lstm&task=copy&seqLen=12&hiddenSize=16&seed=1`);
        for (let n = 1; n <= 4; n++) {
          await page.click('[data-testid=step-button]');
          await waitForStep(page, n, 60_000);
        }
        await page.waitForSelector('[data-testid=gradnorm-chart] rect.bar');
        await page.waitForSelector('[data-testid=heatmap-h]');
        // Let the bars' 120 ms transition end.
        await page.waitForTimeout(400);
        const steps = await stepCount(page);

        // SVG of ‖∂L/∂h_t‖: a standalone file the size of the chart, named after what it shows.
        const chart = await page.$eval('[data-testid=gradnorm-chart]', (el) => {
          const r = el.getBoundingClientRect();
          return { width: Math.round(r.width), height: Math.round(r.height) };
        });
        const svg = await exportFile(page, 'export-svg-gradnorm', 'export-gradnorm');
        assert.equal(svg.name, `rnn-atlas_lstm_copy_step-${steps}_gradnorm.svg`);
        const text = svg.bytes.toString('utf8');
        const parsed = await parseSvg(page, text);
        assert.equal(parsed.error, null, `parses as SVG: ${parsed.error}`);
        assert.equal(parsed.tag, 'svg');
        assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
        assert.deepEqual({ width: parsed.width, height: parsed.height }, chart, 'the file is the chart\'s size');
        assert.ok(parsed.title.length > 0, 'has a title');
        assert.equal(parsed.cssVars, false, 'no CSS variables left unresolved');
        assert.ok((text.match(/<rect [^>]*style=/g) ?? []).length >= 12, 'the bars carry their inlined styles');

        // PNG 2×: signature, IHDR = twice the chart's CSS size.
        const png = await exportFile(page, 'export-png-gradnorm', 'export-gradnorm');
        assert.equal(png.name, `rnn-atlas_lstm_copy_step-${steps}_gradnorm.png`);
        assert.deepEqual(pngSize(new Uint8Array(png.bytes)), { width: 2 * chart.width, height: 2 * chart.height });

        // Heatmaps: canvases embedded as PNG data URLs; the PNG is 2× the figure.
        const heat = await figureSize(page, '[data-testid=heatmap-h]');
        assert.ok(heat.n >= 2, 'several heatmaps and labels');
        const heatSvg = await exportFile(page, 'export-svg-heatmaps', 'export-heatmaps');
        const hp = await parseSvg(page, heatSvg.bytes.toString('utf8'));
        assert.equal(hp.error, null);
        assert.ok(hp.images.length >= 2 && hp.images.every((h) => h === 'data:image/png;base64,'), `canvases as PNG images (${hp.images.length})`);
        assert.deepEqual({ width: hp.width, height: hp.height }, { width: heat.width, height: heat.height });
        const heatPng = await exportFile(page, 'export-png-heatmaps', 'export-heatmaps');
        assert.match(heatPng.name, /^rnn-atlas_lstm_copy_step-\d+_heatmaps\.png$/);
        assert.deepEqual(pngSize(new Uint8Array(heatPng.bytes)), { width: 2 * heat.width, height: 2 * heat.height });
        assert.ok(heatPng.bytes.length > 2000, `a drawn picture, not an empty one (${heatPng.bytes.length} bytes)`);

        // Telemetry CSV: header + one row per logged step (the page counted `steps`).
        const csv = await exportFile(page, 'export-csv');
        assert.equal(csv.name, `rnn-atlas_lstm_copy_step-${steps}_telemetry.csv`);
        const rows = csvRows(csv.bytes.toString('utf8'));
        assert.deepEqual(rows[0].slice(0, 5), ['step', 'loss', 'accuracy', 'grad_norm', 'grad_norm_clipped']);
        assert.equal(rows[0].filter((h) => h.startsWith('grad_h_t')).length, 12, 'one ‖∂L/∂h_t‖ column per timestep (T = 12)');
        assert.equal(rows.length - 1, steps, 'one row per logged step');
        assert.deepEqual(rows.slice(1).map((r) => Number(r[0])), Array.from({ length: steps }, (_, i) => i + 1));
        for (const r of rows.slice(1)) {
          assert.ok(Number.isFinite(Number(r[1])) && Number(r[1]) > 0, `loss ${r[1]}`);
          assert.ok(Number(r[3]) > 0, `global gradient norm ${r[3]}`);
        }
        const loss = Number((await page.textContent('[data-testid=loss-value]')) ?? NaN);
        assert.ok(Math.abs(Number(rows[rows.length - 1][1]) - loss) < 1e-3, `last row's loss ${rows[rows.length - 1][1]} is the page's ${loss}`);
        assert.ok(rows.slice(1).some((r) => r.slice(5).every((v) => Number(v) > 0)), 'some step has its ‖∂L/∂h_t‖ profile');

        // JSON: parses, carries the config and the link, same number of points.
        const json = await exportFile(page, 'export-json');
        assert.equal(json.name, `rnn-atlas_lstm_copy_step-${steps}_telemetry.json`);
        const j = JSON.parse(json.bytes.toString('utf8'));
        assert.equal(j.format, 'rnn-atlas-telemetry');
        assert.equal(j.config.cellId, 'lstm');
        assert.equal(j.config.taskId, 'copy');
        assert.equal(j.config.seqLen, 12);
        assert.match(j.link, /[?&]cell=lstm/);
        assert.equal(j.runs[0].points.length, steps);
      }),
  },
  {
    name: 'export: Compare saves one long-format CSV with a cell column and its overlaid gradient chart as SVG',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?page=compare&compare=rnn,gru&task=adding&seqLen=10&hiddenSize=12&seed=1`);
        await page.waitForSelector('[data-testid=compare-page]');
        for (let n = 1; n <= 3; n++) {
          await page.click('[data-testid=step-button]');
          await waitForStep(page, n, 60_000);
        }
        await page.waitForSelector('[data-testid=compare-gradnorm-chart] g.s[data-series=gru]');
        const steps = await stepCount(page);
        const csv = await exportFile(page, 'export-csv');
        assert.equal(csv.name, `rnn-atlas_rnn-vs-gru_adding_step-${steps}_telemetry.csv`);
        const rows = csvRows(csv.bytes.toString('utf8'));
        assert.deepEqual(rows[0].slice(0, 2), ['cell', 'step']);
        for (const cell of ['rnn', 'gru']) {
          const own = rows.slice(1).filter((r) => r[0] === cell);
          assert.ok(own.length >= steps, `${cell}: ${own.length} rows for ${steps} steps`);
          assert.deepEqual(own.map((r) => Number(r[1])), Array.from({ length: own.length }, (_, i) => i + 1));
        }
        const svg = await exportFile(page, 'export-svg-gradnorm', 'export-gradnorm');
        assert.equal(svg.name, `rnn-atlas_rnn-vs-gru_adding_step-${steps}_gradnorm.svg`);
        const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
        assert.equal(parsed.error, null);
        const size = await page.$eval('[data-testid=compare-gradnorm-chart]', (el) => ({ w: Math.round(el.getBoundingClientRect().width), h: Math.round(el.getBoundingClientRect().height) }));
        assert.deepEqual([parsed.width, parsed.height], [size.w, size.h]);
      }),
  },
  {
    name: 'export: the what-if page names its files by matrix, ρ, T and H; its Jacobian chart exports as SVG and PNG 2×',
    run: (base) =>
      withPage({}, async (page) => {
        await page.goto(`${base}/?page=whatif&wiRho=1.1&wiLen=60&wiHidden=16&wiMatrix=orthogonal`);
        await page.waitForSelector('[data-testid=whatif-jacobian] path.line[data-values]');
        await page.waitForTimeout(300);
        const size = await page.$eval('[data-testid=whatif-jacobian]', (el) => ({ width: Math.round(el.getBoundingClientRect().width), height: Math.round(el.getBoundingClientRect().height) }));
        const svg = await exportFile(page, 'export-svg-jacobian', 'export-jacobian');
        assert.equal(svg.name, 'rnn-atlas_whatif_orthogonal_rho-1.1_t-60_h-16_jacobian.svg');
        const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
        assert.equal(parsed.error, null);
        assert.deepEqual({ width: parsed.width, height: parsed.height }, size);
        const png = await exportFile(page, 'export-png-jacobian', 'export-jacobian');
        assert.deepEqual(pngSize(new Uint8Array(png.bytes)), { width: 2 * size.width, height: 2 * size.height });
      }),
  },
];
