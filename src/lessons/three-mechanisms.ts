// "Three ways to remember": the syllabus sorts long-memory cells by mechanism — gates, connections
// across time scales, special initialisation. An overview between "gates as selectivity" and the
// two lessons that take mechanisms 2 and 3 cell by cell: one cell per mechanism on the adding
// problem and one seed (the Clockwork RNN on the copy task, which it learns), with the gradient
// profile as the common yardstick, then all of them side by side. The numbers the text states are
// measured by tests/unit/lesson-claims-mech.test.ts. The last step's Compare list (rnn, gru,
// clockwork, urnn on adding) is what tests/e2e/lesson.e2e.ts expects.
import type { RunConfig } from '../protocol/messages';
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

/** Mean factor per step back over a gradient profile ‖∂L/∂h_t‖ (0 when there is none yet). */
function perStep(g: ArrayLike<number> | undefined): number {
  if (!g || g.length < 2 || !(g[g.length - 1] > 0)) return 0;
  const f = Math.pow(g[0] / g[g.length - 1], 1 / (g.length - 1));
  return Number.isFinite(f) ? f : 0;
}

export const threeMechanisms: Lesson = {
  id: 'three-mechanisms',
  titleKey: 'lessons.mech.title',
  summaryKey: 'lessons.mech.summary',
  steps: [
    { id: 'problem', textKey: 'lessons.mech.problem', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' }, learningRate: 0.005, clipNorm: 1 },
      highlight: ['h'], widgets: ['gradnorm', 'loss', 'heatmaps'] },
    { id: 'gates', textKey: 'lessons.mech.gates', preset: { ...base, cellId: 'gru', cellOptions: {}, learningRate: 0.01, clipNorm: 1 },
      highlight: ['z', 'h'], widgets: ['heatmaps', 'gradnorm', 'loss'] },
    // The copy task, not the adding problem: on adding (T = 20 or 30, lr 0.003–0.02) the Clockwork RNN
    // stays at the baseline for 300 steps; on copy it learns (tests/unit/lesson-claims-mech.test.ts).
    { id: 'scales', textKey: 'lessons.mech.scales', preset: { ...base, cellId: 'clockwork', cellOptions: { modules: 4, periodBase: 2 }, taskId: 'copy', seqLen: 20, learningRate: 0.01, clipNorm: 1 },
      highlight: ['m', 'h'], widgets: ['heatmaps', 'gradnorm', 'loss'] },
    { id: 'init', textKey: 'lessons.mech.init', preset: { ...base, cellId: 'urnn', cellOptions: {}, hiddenSize: 64, learningRate: 0.002, clipNorm: 0 },
      highlight: ['mod', 'h'], widgets: ['gradnorm', 'spectrum', 'loss'] },
    { id: 'compare', textKey: 'lessons.mech.compare', preset: { ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' }, learningRate: 0.005, clipNorm: 1 },
      highlight: ['h'], widgets: ['gradnorm', 'loss'], compare: ['rnn', 'gru', 'clockwork', 'urnn'] },
  ],
  questions: [
    {
      kind: 'live', id: 'clock', textKey: 'lessons.mech.q.clock',
      preset: { ...base, cellId: 'clockwork', cellOptions: { modules: 4, periodBase: 1 }, taskId: 'copy', seqLen: 20, learningRate: 0.01, clipNorm: 1 },
      control: 'opt.periodBase',
      // The gradient profile's mean factor per step, (g_0 / g_{T−1})^{1/(T−1)}: base 1 ≈ 0.39, base 2 ≈ 0.89
      // at the start and ≈ 1 after training (tests/unit/lesson-claims-mech.test.ts).
      check: (s) => Number(s.config.cellOptions.periodBase) >= 2 && perStep(s.telemetry?.gradNorms) >= 0.8,
      example: {
        pass: { config: { cellOptions: { periodBase: 2 } }, telemetry: { gradNorms: Float32Array.from({ length: 20 }, (_, t) => Math.pow(0.89, 19 - t)) } },
        fail: { config: { cellOptions: { periodBase: 1 } }, telemetry: { gradNorms: Float32Array.from({ length: 20 }, (_, t) => Math.pow(0.39, 19 - t)) } },
      },
    },
    { kind: 'choice', id: 'family', textKey: 'lessons.mech.q.family', choices: ['gates', 'scales', 'init'], answer: 'scales' },
    { kind: 'choice', id: 'gru', textKey: 'lessons.mech.q.gru', choices: ['learned', 'built', 'clip'], answer: 'learned' },
    { kind: 'choice', id: 'urnn', textKey: 'lessons.mech.q.urnn', choices: ['construction', 'init', 'gates'], answer: 'construction' },
  ],
  papers: [
    { authors: 'Bengio, Simard & Frasconi', year: 1994, title: 'Learning long-term dependencies with gradient descent is difficult', url: 'https://doi.org/10.1109/72.279181' },
    { authors: 'Hochreiter & Schmidhuber', year: 1997, title: 'Long Short-Term Memory', url: 'https://doi.org/10.1162/neco.1997.9.8.1735' },
    { authors: 'Cho et al.', year: 2014, title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation', url: 'https://arxiv.org/abs/1406.1078' },
    { authors: 'Koutník, Greff, Gomez & Schmidhuber', year: 2014, title: 'A Clockwork RNN', url: 'https://arxiv.org/abs/1402.3511' },
    { authors: 'Le, Jaitly & Hinton', year: 2015, title: 'A Simple Way to Initialize Recurrent Networks of Rectified Linear Units', url: 'https://arxiv.org/abs/1504.00941' },
    { authors: 'Arjovsky, Shah & Bengio', year: 2016, title: 'Unitary Evolution Recurrent Neural Networks', url: 'https://arxiv.org/abs/1511.06464' },
  ],
};
