// "LSTM step by step": the gates on the copy task, then where they came from and what can be
// changed. The steps on the modern LSTM (intro, forget, input, watch) share one preset, so moving
// between them never restarts the run; the 1997 cell without a forget gate, the peephole and the
// coupled-gate variants and the LSTM with its forget gate shut each train live on the same task
// and seed. Every number the text states is measured by tests/unit/lesson-claims-lstm.test.ts.
import type { RunConfig } from '../protocol/messages';
import type { Lesson } from './types';

const preset: Partial<RunConfig> = {
  cellId: 'lstm',
  cellOptions: { forgetBias: 1 },
  taskId: 'copy',
  seqLen: 20,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.01,
  recurrentScale: 0,
  clipNorm: 1,
};

export const lstmStepByStep: Lesson = {
  id: 'lstm-step-by-step',
  titleKey: 'lessons.lstm.title',
  summaryKey: 'lessons.lstm.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.lstm.intro', preset, highlight: ['c', 'h'], widgets: ['heatmaps', 'loss', 'gradnorm'] },
    { id: 'forget', textKey: 'lessons.lstm.forget', preset, highlight: ['f', 'c'], widgets: ['heatmaps', 'saturation', 'loss'] },
    { id: 'input', textKey: 'lessons.lstm.input', preset, highlight: ['i', 'g', 'o', 'h'], widgets: ['heatmaps', 'saturation', 'loss'] },
    // The original cell: c_t = c_{t−1} + i_t ⊙ g_t (paper squashing), on the same task and seed.
    { id: 'cec', textKey: 'lessons.lstm.cec', preset: { ...preset, cellId: 'lstm-1997', cellOptions: { squash: 'paper' } },
      highlight: ['c', 'h'], widgets: ['heatmaps', 'gradnorm', 'loss'] },
    { id: 'peephole', textKey: 'lessons.lstm.peephole', preset: { ...preset, cellId: 'lstm-peephole', cellOptions: { forgetBias: 1 } },
      highlight: ['o', 'f', 'i'], widgets: ['heatmaps', 'loss', 'saturation'] },
    { id: 'cifg', textKey: 'lessons.lstm.cifg', preset: { ...preset, cellId: 'lstm-cifg', cellOptions: {} },
      highlight: ['f', 'c'], widgets: ['loss', 'gradnorm', 'heatmaps', 'params'] },
    // The forget gate shut at the start (σ(−3) ≈ 0.05): all memory has to go through h_{t−1} and W_hh.
    { id: 'plain', textKey: 'lessons.lstm.plain', preset: { ...preset, cellOptions: { forgetBias: -3 } },
      highlight: ['f', 'c', 'h'], widgets: ['gradnorm', 'saturation', 'heatmaps', 'loss'], controls: ['opt.forgetBias'] },
    { id: 'watch', textKey: 'lessons.lstm.watch', preset, highlight: ['f', 'i', 'c'], widgets: ['loss', 'heatmaps', 'gradnorm'],
      controls: ['opt.forgetBias', 'seqLen'] },
  ],
  questions: [
    {
      kind: 'choice', id: 'cec', textKey: 'lessons.lstm.q.cec',
      choices: ['sum', 'product', 'output'], answer: 'sum',
    },
    {
      kind: 'choice', id: 'forget', textKey: 'lessons.lstm.q.forget',
      choices: ['reset', 'gradient', 'params'], answer: 'reset',
    },
    {
      // σ(−2.5) ≈ 0.08: at or below −2.5 the forget gate starts below 0.1 (the 'plain' step's −3 gives ≈ 0.05).
      kind: 'live', id: 'plain', textKey: 'lessons.lstm.q.plain', preset, control: 'opt.forgetBias',
      check: (s) => s.config.cellId === 'lstm' && Number(s.config.cellOptions.forgetBias ?? 0) <= -2.5,
      example: { pass: { config: { cellOptions: { forgetBias: -3 } } }, fail: { config: { cellOptions: { forgetBias: 0 } } } },
    },
  ],
  papers: [
    { authors: 'Hochreiter & Schmidhuber', year: 1997, title: 'Long Short-Term Memory', url: 'https://doi.org/10.1162/neco.1997.9.8.1735' },
    { authors: 'Gers, Schmidhuber & Cummins', year: 2000, title: 'Learning to Forget: Continual Prediction with LSTM', url: 'https://doi.org/10.1162/089976600300015015' },
    { authors: 'Gers & Schmidhuber', year: 2000, title: 'Recurrent Nets that Time and Count', url: 'https://doi.org/10.1109/IJCNN.2000.861302' },
    { authors: 'Greff, Srivastava, Koutník, Steunebrink & Schmidhuber', year: 2017, title: 'LSTM: A Search Space Odyssey', url: 'https://arxiv.org/abs/1503.04069' },
    { authors: 'Jozefowicz, Zaremba & Sutskever', year: 2015, title: 'An Empirical Exploration of Recurrent Network Architectures', url: 'https://proceedings.mlr.press/v37/jozefowicz15.html' },
  ],
};
