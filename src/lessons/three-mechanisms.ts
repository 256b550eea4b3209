// "Three ways to remember": the syllabus sorts long-memory cells by mechanism — gates, connections
// across time scales, special initialisation. One cell per mechanism on the adding problem and one
// seed (the Clockwork RNN on the copy task, which it learns), with the gradient profile as the
// common yardstick, then all of them side by side. The numbers the text states are measured by
// tests/unit/lesson-claims-mech.test.ts.
import type { RunConfig } from '../worker/protocol';
import type { Lesson } from './types';

const base: Partial<RunConfig> = {
  taskId: 'adding',
  seqLen: 30,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  recurrentScale: 0,
  svClip: 0,
  seed: 1,
};

export const threeMechanisms: Lesson = {
  id: 'three-mechanisms',
  titleKey: 'lessons.mech.title',
  summaryKey: 'lessons.mech.summary',
  steps: [
    { id: 'problem', textKey: 'lessons.mech.problem', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' }, learningRate: 0.005, clipNorm: 1 },
      highlight: ['h'], focus: 'gradnorm' },
    { id: 'gates', textKey: 'lessons.mech.gates', preset: { ...base, cellId: 'gru', cellOptions: {}, learningRate: 0.01, clipNorm: 1 },
      highlight: ['z', 'h'] },
    // The copy task, not the adding problem: on adding (T = 20 or 30, lr 0.003–0.02) the Clockwork RNN
    // stays at the baseline for 300 steps; on copy it learns (tests/unit/lesson-claims-mech.test.ts).
    { id: 'scales', textKey: 'lessons.mech.scales', preset: { ...base, cellId: 'clockwork', cellOptions: { modules: 4, periodBase: 2 }, taskId: 'copy', seqLen: 20, learningRate: 0.01, clipNorm: 1 },
      highlight: ['m', 'h'] },
    { id: 'init', textKey: 'lessons.mech.init', preset: { ...base, cellId: 'urnn', cellOptions: {}, hiddenSize: 64, learningRate: 0.002, clipNorm: 0 },
      highlight: ['mod', 'h'], focus: 'gradnorm' },
    { id: 'compare', textKey: 'lessons.mech.compare', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' }, learningRate: 0.005, clipNorm: 1 },
      highlight: ['h'], focus: 'gradnorm', compare: ['rnn', 'gru', 'clockwork', 'urnn'] },
  ],
};
