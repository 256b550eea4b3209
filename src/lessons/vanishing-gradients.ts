// "Why plain RNNs forget": backpropagation through time and the eigenvalue argument. The gradient
// profile ∂L/∂h_t of a tanh RNN on the adding problem, where the loss sits at the last step only, so
// the bars read as "how much step t still matters"; the Jacobians ‖∂h_T/∂h_t‖ on the probe
// sequence; the spectrum of W_hh. The reader sets the spectral radius of W_hh, sees that even
// ρ = 1 vanishes through tanh' < 1, clips, then swaps in a gated cell (which fixes vanishing, not
// exploding) and an identity-initialised one. Every number the text states is measured on these
// presets by tests/unit/lesson-claims-vanish.test.ts. The e2e walk opens step 2 ('scale') and
// expects its first control to be the ρ slider.
import type { MatrixSpectrum } from '../engine/instruments/types';
import type { RunConfig } from '../protocol/messages';
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

/** ρ(W_hh) = 1, unclipped: the 'scale' and 'orthogonal' steps share it (moving between them keeps the run). */
const atOne: Partial<RunConfig> = { ...base, recurrentScale: 1, clipNorm: 0 };

/** A W_hh spectrum as the instruments report it, reduced to what the live check reads (its radius). */
function whh(radius: number): MatrixSpectrum {
  return { id: 'whh', label: '$W_{hh}$', eigenvalues: [[radius, 0]], singularValues: [radius], radius, sigmaMax: radius };
}

/** The live question's start: ρ = 0.5, every eigenvalue well inside the unit circle. */
export const VANISH_QUESTION_PRESET: Partial<RunConfig> = { ...base, recurrentScale: 0.5, clipNorm: 0 };

export const vanishingGradients: Lesson = {
  id: 'vanishing-gradients',
  titleKey: 'lessons.vanish.title',
  summaryKey: 'lessons.vanish.summary',
  steps: [
    { id: 'plain', textKey: 'lessons.vanish.plain', preset: base, highlight: ['h'], widgets: ['heatmaps', 'loss', 'gradnorm'] },
    { id: 'backward', textKey: 'lessons.vanish.backward', preset: base, highlight: ['h'], focus: 'gradnorm', widgets: ['gradnorm', 'jacobians', 'heatmaps'] },
    // ρ(W_hh) = 1 to start from: the slider then reads "ρ = 0.58 → 1.00", PyTorch's radius and the set one.
    { id: 'scale', textKey: 'lessons.vanish.scale', preset: atOne, highlight: ['h'], focus: 'gradnorm', widgets: ['gradnorm', 'spectrum'], controls: ['recurrentScale'] },
    { id: 'orthogonal', textKey: 'lessons.vanish.orthogonal', preset: atOne, highlight: ['h'], widgets: ['jacobians', 'spectrum', 'gradnorm'], controls: ['recurrentScale'] },
    { id: 'clip', textKey: 'lessons.vanish.clip', preset: { ...base, recurrentScale: 3, clipNorm: 1 }, highlight: ['h'], focus: 'gradnorm', widgets: ['clip', 'gradnorm'], controls: ['clipNorm', 'recurrentScale'] },
    { id: 'gates', textKey: 'lessons.vanish.gates', preset: { ...base, cellId: 'lstm', cellOptions: { forgetBias: 1 }, learningRate: 0.01 }, highlight: ['f', 'c'], focus: 'gradnorm', widgets: ['gradnorm', 'heatmaps', 'loss'], controls: ['recurrentScale'] },
    { id: 'identity', textKey: 'lessons.vanish.identity', preset: { ...base, cellId: 'irnn', cellOptions: { alpha: 1 }, learningRate: 0.001 }, highlight: ['h'], focus: 'gradnorm', widgets: ['gradnorm', 'spectrum', 'loss'], controls: ['recurrentScale'] },
  ],
  questions: [
    {
      kind: 'live',
      id: 'outside',
      textKey: 'lessons.vanish.q.outside',
      preset: VANISH_QUESTION_PRESET,
      control: 'recurrentScale',
      // The live spectrum (first layer's W_hh): its largest |λ| beyond the unit circle. From ρ = 0.5 training
      // alone keeps it inside (tests/unit/lesson-claims-vanish.test.ts), so only the slider gets there.
      check: ({ instruments }) => (instruments?.spectra.blocks[0]?.radius ?? 0) > 1,
      // What the spectrum reports (same test): ρ = 1.5 → 1.5 at the restart; ρ = 0.5 → about 0.64 after 100 steps.
      example: {
        pass: { config: { recurrentScale: 1.5 }, instruments: { step: 0, spectra: { blocks: [whh(1.5)] } } },
        fail: { config: { recurrentScale: 0.5 }, instruments: { step: 100, spectra: { blocks: [whh(0.64)] } } },
      },
    },
    { kind: 'choice', id: 'ortho', textKey: 'lessons.vanish.q.ortho', choices: ['kept', 'vanishes', 'explodes'], answer: 'vanishes' },
    { kind: 'choice', id: 'clip', textKey: 'lessons.vanish.q.clip', choices: ['exploding', 'vanishing', 'both'], answer: 'exploding' },
  ],
  papers: [
    { authors: 'Hochreiter', year: 1991, title: 'Untersuchungen zu dynamischen neuronalen Netzen', url: 'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf' },
    { authors: 'Bengio, Simard & Frasconi', year: 1994, title: 'Learning long-term dependencies with gradient descent is difficult', url: 'https://doi.org/10.1109/72.279181' },
    { authors: 'Werbos', year: 1990, title: 'Backpropagation through time: what it does and how to do it', url: 'https://doi.org/10.1109/5.58337' },
    { authors: 'Pascanu, Mikolov & Bengio', year: 2013, title: 'On the difficulty of training recurrent neural networks', url: 'https://arxiv.org/abs/1211.5063' },
    { authors: 'Hochreiter & Schmidhuber', year: 1997, title: 'Long short-term memory', url: 'https://doi.org/10.1162/neco.1997.9.8.1735' },
    { authors: 'Le, Jaitly & Hinton', year: 2015, title: 'A simple way to initialize recurrent networks of rectified linear units', url: 'https://arxiv.org/abs/1504.00941' },
  ],
};
