// "Connections across time scales": five cells that give the gradient a shorter path between
// distant steps — Clockwork RNN, Dilated RNN, NARX, TKRNN, SCRNN — each on the same copy task
// (T = 20, three symbols, seed 1) as a tanh RNN, then four of them side by side on Compare. Every
// number the text states is measured on these presets by tests/unit/lesson-claims-scales.test.ts.
import type { RunConfig } from '../protocol/messages';
import type { Lesson, LiveCheckState } from './types';

const base: Partial<RunConfig> = {
  taskId: 'copy',
  taskOptions: {},
  seqLen: 20,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.01,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
  seed: 1,
};

/**
 * The recall accuracy the page shows: the mean over the last few training batches in the latest
 * telemetry, or — in a telemetry without new points (a pause, a step) — the share of the probe
 * example's recalled symbols that the model gets right.
 */
const accuracyOf = (tele: LiveCheckState['telemetry']): number => {
  if (!tele) return 0;
  const pts = tele.points ?? [];
  if (pts.length > 0) {
    const last = pts.slice(-5);
    return last.reduce((a, p) => a + p.accuracy, 0) / last.length;
  }
  const probe = tele.probe;
  if (!probe) return 0;
  const scored = probe.targetLabels.map((want, t) => [want, probe.predictedLabels[t]]).filter(([want]) => want !== '');
  return scored.length ? scored.filter(([want, got]) => want === got).length / scored.length : 0;
};

export const timeScales: Lesson = {
  id: 'time-scales',
  titleKey: 'lessons.scales.title',
  summaryKey: 'lessons.scales.summary',
  steps: [
    { id: 'problem', textKey: 'lessons.scales.problem', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } },
      highlight: ['h'], widgets: ['gradnorm', 'loss', 'heatmaps'] },
    { id: 'clockwork', textKey: 'lessons.scales.clockwork', preset: { ...base, cellId: 'clockwork', cellOptions: { modules: 4, periodBase: 2 } },
      highlight: ['m', 'h'], widgets: ['heatmaps', 'gradnorm', 'loss'], controls: ['opt.periodBase'] },
    { id: 'dilated', textKey: 'lessons.scales.dilated', preset: { ...base, cellId: 'dilated', cellOptions: { cell: 'tanh', base: 2 }, numLayers: 3 },
      highlight: ['h', 'buf'], widgets: ['loss', 'heatmaps'], controls: ['opt.base'] },
    { id: 'narx', textKey: 'lessons.scales.narx', preset: { ...base, cellId: 'narx', cellOptions: { feedback: 'output', order: 3, outputs: 8 } },
      highlight: ['h', 'y'], widgets: ['loss', 'heatmaps', 'gradnorm'], controls: ['opt.order'] },
    { id: 'tkrnn', textKey: 'lessons.scales.tkrnn', preset: { ...base, cellId: 'tkrnn', cellOptions: { inputTiming: 'paper' } },
      highlight: ['lam', 'sh', 'h'], widgets: ['gradnorm', 'heatmaps', 'loss'] },
    { id: 'scrnn', textKey: 'lessons.scales.scrnn', preset: { ...base, cellId: 'scrnn', cellOptions: { contextSize: 8, alpha: 0.95 } },
      highlight: ['s', 'h'], widgets: ['heatmaps', 'loss'], controls: ['opt.alpha'] },
    { id: 'compare', textKey: 'lessons.scales.compare', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } },
      highlight: ['h'], widgets: ['loss', 'gradnorm'], compare: ['rnn', 'clockwork', 'narx', 'tkrnn'] },
  ],
  questions: [
    { kind: 'choice', id: 'clock', textKey: 'lessons.scales.q.clock', choices: ['rare', 'orthogonal', 'gates'], answer: 'rare' },
    { kind: 'choice', id: 'dilation', textKey: 'lessons.scales.q.dilation', choices: ['one', 'two', 'four', 'eight'], answer: 'four' },
    {
      kind: 'live', id: 'order', textKey: 'lessons.scales.q.order',
      preset: { ...base, cellId: 'narx', cellOptions: { feedback: 'output', order: 1, outputs: 8 } },
      control: 'opt.order',
      // Order 1 stays at chance (12.5%), order 3 passes 60% within 150 steps, on the training
      // batches and on the probe (tests/unit/lesson-claims-scales.test.ts).
      check: (s) => Number(s.config.cellOptions.order) >= 2 && accuracyOf(s.telemetry) > 0.6,
      example: {
        pass: { config: { cellOptions: { order: 3 } }, telemetry: { step: 150, points: [0.84, 0.88, 0.9, 0.86, 0.89].map((accuracy, i) => ({ step: 146 + i, loss: 0.5, accuracy })) } },
        fail: { config: { cellOptions: { order: 1 } }, telemetry: { step: 150, points: [0.12, 0.14, 0.11, 0.13, 0.12].map((accuracy, i) => ({ step: 146 + i, loss: 2.08, accuracy })) } },
      },
    },
  ],
  papers: [
    { authors: 'Koutník, Greff, Gomez & Schmidhuber', year: 2014, title: 'A Clockwork RNN', url: 'https://arxiv.org/abs/1402.3511' },
    { authors: 'Chang et al.', year: 2017, title: 'Dilated Recurrent Neural Networks', url: 'https://arxiv.org/abs/1710.02224' },
    { authors: 'Lin, Horne, Tiňo & Giles', year: 1996, title: 'Learning long-term dependencies in NARX recurrent neural networks', url: 'https://doi.org/10.1109/72.548162' },
    { authors: 'Sutskever & Hinton', year: 2010, title: 'Temporal-Kernel Recurrent Neural Networks', url: 'https://doi.org/10.1016/j.neunet.2009.10.009' },
    { authors: 'Mikolov, Joulin, Chopra, Mathieu & Ranzato', year: 2015, title: 'Learning Longer Memory in Recurrent Neural Networks', url: 'https://arxiv.org/abs/1412.7753' },
  ],
};
