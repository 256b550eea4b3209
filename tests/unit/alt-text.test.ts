// The charts' text alternatives say what the data shows, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { altNum, diagramAlt, gradNormAlt, heatmapAlt, histogramAlt, lossAlt, memoryAlt, seriesAlt, spectrumAlt } from '../../src/views/alt-text';
import type { LossPoint } from '../../src/protocol/messages';

const loss = (step: number, l: number, accuracy = NaN) => ({ step, loss: l, accuracy }) as LossPoint;
const hasLatinWord = (s: string) => /\b(?!NaN\b|R\b)[A-Za-z]{3,}\b/.test(s.replace(/σ_max|‖[^‖]*‖|[a-z]_\{?[^\s，；]*/g, ''));

describe('alt text', () => {
  it('numbers read as a person says them', () => {
    expect(altNum(2.0834)).toBe('2.08');
    expect(altNum(1.2e-7)).toBe('1.2e−7');
    expect(altNum(-0.5)).toBe('−0.5');
    expect(altNum(NaN)).toBe('NaN');
  });

  it('the loss chart: steps, first and last loss, baseline, accuracy', () => {
    const pts = [loss(1, 2.08), loss(200, 1.1), loss(350, 0.41, 0.93)];
    expect(lossAlt(pts, 2.08, 'en')).toBe('Loss over 350 steps, from 2.08 to 0.41; baseline 2.08; accuracy 93%');
    const zh = lossAlt(pts, 2.08, 'zh');
    expect(zh).toContain('350 步');
    expect(zh).toContain('2.08');
    expect(zh).toContain('0.41');
    expect(zh).toContain('基线');
    expect(hasLatinWord(zh)).toBe(false);
    expect(lossAlt([], null, 'en')).toMatch(/no training yet/);
  });

  it('the gradient profile: how far it falls from the last step to the first', () => {
    const norms = Array.from({ length: 20 }, (_, t) => 10 ** (-6 + (6 * t) / 19)); // 1e-6 … 1
    const en = gradNormAlt(norms, 'en');
    expect(en).toMatch(/over 20 steps/);
    expect(en).toMatch(/falls by 10\^−6 from the last step to the first/);
    const grow = gradNormAlt([...norms].reverse(), 'en');
    expect(grow).toMatch(/grows by 10\^6/);
    const zh = gradNormAlt(norms, 'zh');
    expect(zh).toContain('10^−6');
    expect(zh).toContain('缩小');
    expect(hasLatinWord(zh)).toBe(false);
    // Within a factor of 3: no claim of a fall.
    expect(gradNormAlt([1, 1.5, 2], 'en')).not.toMatch(/falls|grows/);
  });

  it('series: one phrase per series with its first and last value, and the reference line', () => {
    const s = seriesAlt([
      { name: 'RNN', values: [2.1, 1, 0.5], xs: [1, 20, 40] },
      { name: 'GRU', values: [2.1, NaN, 0.2], xs: [1, 20, 40] },
    ], 'en', { xName: 'step', reference: 2.08 });
    expect(s).toBe('2 series over step 1–40; RNN from 2.1 to 0.5; GRU from 2.1 to 0.2; reference line at 2.08');
    const zh = seriesAlt([{ name: 'RNN', values: [3, 1] }], 'zh');
    expect(zh).toContain('1 条曲线');
    expect(zh).toContain('从 3 到 1');
  });

  it('the spectrum: count, radius, how many outside the unit circle, σ_max', () => {
    const spec = { id: 'whh', label: '$W_{hh}$', eigenvalues: [[1.2, 0], [0.5, 0.5], [0.5, -0.5]] as [number, number][], singularValues: [1.5, 0.7, 0.2], radius: 1.2, sigmaMax: 1.5 };
    expect(spectrumAlt(spec, 'en')).toBe('Spectrum of W_{hh}: 3 eigenvalues, spectral radius 1.2, 1 outside the unit circle; σ_max 1.5');
    expect(spectrumAlt(spec, 'zh')).toContain('单位圆外 1 个');
    expect(spectrumAlt({ ...spec, eigenvalues: null, radius: null }, 'en')).toMatch(/^Singular values/);
  });

  it('long memory, histograms and the diagram', () => {
    const fit = { exponential: { rate: 0.1, intercept: 0, r2: 0.71 }, powerLaw: { exponent: 0.5, intercept: 0, r2: 0.98 }, verdict: 'power-law' as const, lags: [1, 2, 3] };
    const verdict = { exponential: 'short memory', 'power-law': 'long memory', undecided: 'undecided', 'too-short': 'too short' };
    expect(memoryAlt([{ name: 'mLSTM', fit, lags: [1, 2, 3] }], verdict, 'en')).toMatch(/mLSTM: long memory \(exponential and power-law fits R² 0.71 \/ 0.98\)/);
    expect(histogramAlt({ id: 'f', lo: 0, hi: 1, counts: [5, 0, 5], below: 0.5, above: 0.25 }, 'f', 'en')).toBe('Histogram of f: 10 values, 50% below 0.1, 25% above 0.9');
    expect(histogramAlt({ id: 'f', lo: 0, hi: 1, counts: [5, 0, 5], below: 0.5, above: 0.25 }, '遗忘门', 'zh')).toContain('50% 低于 0.1');
    const d = diagramAlt({ gates: [{ tex: 'f_t', label: 'forget' }, { tex: '\\tilde{c}_t', label: 'cand' }], states: [{ tex: 'c_t', label: 'c' }] }, 'en');
    expect(d).toContain('f_t, c_t');
    expect(d).toContain('states c_t');
  });
});

describe('heatmap alt text', () => {
  it('units × steps, the range and the mean of the finite values', () => {
    const d = { id: 'f', T: 3, width: 2, data: [0, 0.5, 1, NaN, 0.25, 0.25] };
    expect(heatmapAlt(d, 'en')).toBe('Heatmap of f: 2 units × 3 steps, values from 0 to 1, mean 0.4');
    expect(heatmapAlt(d, 'zh')).toBe('f 的热图：2 个单元 × 3 个时间步，取值 0 到 1，均值 0.4');
  });
});
