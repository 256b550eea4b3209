// "Why plain RNNs forget": the gradient profile ∂L/∂h_t of a tanh RNN on the adding problem, where
// the loss sits at the last step only, so the bars read as "how much step t still matters". The
// reader sets the spectral radius of W_hh, clips, then swaps in a gated cell and an identity-initialised
// one. Every number the text states is measured on these presets by tests/unit/lesson-claims-vanish*.
import type { RunConfig } from '../worker/protocol';
import type { Lesson } from './types';

const base: Partial<RunConfig> = {
  cellId: 'rnn',
  cellOptions: { nonlinearity: 'tanh' },
  taskId: 'adding',
  seqLen: 40,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.005,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
};

export const vanishingGradients: Lesson = {
  id: 'vanishing-gradients',
  titleKey: 'lessons.vanish.title',
  summaryKey: 'lessons.vanish.summary',
  steps: [
    { id: 'plain', textKey: 'lessons.vanish.plain', preset: base, highlight: ['h'] },
    { id: 'backward', textKey: 'lessons.vanish.backward', preset: base, highlight: ['h'], focus: 'gradnorm' },
    // ρ(W_hh) = 1 to start from: the slider then reads "ρ = 0.58 → 1.00", PyTorch's radius and the set one.
    { id: 'scale', textKey: 'lessons.vanish.scale', preset: { ...base, recurrentScale: 1, clipNorm: 0 }, highlight: ['h'], focus: 'gradnorm', controls: ['recurrentScale'] },
    { id: 'clip', textKey: 'lessons.vanish.clip', preset: { ...base, recurrentScale: 3, clipNorm: 1 }, highlight: ['h'], focus: 'gradnorm', controls: ['clipNorm', 'recurrentScale'] },
    { id: 'gates', textKey: 'lessons.vanish.gates', preset: { ...base, cellId: 'lstm', cellOptions: { forgetBias: 1 }, learningRate: 0.01 }, highlight: ['f', 'c'], focus: 'gradnorm' },
    { id: 'identity', textKey: 'lessons.vanish.identity', preset: { ...base, cellId: 'irnn', cellOptions: { alpha: 1 }, learningRate: 0.001 }, highlight: ['h'], focus: 'gradnorm', controls: ['recurrentScale'] },
  ],
};
