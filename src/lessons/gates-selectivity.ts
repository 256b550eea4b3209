// "Gates as selectivity": the selective-copy task (`abcdefg___` → `_______abc`: T = 10, recall the
// first 3 of 7 symbols) trained live. The GRU steps share one preset: the loss, the update gate
// opening on the symbols to keep and shutting on the distractors, the gate histograms piling up
// near 0 and 1, and the hidden state held almost still through the distractors; then a plain RNN
// that solves the task by rewriting its state every step, and an LSTM whose forget gate saturates.
// Every number the text states is measured by tests/unit/lesson-claims-select.test.ts.
import type { RunConfig, Telemetry } from '../protocol/messages';
import type { Lesson } from './types';

const base: Partial<RunConfig> = {
  taskId: 'select',
  taskOptions: { recall: 3, alphabet: 8 },
  seqLen: 10,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.01,
  recurrentScale: 0,
  clipNorm: 1,
};
const gru: Partial<RunConfig> = { ...base, cellId: 'gru', cellOptions: {} };

/** Fraction of gate `id`'s values on the probe example below 0.1 or above 0.9 (0 before any telemetry). */
export function saturatedShare(probe: Telemetry['probe'] | undefined, id: string): number {
  const d = probe?.traces.find((t) => t.layer === 0 && t.direction === 0)?.series[id]?.data;
  if (!d || !d.length) return 0;
  let n = 0;
  for (let i = 0; i < d.length; i++) if (d[i] < 0.1 || d[i] > 0.9) n++;
  return n / d.length;
}

/** A one-step probe whose update gate has these values (for the live question's examples). */
function probeWithZ(z: number[]): Telemetry['probe'] {
  return {
    T: 1, inputLabels: ['a'], targetLabels: [''], predictedLabels: [''], means: {},
    traces: [{ layer: 0, direction: 0, series: { z: { width: z.length, data: new Float32Array(z) } } }],
  };
}

export const gatesSelectivity: Lesson = {
  id: 'gates-selectivity',
  titleKey: 'lessons.select.title',
  summaryKey: 'lessons.select.summary',
  steps: [
    { id: 'task', textKey: 'lessons.select.task', preset: gru, highlight: ['z', 'h'], widgets: ['loss', 'heatmaps'] },
    { id: 'write', textKey: 'lessons.select.write', preset: gru, highlight: ['z', 'h'], widgets: ['heatmaps', 'saturation', 'loss'] },
    { id: 'saturate', textKey: 'lessons.select.saturate', preset: gru, highlight: ['z', 'r'], widgets: ['saturation', 'heatmaps', 'loss'] },
    { id: 'still', textKey: 'lessons.select.still', preset: gru, highlight: ['h'], widgets: ['heatmaps', 'saturation', 'loss'] },
    { id: 'plain', textKey: 'lessons.select.plain', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } }, highlight: ['h'],
      widgets: ['heatmaps', 'loss'], compare: ['rnn', 'gru', 'lstm'] },
    { id: 'lstm', textKey: 'lessons.select.lstm', preset: { ...base, cellId: 'lstm', cellOptions: { forgetBias: 1 } }, highlight: ['f', 'i', 'c'],
      widgets: ['saturation', 'heatmaps', 'loss'] },
  ],
  questions: [
    { kind: 'choice', id: 'gate', textKey: 'lessons.select.q.gate', choices: ['keep', 'write', 'erase'], answer: 'keep' },
    { kind: 'choice', id: 'rnn', textKey: 'lessons.select.q.rnn', choices: ['recode', 'nothing', 'fails'], answer: 'recode' },
    {
      // After 400 steps of the lesson's run about 53% of the update gate's values are outside 0.1–0.9 (lesson-claims-select).
      kind: 'live', id: 'decide', textKey: 'lessons.select.q.decide', preset: gru, control: 'learningRate',
      check: (s) => s.config.cellId === 'gru' && s.config.taskId === 'select' && saturatedShare(s.telemetry?.probe, 'z') > 0.4,
      example: { pass: { telemetry: { probe: probeWithZ([0.05, 0.95, 0.97, 0.5]) } }, fail: { telemetry: { probe: probeWithZ([0.3, 0.5, 0.6, 0.95]) } } },
    },
  ],
  papers: [
    { authors: 'Hochreiter & Schmidhuber', year: 1997, title: 'Long Short-Term Memory', url: 'https://doi.org/10.1162/neco.1997.9.8.1735' },
    { authors: 'Cho, van Merriënboer, Gulcehre, Bahdanau, Bougares, Schwenk & Bengio', year: 2014,
      title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation', url: 'https://arxiv.org/abs/1406.1078' },
    { authors: 'Gers, Schmidhuber & Cummins', year: 2000, title: 'Learning to Forget: Continual Prediction with LSTM', url: 'https://doi.org/10.1162/089976600300015015' },
    { authors: 'Gu & Dao', year: 2023, title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', url: 'https://arxiv.org/abs/2312.00752' },
  ],
};
