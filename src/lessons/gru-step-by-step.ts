// "GRU step by step": the update and reset gates on the copy task (the same task, length and seed
// as "LSTM step by step"), the GRU as a trimmed LSTM, Cho et al.'s original reset-before cell
// against PyTorch's reset-after, and the plain RNN a GRU becomes with z ≡ 0 and r ≡ 1. The GRU
// steps share one preset, so moving between them keeps the run. Every number the text states is
// measured by tests/unit/lesson-claims-gru.test.ts.
import type { RunConfig, Telemetry } from '../protocol/messages';
import type { Lesson } from './types';

const preset: Partial<RunConfig> = {
  cellId: 'gru',
  cellOptions: {},
  taskId: 'copy',
  seqLen: 20,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.01,
  recurrentScale: 0,
  clipNorm: 1,
};

/** Fraction of the update gate's values on the probe example above 0.9 (0 before any telemetry). */
export function updateGateAbove(probe: Telemetry['probe'] | undefined): number {
  const z = probe?.traces.find((t) => t.layer === 0 && t.direction === 0)?.series.z?.data;
  if (!z || !z.length) return 0;
  let n = 0;
  for (let i = 0; i < z.length; i++) if (z[i] > 0.9) n++;
  return n / z.length;
}

/** A one-step probe whose update gate has these values (for the live question's examples). */
function probeWithZ(z: number[]): Telemetry['probe'] {
  return {
    T: 1, inputLabels: ['a'], targetLabels: [''], predictedLabels: [''], means: {},
    traces: [{ layer: 0, direction: 0, series: { z: { width: z.length, data: new Float32Array(z) } } }],
  };
}

export const gruStepByStep: Lesson = {
  id: 'gru-step-by-step',
  titleKey: 'lessons.gru.title',
  summaryKey: 'lessons.gru.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.gru.intro', preset, highlight: ['h'], widgets: ['loss', 'heatmaps', 'gradnorm'] },
    { id: 'update', textKey: 'lessons.gru.update', preset, highlight: ['z', 'h'], widgets: ['heatmaps', 'saturation', 'loss'] },
    { id: 'reset', textKey: 'lessons.gru.reset', preset, highlight: ['r', 'n'], widgets: ['heatmaps', 'saturation', 'loss'] },
    { id: 'simpler', textKey: 'lessons.gru.simpler', preset, highlight: ['z', 'h'], widgets: ['params', 'loss', 'heatmaps'],
      compare: ['lstm', 'lstm-cifg', 'gru'] },
    { id: 'original', textKey: 'lessons.gru.original', preset: { ...preset, cellId: 'gru-original' }, highlight: ['n', 'r'],
      widgets: ['loss', 'heatmaps', 'gradnorm'], compare: ['gru', 'gru-original'] },
    { id: 'plain', textKey: 'lessons.gru.plain', preset: { ...preset, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } }, highlight: ['h'],
      widgets: ['loss', 'gradnorm', 'heatmaps'], controls: ['seqLen'] },
  ],
  questions: [
    {
      kind: 'choice', id: 'plain', textKey: 'lessons.gru.q.plain',
      choices: ['z0r1', 'z1r0', 'half'], answer: 'z0r1',
    },
    {
      kind: 'choice', id: 'reset', textKey: 'lessons.gru.q.reset',
      choices: ['after', 'before', 'update'], answer: 'after',
    },
    {
      // After 300 steps of the lesson's run about half the update gate's values are above 0.9 (lesson-claims-gru).
      kind: 'live', id: 'saturate', textKey: 'lessons.gru.q.saturate', preset, control: 'learningRate',
      check: (s) => s.config.cellId === 'gru' && updateGateAbove(s.telemetry?.probe) > 0.4,
      example: { pass: { telemetry: { probe: probeWithZ([0.95, 0.97, 0.3, 0.99]) } }, fail: { telemetry: { probe: probeWithZ([0.5, 0.55, 0.6, 0.95]) } } },
    },
  ],
  papers: [
    { authors: 'Cho, van Merriënboer, Gulcehre, Bahdanau, Bougares, Schwenk & Bengio', year: 2014,
      title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation', url: 'https://arxiv.org/abs/1406.1078' },
    { authors: 'Chung, Gulcehre, Cho & Bengio', year: 2014, title: 'Empirical Evaluation of Gated Recurrent Neural Networks on Sequence Modeling', url: 'https://arxiv.org/abs/1412.3555' },
    { authors: 'Greff, Srivastava, Koutník, Steunebrink & Schmidhuber', year: 2017, title: 'LSTM: A Search Space Odyssey', url: 'https://arxiv.org/abs/1503.04069' },
  ],
};
