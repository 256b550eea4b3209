// "Multi-scale statistics": the Statistical Recurrent Unit (Oliva et al. 2017) keeps moving averages
// of one feature vector at several fixed decay rates α; the Fourier Recurrent Unit (Zhang et al.
// 2018) keeps running Fourier coefficients that never decay. Both are trained live on the adding
// problem; the gradient profile ‖∂L/∂μ_t‖ shows what the averages do to the path back in time.
// Every number the text states is measured on these presets (seed 1) by
// tests/unit/lesson-claims-stats.test.ts.
import type { RunConfig } from '../protocol/messages';
import type { Lesson } from './types';

const base: Partial<RunConfig> = {
  taskId: 'adding',
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
  seed: 1,
};

/** The SRU card's run: the adding problem at T = 10, which it learns within 250 steps. */
const sru: Partial<RunConfig> = { ...base, cellId: 'sru', cellOptions: {}, seqLen: 10, learningRate: 0.005 };
/** Longer sequences for the gradient profile. */
const sru30: Partial<RunConfig> = { ...sru, seqLen: 30 };
/** The FRU card's run. */
const fru: Partial<RunConfig> = { ...base, cellId: 'fru', cellOptions: {}, seqLen: 20, learningRate: 0.02 };

const SCALES = '0, 0.9, 0.99, 0.999';

export const multiscaleStatistics: Lesson = {
  id: 'multiscale-statistics',
  titleKey: 'lessons.stats.title',
  summaryKey: 'lessons.stats.summary',
  steps: [
    { id: 'averages', textKey: 'lessons.stats.averages', preset: sru, highlight: ['phi', 'mu', 'o'], widgets: ['heatmaps', 'loss', 'gradnorm'] },
    { id: 'gradient', textKey: 'lessons.stats.gradient', preset: sru30, highlight: ['mu', 'r'], widgets: ['gradnorm', 'heatmaps', 'loss'] },
    { id: 'scales', textKey: 'lessons.stats.scales', preset: sru30, highlight: ['mu'], widgets: ['gradnorm', 'heatmaps'], controls: ['opt.alphas'] },
    { id: 'fourier', textKey: 'lessons.stats.fourier', preset: fru, highlight: ['c', 'mu'], widgets: ['heatmaps', 'gradnorm', 'loss'] },
    { id: 'fit', textKey: 'lessons.stats.fit', preset: fru, highlight: ['mu', 'o'], widgets: ['loss', 'gradnorm', 'heatmaps'] },
    { id: 'compare', textKey: 'lessons.stats.compare', preset: fru, highlight: ['mu'], widgets: ['gradnorm', 'loss'], compare: ['rnn', 'sru', 'fru'] },
  ],
  questions: [
    { kind: 'choice', id: 'alpha', textKey: 'lessons.stats.q.alpha', choices: ['one', 'ten', 'hundred'], answer: 'ten' },
    { kind: 'choice', id: 'flat', textKey: 'lessons.stats.q.flat', choices: ['sum', 'gates', 'orthogonal'], answer: 'sum' },
    {
      kind: 'live', id: 'scales', textKey: 'lessons.stats.q.scales', preset: sru30, control: 'opt.alphas',
      // The slowest scale the reader chose, and what the gradient chart shows with it.
      check: (s) => {
        const g = s.telemetry?.gradNorms;
        if (s.config.cellId !== 'sru' || !g || g.length < 2) return false;
        const alphas = String(s.config.cellOptions.alphas ?? '').split(',').map(Number);
        return Math.max(...alphas) >= 0.999 && g[0] / g[g.length - 1] >= 0.4;
      },
      example: {
        pass: { config: { cellOptions: { alphas: SCALES } }, telemetry: { step: 1, gradNorms: new Float32Array([0.52, ...Array(28).fill(0.8), 1]) } },
        fail: { config: { cellOptions: { alphas: '0, 0.25, 0.5, 0.9, 0.99' } }, telemetry: { step: 1, gradNorms: new Float32Array([0.26, ...Array(28).fill(0.6), 1]) } },
      },
    },
  ],
  papers: [
    { authors: 'Oliva, Póczos & Schneider', year: 2017, title: 'The Statistical Recurrent Unit', url: 'https://arxiv.org/abs/1703.00381' },
    { authors: 'Zhang, Lin, Song & Dhillon', year: 2018, title: 'Learning Long Term Dependencies via Fourier Recurrent Units', url: 'https://arxiv.org/abs/1803.06585' },
  ],
};
