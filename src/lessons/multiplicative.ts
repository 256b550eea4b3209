// "Multiplicative and higher-order interactions": multiplicative integration (Wu et al. 2016) in the
// RNN, GRU and LSTM; the HOT-RNN's polynomial in the last L states stored as a tensor train (Yu et
// al. 2017); the fTRU's fractional tensor power (Qiu et al. 2021); the QRNN's convolution plus
// element-wise pooling (Bradbury et al. 2017). Each cell starts from its card's run (known to learn,
// tests/unit/presets-learn-*.test.ts); every number the text states is measured on these presets
// (seed 1) by tests/unit/lesson-claims-mult.test.ts.
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

const hot: Partial<RunConfig> = { ...base, cellId: 'hotrnn', cellOptions: { lags: 2, order: 2, rank: 2 }, seqLen: 10, hiddenSize: 16, learningRate: 0.02 };

/**
 * Trainable parameters of the HOT-RNN model on the adding problem (I = 2 inputs, one output):
 * W_x and b (4H·I + 4H), the tensor-train cores r_{p−1}·D·r_p with D = L·H + 1, r_0 = 1, r_P = 4H
 * and r elsewhere, and the readout (H + 1). tests/unit/lesson-claims-mult.test.ts checks it
 * against the trainer's own count.
 */
export function hotParamCount(H: number, L: number, P: number, r: number): number {
  const D = L * H + 1;
  const ranks = Array.from({ length: P + 1 }, (_, p) => (p === 0 ? 1 : p === P ? 4 * H : r));
  let cores = 0;
  for (let p = 1; p <= P; p++) cores += ranks[p - 1] * D * ranks[p];
  return 4 * H * 2 + 4 * H + cores + H + 1;
}

const optNum = (v: unknown, d: number) => (v === undefined || v === '' ? d : Number(v));

export const multiplicative: Lesson = {
  id: 'multiplicative',
  titleKey: 'lessons.mult.title',
  summaryKey: 'lessons.mult.summary',
  steps: [
    { id: 'mi', textKey: 'lessons.mult.mi', preset: { ...base, cellId: 'mi-rnn', cellOptions: { alphaInit: 1, betaInit: 0.5 }, seqLen: 10, learningRate: 0.01 },
      highlight: ['wx', 'uh', 'm', 'h'], widgets: ['gradnorm', 'heatmaps', 'loss'], controls: ['opt.betaInit', 'opt.alphaInit'] },
    { id: 'gated', textKey: 'lessons.mult.gated', preset: { ...base, cellId: 'mi-gru', cellOptions: {}, seqLen: 20, learningRate: 0.01 },
      highlight: ['r', 'z', 'n', 'h'], widgets: ['loss', 'gradnorm', 'heatmaps'], compare: ['gru', 'mi-gru', 'mi-lstm'] },
    { id: 'tensor', textKey: 'lessons.mult.tensor', preset: hot,
      highlight: ['i', 'f', 'g', 'o', 'c'], widgets: ['loss', 'heatmaps', 'gradnorm'], controls: ['opt.rank', 'opt.order'] },
    { id: 'ftru', textKey: 'lessons.mult.ftru', preset: { ...base, cellId: 'ftru', cellOptions: {}, taskId: 'copy', seqLen: 12, learningRate: 0.01 },
      highlight: ['u', 'p', 'h'], widgets: ['loss', 'heatmaps', 'gradnorm'] },
    { id: 'qrnn', textKey: 'lessons.mult.qrnn', preset: { ...base, cellId: 'qrnn', cellOptions: { window: 2 }, seqLen: 20, learningRate: 0.01 },
      highlight: ['z', 'f', 'o', 'c'], widgets: ['heatmaps', 'loss'], controls: ['opt.window'] },
  ],
  questions: [
    { kind: 'choice', id: 'mi', textKey: 'lessons.mult.q.mi', choices: ['input', 'tensor', 'nothing'], answer: 'input' },
    { kind: 'choice', id: 'qrnn', textKey: 'lessons.mult.q.qrnn', choices: ['inputs', 'fourier', 'forget'], answer: 'inputs' },
    {
      kind: 'live', id: 'rank', textKey: 'lessons.mult.q.rank', preset: hot, control: 'opt.rank',
      check: (s) => {
        const o = s.config.cellOptions;
        return s.config.cellId === 'hotrnn' && s.config.taskId === 'adding'
          && hotParamCount(s.config.hiddenSize, optNum(o.lags, 2), optNum(o.order, 2), optNum(o.rank, 2)) < 3000;
      },
      example: { pass: { config: { cellOptions: { lags: 2, order: 2, rank: 1 } } }, fail: { config: { cellOptions: { lags: 2, order: 2, rank: 2 } } } },
    },
  ],
  papers: [
    { authors: 'Wu, Zhang, Zhang, Bengio & Salakhutdinov', year: 2016, title: 'On Multiplicative Integration with Recurrent Neural Networks', url: 'https://arxiv.org/abs/1606.06630' },
    { authors: 'Yu, Zheng, Anandkumar & Yue', year: 2017, title: 'Long-term Forecasting using Tensor-Train RNNs', url: 'https://arxiv.org/abs/1711.00073' },
    { authors: 'Oseledets', year: 2011, title: 'Tensor-Train Decomposition', url: 'https://doi.org/10.1137/090752286' },
    { authors: 'Qiu, Li, Weng, Sun, He & Zhao', year: 2021, title: 'On the Memory Mechanism of Tensor-Power Recurrent Models', url: 'https://arxiv.org/abs/2103.01521' },
    { authors: 'Bradbury, Merity, Xiong & Socher', year: 2017, title: 'Quasi-Recurrent Neural Networks', url: 'https://arxiv.org/abs/1611.01576' },
  ],
};
