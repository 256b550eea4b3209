// "Long memory": Zhao et al. (2020) call a model long-memory when the influence of the past decays
// like a power of the lag, not geometrically. The long-memory fit (the 'memory' widget: ‖∂h_T/∂x_t‖
// against the lag, fitted as an exponential and as a power law) gives the verdict for an LSTM, then
// for the mLSTM and mRNN with the fractional-differencing filter (1 − B)^d over K lags. Every
// number the text states is measured on these presets (seed 1) by tests/unit/lesson-claims-longmem.test.ts;
// the memory chart's numbers are those of the untrained model the step opens on (the instruments'
// snapshot at configure), unless the text says it trained.
import type { RunConfig } from '../protocol/messages';
import type { Lesson } from './types';

// Small (H = 8) so the Jacobians behind the memory chart, over a state of (K + 2)·H numbers for
// the mLSTM, stay quick at K = 30.
const base: Partial<RunConfig> = {
  taskId: 'adding',
  seqLen: 30,
  hiddenSize: 8,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.02,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
  seed: 1,
};

const mlstm30: Partial<RunConfig> = { ...base, cellId: 'mlstm', cellOptions: { K: 30, dynamic: true } };

export const longMemory: Lesson = {
  id: 'long-memory',
  titleKey: 'lessons.longmem.title',
  summaryKey: 'lessons.longmem.summary',
  steps: [
    { id: 'short', textKey: 'lessons.longmem.short', preset: { ...base, cellId: 'lstm', cellOptions: { forgetBias: 1 } },
      highlight: ['f', 'c'], widgets: ['memory', 'jacobians', 'loss'], controls: ['opt.forgetBias'] },
    { id: 'definition', textKey: 'lessons.longmem.definition', preset: mlstm30,
      highlight: ['w', 'c'], widgets: ['memory', 'heatmaps', 'loss'] },
    { id: 'window', textKey: 'lessons.longmem.window', preset: { ...mlstm30, cellOptions: { K: 10, dynamic: true } },
      highlight: ['w', 'c'], widgets: ['memory', 'heatmaps'], controls: ['opt.K'] },
    { id: 'd', textKey: 'lessons.longmem.d', preset: { ...mlstm30, cellOptions: { K: 30, dynamic: false } },
      highlight: ['d', 'w', 'c'], widgets: ['memory', 'heatmaps'], controls: ['opt.dynamic'] },
    { id: 'mrnn', textKey: 'lessons.longmem.mrnn', preset: { ...base, cellId: 'mrnn', cellOptions: { K: 30, dynamic: true } },
      highlight: ['w', 'f', 'm'], widgets: ['memory', 'heatmaps', 'loss'] },
    { id: 'learn', textKey: 'lessons.longmem.learn',
      preset: { ...base, cellId: 'mlstm', cellOptions: { K: 12, dynamic: true }, seqLen: 12, hiddenSize: 16 },
      highlight: ['d', 'c', 'h'], widgets: ['loss', 'memory', 'heatmaps'] },
    { id: 'compare', textKey: 'lessons.longmem.compare', preset: mlstm30,
      highlight: ['c'], widgets: ['memory', 'loss'], compare: ['lstm', 'mrnn', 'mlstm'] },
  ],
  questions: [
    { kind: 'choice', id: 'definition', textKey: 'lessons.longmem.q.definition', choices: ['geometric', 'power', 'window', 'flat'], answer: 'power' },
    { kind: 'choice', id: 'lstm', textKey: 'lessons.longmem.q.lstm', choices: ['yes', 'slow', 'gate'], answer: 'slow' },
    {
      kind: 'live', id: 'window', textKey: 'lessons.longmem.q.window',
      // A small learning rate: the question's run trains while the reader drags, and at the step's
      // 0.02 the trained K = 25 cell drifts off the power law within ~300 steps; at 0.002 it stays.
      preset: { ...mlstm30, cellOptions: { K: 10, dynamic: true }, learningRate: 0.002 },
      control: 'opt.K',
      check: (s) => s.config.cellId === 'mlstm' && s.instruments?.memory?.verdict === 'power-law',
      example: {
        pass: {
          config: { cellOptions: { K: 30, dynamic: true } },
          instruments: { memory: { verdict: 'power-law', exponential: { rate: 0.062, intercept: 0, r2: 0.85 }, powerLaw: { exponent: 0.67, intercept: 0, r2: 0.995 }, lags: [] } },
        },
        fail: {
          config: { cellOptions: { K: 10, dynamic: true } },
          instruments: { memory: { verdict: 'exponential', exponential: { rate: 0.15, intercept: 0, r2: 0.995 }, powerLaw: { exponent: 1.43, intercept: 0, r2: 0.87 }, lags: [] } },
        },
      },
    },
  ],
  papers: [
    { authors: 'Zhao, Huang, Lv, Duan, Qin, Li & Tian', year: 2020, title: 'Do RNN and LSTM have Long Memory?', url: 'https://arxiv.org/abs/2006.03860' },
    { authors: 'Hosking', year: 1981, title: 'Fractional differencing', url: 'https://doi.org/10.1093/biomet/68.1.165' },
    { authors: 'Gers, Schmidhuber & Cummins', year: 2000, title: 'Learning to Forget: Continual Prediction with LSTM', url: 'https://doi.org/10.1162/089976600300015015' },
  ],
};
