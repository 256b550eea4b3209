// "Special initialisation, and keeping it": cells that start with a recurrent matrix whose
// eigenvalues sit at or near 1 — IRNN, np-RNN, IndRNN, RIN — and the ones that keep it there for
// the whole of training (IndRNN's bound, the uRNN's construction, singular-value clipping), each on
// the same copy task (T = 20, seed 1) with the spectrum widget, then four side by side. Every number
// the text states is measured on these presets by tests/unit/lesson-claims-init.test.ts.
import type { RunConfig } from '../protocol/messages';
import type { Lesson } from './types';

const base: Partial<RunConfig> = {
  taskId: 'copy',
  taskOptions: {},
  seqLen: 20,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.005,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
  seed: 1,
};

/** The tanh RNN of the clipping step: W_hh rescaled to ρ = 1.5 at init, clipping off until the reader turns it on. */
const svPreset: Partial<RunConfig> = { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' }, recurrentScale: 1.5 };

export const specialInit: Lesson = {
  id: 'special-init',
  titleKey: 'lessons.init.title',
  summaryKey: 'lessons.init.summary',
  steps: [
    { id: 'irnn', textKey: 'lessons.init.irnn', preset: { ...base, cellId: 'irnn', cellOptions: { alpha: 1 } },
      highlight: ['h'], widgets: ['spectrum', 'gradnorm', 'loss'], controls: ['opt.alpha'] },
    { id: 'np-rnn', textKey: 'lessons.init.np', preset: { ...base, cellId: 'np-rnn', cellOptions: {} },
      highlight: ['init', 'h'], widgets: ['spectrum', 'gradnorm', 'loss'] },
    { id: 'indrnn', textKey: 'lessons.init.indrnn', preset: { ...base, cellId: 'indrnn', cellOptions: { gamma: 2 } },
      highlight: ['h'], widgets: ['spectrum', 'loss', 'heatmaps'], controls: ['opt.gamma'] },
    { id: 'rin', textKey: 'lessons.init.rin', preset: { ...base, cellId: 'rin', cellOptions: {} },
      highlight: ['h'], widgets: ['spectrum', 'gradnorm', 'loss'] },
    { id: 'urnn', textKey: 'lessons.init.urnn', preset: { ...base, cellId: 'urnn', cellOptions: {} },
      highlight: ['W', 'mod', 'h'], widgets: ['spectrum', 'loss', 'gradnorm'] },
    { id: 'svclip', textKey: 'lessons.init.svclip', preset: svPreset,
      highlight: ['h'], widgets: ['spectrum', 'clip', 'gradnorm'], controls: ['svClip', 'recurrentScale'] },
    { id: 'compare', textKey: 'lessons.init.compare', preset: { ...base, cellId: 'irnn', cellOptions: { alpha: 1 } },
      highlight: ['h'], widgets: ['loss', 'spectrum'], compare: ['irnn', 'np-rnn', 'indrnn', 'rin'] },
  ],
  questions: [
    {
      kind: 'live', id: 'clip', textKey: 'lessons.init.q.clip', preset: svPreset, control: 'svClip',
      // After an update with clipping at c every singular value of W_hh is ≤ c, so is every |λ|: at c ≤ 1 none lies outside.
      check: (s) => {
        const svClip = s.config.svClip ?? 0;
        const block = s.instruments?.spectra.blocks[0];
        return svClip > 0 && block != null && block.sigmaMax <= 1.01 && (block.radius ?? Infinity) <= 1.01;
      },
      example: {
        pass: { config: { svClip: 1 }, instruments: { spectra: { blocks: [{ id: 'whh', label: '$W_{hh}$', eigenvalues: [[0.91, 0], [0.2, 0.85], [0.2, -0.85]], singularValues: [1.0, 0.98, 0.5], radius: 0.91, sigmaMax: 1.0 }] } } },
        fail: { config: { svClip: 2 }, instruments: { spectra: { blocks: [{ id: 'whh', label: '$W_{hh}$', eigenvalues: [[1.5, 0], [0.3, 1.3], [0.3, -1.3]], singularValues: [2.0, 1.8, 0.9], radius: 1.5, sigmaMax: 2.0 }] } } },
      },
    },
    { kind: 'choice', id: 'keep', textKey: 'lessons.init.q.keep', choices: ['irnn', 'indrnn', 'urnn'], answer: 'urnn' },
    { kind: 'choice', id: 'fixed', textKey: 'lessons.init.q.fixed', choices: ['all', 'zero', 'none'], answer: 'all' },
  ],
  papers: [
    { authors: 'Le, Jaitly & Hinton', year: 2015, title: 'A Simple Way to Initialize Recurrent Networks of Rectified Linear Units', url: 'https://arxiv.org/abs/1504.00941' },
    { authors: 'Talathi & Vartak', year: 2016, title: 'Improving performance of recurrent neural network with relu nonlinearity', url: 'https://arxiv.org/abs/1511.03771' },
    { authors: 'Li, Li, Cook, Zhu & Gao', year: 2018, title: 'Independently Recurrent Neural Network (IndRNN): Building A Longer and Deeper RNN', url: 'https://arxiv.org/abs/1803.04831' },
    { authors: 'Hu, Huber, Anumula & Liu', year: 2018, title: 'Overcoming the vanishing gradient problem in plain recurrent networks', url: 'https://arxiv.org/abs/1801.06105' },
    { authors: 'Arjovsky, Shah & Bengio', year: 2016, title: 'Unitary Evolution Recurrent Neural Networks', url: 'https://arxiv.org/abs/1511.06464' },
    { authors: 'Vorontsov, Trabelsi, Kadoury & Pal', year: 2017, title: 'On orthogonality and learning recurrent networks with long term dependencies', url: 'https://arxiv.org/abs/1702.00071' },
    { authors: 'Zhang, Lei & Dhillon', year: 2018, title: 'Stabilizing Gradients for Deep Neural Networks via Efficient SVD Parameterization', url: 'https://arxiv.org/abs/1803.09327' },
    { authors: 'Kanai, Fujiwara & Iwamura', year: 2017, title: 'Preventing Gradient Explosions in Gated Recurrent Units', url: 'https://arxiv.org/abs/1711.05917' },
  ],
};
