// The export builders (src/views/export): CSV/JSON telemetry, file names, the standalone SVG
// shell and the PNG header reader. Pure string work, run in Node.
import { describe, expect, it } from 'vitest';
import { fileName, slug } from '../../src/views/export/names';
import { CSV_BASE_COLUMNS, GradNormLog, csvField, fmtNumber, telemetryCsv, telemetryJson, type RunTelemetry } from '../../src/views/export/telemetry';
import { composeSvg, escapeXml, pngSize } from '../../src/views/export/svg';

/** A small CSV parser (RFC 4180 quoting) so the tests read the file as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function run(cellId: string, steps: number, snapshotEvery = 4, T = 5): RunTelemetry {
  const history = Array.from({ length: steps }, (_, i) => ({ step: i + 1, loss: 2 / (i + 1), accuracy: i / steps }));
  const clip = history.map((p) => ({ step: p.step, raw: 3 + p.step / 7, clipped: Math.min(1, 3 + p.step / 7) }));
  const gradNorms = history
    .filter((p) => p.step % snapshotEvery === 0)
    .map((p) => ({ step: p.step, norms: Float32Array.from({ length: T }, (_, t) => Math.exp(-(T - 1 - t)) * p.step), total: 3 + p.step / 7 }));
  return { cellId, history, clip, gradNorms };
}

describe('telemetry CSV', () => {
  it('has a header and one row per logged step, with the per-t norms only where a snapshot came', () => {
    const r = run('lstm', 17, 4, 5);
    const rows = parseCsv(telemetryCsv([r]));
    expect(rows[0]).toEqual([...CSV_BASE_COLUMNS, 'grad_h_t0', 'grad_h_t1', 'grad_h_t2', 'grad_h_t3', 'grad_h_t4']);
    expect(rows.length - 1).toBe(17);
    expect(rows.slice(1).map((x) => Number(x[0]))).toEqual(r.history.map((p) => p.step));
    for (const x of rows.slice(1)) expect(x.length).toBe(rows[0].length);
    const at8 = rows.find((x) => x[0] === '8')!;
    expect(Number(at8[5 + 4])).toBeCloseTo(8, 5); // t = T−1: e^0 · 8
    expect(Number(at8[5])).toBeCloseTo(Math.exp(-4) * 8, 5);
    const at7 = rows.find((x) => x[0] === '7')!;
    expect(at7.slice(5).every((v) => v === '')).toBe(true);
    // Loss and the clip columns are the inputs, to 7 significant digits.
    expect(Number(at7[1])).toBeCloseTo(2 / 7, 6);
    expect(Number(at7[3])).toBeCloseTo(4, 6);
    expect(Number(at7[4])).toBe(1);
  });

  it('long format on Compare: a cell column, each cell its own rows', () => {
    const rows = parseCsv(telemetryCsv([run('lstm', 6), run('gru', 9)], { cellColumn: true }));
    expect(rows[0][0]).toBe('cell');
    expect(rows.length - 1).toBe(15);
    expect(rows.filter((x) => x[0] === 'gru').length).toBe(9);
  });

  it('an empty run is just the header', () => {
    expect(telemetryCsv([{ cellId: 'rnn', history: [], clip: [], gradNorms: [] }])).toBe(`${CSV_BASE_COLUMNS.join(',')}\n`);
  });

  it('steps without a clip point fall back to the snapshot total, else stay empty', () => {
    const r = run('rnn', 8, 4);
    r.clip = r.clip.filter((c) => c.step !== 4 && c.step !== 5);
    const rows = parseCsv(telemetryCsv([r]));
    expect(Number(rows.find((x) => x[0] === '4')![3])).toBeCloseTo(3 + 4 / 7, 5);
    expect(rows.find((x) => x[0] === '5')!.slice(3, 5)).toEqual(['', '']);
  });

  it('formats numbers: NaN and infinities spelled out, float32 noise cut to 7 digits, integers plain', () => {
    expect(fmtNumber(NaN)).toBe('NaN');
    expect(fmtNumber(Infinity)).toBe('Inf');
    expect(fmtNumber(-Infinity)).toBe('-Inf');
    expect(fmtNumber(null)).toBe('');
    expect(fmtNumber(350)).toBe('350');
    expect(fmtNumber(Math.fround(0.1))).toBe('0.1');
    expect(fmtNumber(1.23456789e-9)).toBe('1.234568e-9');
    expect(Number(fmtNumber(Math.fround(2 / 3)))).toBeCloseTo(2 / 3, 6);
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('lstm')).toBe('lstm');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    const rows = parseCsv(telemetryCsv([run('odd,"cell"', 2)], { cellColumn: true }));
    expect(rows[1][0]).toBe('odd,"cell"');
    expect(rows.length).toBe(3);
  });
});

describe('telemetry JSON', () => {
  it('parses, carries the link and config, one point per logged step, NaN as null', () => {
    const r = run('lstm', 5, 2);
    r.history[2].loss = NaN;
    const config = { cellId: 'lstm', taskId: 'copy', seqLen: 20, hiddenSize: 16 };
    const j = JSON.parse(telemetryJson([r], { link: 'http://x/?cell=lstm&task=copy', config, page: 'playground' }));
    expect(j.format).toBe('rnn-atlas-telemetry');
    expect(j.version).toBe(1);
    expect(j.link).toContain('cell=lstm');
    expect(j.config).toEqual(config);
    expect(j.runs[0].cell).toBe('lstm');
    expect(j.runs[0].points.length).toBe(5);
    expect(j.runs[0].points[2].loss).toBeNull();
    expect(j.runs[0].points[1].gradNormsT.length).toBe(5);
    expect(j.runs[0].points[0].gradNormsT).toBeNull();
  });
});

describe('GradNormLog', () => {
  it('keeps snapshots per slot, replaces a re-report of the same step, restarts when the step goes back, stays bounded', () => {
    const log = new GradNormLog(3);
    log.add(0, { step: 1, norms: [1] });
    log.add(0, { step: 1, norms: [2] });
    log.add(0, { step: 5, norms: [3] });
    log.add(1, { step: 2, norms: [9] });
    expect(log.get(0).map((g) => g.norms[0])).toEqual([2, 3]);
    log.add(0, { step: 2, norms: [4] });
    expect(log.get(0).map((g) => g.step)).toEqual([2]);
    for (let s = 3; s < 10; s++) log.add(0, { step: s, norms: [s] });
    expect(log.get(0).map((g) => g.step)).toEqual([7, 8, 9]);
    log.clear(0);
    expect(log.get(0)).toEqual([]);
    expect(log.get(1).length).toBe(1);
  });
});

describe('file names', () => {
  it('say cell, task, step and chart', () => {
    expect(fileName({ cell: 'lstm', task: 'copy', step: 350, chart: 'gradnorm', ext: 'svg' })).toBe('rnn-atlas_lstm_copy_step-350_gradnorm.svg');
    expect(fileName({ cell: ['lstm', 'gru'], task: 'adding', step: 0, chart: 'loss', ext: 'png' })).toBe('rnn-atlas_lstm-vs-gru_adding_step-0_loss.png');
    expect(fileName({ extra: ['whatif', 'orthogonal', 'rho-1.2', 'T-200'], chart: 'jacobian', ext: 'svg' })).toBe('rnn-atlas_whatif_orthogonal_rho-1.2_t-200_jacobian.svg');
  });

  it('sanitise anything a file system or a link would choke on', () => {
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('LSTM (1997)  ‖∂L/∂h‖')).toBe('lstm-1997-l-h');
    expect(slug('Café/naïve')).toBe('cafe-naive');
    expect(slug('门控')).toBe('');
    const name = fileName({ cell: 'a/b\\c:d*e?f"g<h>i|j', task: ' copy ', step: 12.6, chart: '门控', ext: 'csv' });
    expect(name).toBe('rnn-atlas_a-b-c-d-e-f-g-h-i-j_copy_step-13_chart.csv');
    expect(name).toMatch(/^[a-z0-9._-]+$/);
    expect(fileName({ chart: 'x', step: NaN, ext: 'json' })).toBe('rnn-atlas_x.json');
  });
});

describe('standalone SVG', () => {
  it('has an xmlns, its size, a title, a background and its pieces; escapes text', () => {
    const svg = composeSvg({
      width: 480.4, height: 180, title: 'Gradient <norms> & "more"', desc: 'cell lstm', background: 'rgb(255, 255, 255)',
      pieces: [
        { kind: 'svg', x: 0, y: 0, width: 480, height: 180, markup: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>' },
        { kind: 'image', x: 0, y: 10, width: 100, height: 50, href: 'data:image/png;base64,AAAA' },
        { kind: 'text', x: 1, y: 2, text: 'forget gate f_t <1>', style: 'font-size:12px' },
      ],
    });
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="480" height="180" viewBox="0 0 480 180">/);
    expect(svg).toContain('<title>Gradient &lt;norms&gt; &amp; &quot;more&quot;</title>');
    expect(svg).toContain('<rect x="0" y="0" width="480" height="180" fill="rgb(255, 255, 255)"/>');
    expect(svg).toContain('href="data:image/png;base64,AAAA"');
    expect(svg).toContain('>forget gate f_t &lt;1&gt;</text>');
    // Balanced tags: every opened svg closes.
    expect((svg.match(/<svg[\s>]/g) ?? []).length).toBe((svg.match(/<\/svg>/g) ?? []).length);
    expect(escapeXml('a\u0001b')).toBe('ab');
  });

  it('reads a PNG header and refuses anything else', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 3, 192, 0, 0, 1, 104]);
    expect(pngSize(png)).toEqual({ width: 960, height: 360 });
    expect(pngSize(new Uint8Array(24))).toBeNull();
    expect(pngSize(png.slice(0, 20))).toBeNull();
  });
});
