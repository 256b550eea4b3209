// "Recurrence": one cell unrolled in time. A tanh RNN on the copy task (T = 12: three symbols, five
// blanks, a delimiter, three to recall): the heatmap's columns are the unrolled copies, the
// spectrum shows the one W_hh they share whatever T is, PyTorch's parameter count (the counter
// widget), two stacked layers, the input/output shapes of the app's tasks (adding = many-to-one),
// and the ReLU option. Every number the text states is measured on these presets by
// tests/unit/lesson-claims-recur.test.ts.
import type { RunConfig } from '../protocol/messages';
import type { Lesson, LiveCheckState } from './types';

const base: Partial<RunConfig> = {
  cellId: 'rnn',
  cellOptions: { nonlinearity: 'tanh' },
  taskId: 'copy',
  taskOptions: { symbols: 3, alphabet: 8 },
  seqLen: 12,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.01,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
};

/**
 * The recall the page shows: the mean accuracy of the last few training batches in the latest
 * telemetry, or, in a telemetry without new points (a pause, a step), the share of the probe
 * example's recalled symbols the model gets right; so a passed check does not flip back on pause.
 */
export function recallOf(tele: LiveCheckState['telemetry']): number {
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
}

export const recurrence: Lesson = {
  id: 'recurrence',
  titleKey: 'lessons.recur.title',
  summaryKey: 'lessons.recur.summary',
  steps: [
    { id: 'unroll', textKey: 'lessons.recur.unroll', preset: base, highlight: ['h'], widgets: ['heatmaps', 'loss'] },
    { id: 'share', textKey: 'lessons.recur.share', preset: base, highlight: ['h'], widgets: ['spectrum', 'heatmaps'], controls: ['seqLen'] },
    { id: 'params', textKey: 'lessons.recur.params', preset: base, highlight: ['h'], widgets: ['params', 'loss'] },
    { id: 'stack', textKey: 'lessons.recur.stack', preset: { ...base, numLayers: 2 }, highlight: ['h'], widgets: ['loss', 'heatmaps'], controls: ['numLayers'] },
    { id: 'shapes', textKey: 'lessons.recur.shapes', preset: { ...base, taskId: 'adding', taskOptions: {}, seqLen: 20, learningRate: 0.005 }, highlight: ['h'],
      widgets: ['gradnorm', 'loss', 'heatmaps'], controls: ['seqLen'] },
    { id: 'relu', textKey: 'lessons.recur.relu', preset: { ...base, cellOptions: { nonlinearity: 'relu' } }, highlight: ['h'], widgets: ['loss', 'heatmaps', 'gradnorm'],
      controls: ['opt.nonlinearity', 'learningRate'] },
  ],
  questions: [
    { kind: 'choice', id: 'count', textKey: 'lessons.recur.q.count', choices: ['n640', 'n1280', 'n1480', 'n2560'], answer: 'n1480' },
    { kind: 'choice', id: 'shape', textKey: 'lessons.recur.q.shape', choices: ['oneToMany', 'manyToOne', 'manyToMany'], answer: 'manyToOne' },
    {
      kind: 'live',
      id: 'layers',
      textKey: 'lessons.recur.q.layers',
      preset: base,
      control: 'numLayers',
      // Stacked (≥ 2 layers) and recalling 90% or more. One layer does not get there within 200 steps;
      // two and three do (tests/unit/lesson-claims-recur.test.ts).
      check: ({ config, telemetry }) => config.numLayers >= 2 && recallOf(telemetry) >= 0.9,
      // What the runs report around step 200 (same test): two layers 1.00, one layer about 0.66.
      example: {
        pass: { config: { numLayers: 2 }, telemetry: { step: 200, points: [0.98, 1, 1, 1, 0.99].map((accuracy, i) => ({ step: 196 + i, loss: 0.08, accuracy })) } },
        fail: { config: { numLayers: 1 }, telemetry: { step: 200, points: [0.62, 0.69, 0.66, 0.64, 0.66].map((accuracy, i) => ({ step: 196 + i, loss: 0.94, accuracy })) } },
      },
    },
  ],
  papers: [
    { authors: 'Elman', year: 1990, title: 'Finding structure in time', url: 'https://doi.org/10.1207/s15516709cog1402_1' },
    { authors: 'Rumelhart, Hinton & Williams', year: 1986, title: 'Learning representations by back-propagating errors', url: 'https://doi.org/10.1038/323533a0' },
    { authors: 'Werbos', year: 1990, title: 'Backpropagation through time: what it does and how to do it', url: 'https://doi.org/10.1109/5.58337' },
    { authors: 'Pascanu, Gulcehre, Cho & Bengio', year: 2014, title: 'How to construct deep recurrent neural networks', url: 'https://arxiv.org/abs/1312.6026' },
    { authors: 'Le, Jaitly & Hinton', year: 2015, title: 'A simple way to initialize recurrent networks of rectified linear units', url: 'https://arxiv.org/abs/1504.00941' },
  ],
};
