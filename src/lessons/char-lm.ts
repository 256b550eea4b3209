// "A character-level language model": an LSTM reads a short public-domain text one character at a
// time and predicts the next one at every step (task 'chars': the opening of "Alice's Adventures in
// Wonderland", then Tang poems). The loss in bits per character against the unigram entropy, text
// sampled from the model as it learns, the temperature, the hidden units that track quotes and
// line ends, and the Chinese text. Every number the text states is measured on these presets by
// tests/unit/lesson-claims-charlm.test.ts.
import type { RunConfig } from '../protocol/messages';
import type { Lesson } from './types';

const base: Partial<RunConfig> = {
  cellId: 'lstm',
  cellOptions: {},
  taskId: 'chars',
  taskOptions: { corpus: 'en', vocab: 400 },
  seqLen: 32,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.02,
  batchSize: 32,
  recurrentScale: 0,
  clipNorm: 1,
  svClip: 0,
  seed: 1,
};

/** The Chinese step: the same model on the Tang poems, the 400 most frequent characters kept. */
const zh: Partial<RunConfig> = { ...base, taskOptions: { corpus: 'zh', vocab: 400 } };

/** The live question's goal in bits per character (the unigram entropy of the English text is 4.46). */
export const CHARLM_GOAL_BITS = 4;

/** The loss of the latest step in bits per character, or NaN before any. */
function latestBits(points: { loss: number }[] | undefined): number {
  const last = points?.at(-1);
  return last ? last.loss / Math.LN2 : NaN;
}

export const charLm: Lesson = {
  id: 'char-lm',
  titleKey: 'lessons.charlm.title',
  summaryKey: 'lessons.charlm.summary',
  steps: [
    { id: 'task', textKey: 'lessons.charlm.task', preset: base, highlight: ['h'], widgets: ['samples', 'loss'] },
    { id: 'bits', textKey: 'lessons.charlm.bits', preset: base, highlight: ['h'], widgets: ['loss', 'samples'] },
    { id: 'samples', textKey: 'lessons.charlm.samples', preset: base, highlight: ['h'], widgets: ['samples', 'loss'] },
    { id: 'temperature', textKey: 'lessons.charlm.temperature', preset: base, highlight: ['h'], widgets: ['samples', 'loss'] },
    { id: 'units', textKey: 'lessons.charlm.units', preset: base, highlight: ['c', 'h'], widgets: ['samples', 'heatmaps'], controls: ['hiddenSize'] },
    { id: 'chinese', textKey: 'lessons.charlm.chinese', preset: zh, highlight: ['h'], widgets: ['samples', 'loss'] },
  ],
  questions: [
    {
      kind: 'live',
      id: 'bits',
      textKey: 'lessons.charlm.q.bits',
      preset: base,
      control: 'learningRate',
      // The RunBar's readout: the latest step's loss in bits per character.
      check: ({ config, telemetry }) => config.taskId === 'chars' && latestBits(telemetry?.points) < CHARLM_GOAL_BITS,
      // From the claims test: about 6 bits at the start, below 4 within 60 steps of the preset.
      example: {
        pass: { telemetry: { step: 80, points: [{ step: 80, loss: 3.6 * Math.LN2, accuracy: 0.3 }] } },
        fail: { telemetry: { step: 5, points: [{ step: 5, loss: 5.2 * Math.LN2, accuracy: 0.12 }] } },
      },
    },
    { kind: 'choice', id: 'baseline', textKey: 'lessons.charlm.q.baseline', choices: ['six', 'unigram', 'zero'], answer: 'unigram' },
    { kind: 'choice', id: 'temp', textKey: 'lessons.charlm.q.temp', choices: ['loops', 'noise', 'same'], answer: 'loops' },
  ],
  papers: [
    { authors: 'Sutskever, Martens & Hinton', year: 2011, title: 'Generating text with recurrent neural networks', url: 'https://icml.cc/2011/papers/524_icmlpaper.pdf' },
    { authors: 'Graves', year: 2013, title: 'Generating sequences with recurrent neural networks', url: 'https://arxiv.org/abs/1308.0850' },
    { authors: 'Karpathy', year: 2015, title: 'The unreasonable effectiveness of recurrent neural networks', url: 'https://karpathy.github.io/2015/05/21/rnn-effectiveness/' },
    { authors: 'Karpathy, Johnson & Fei-Fei', year: 2015, title: 'Visualizing and understanding recurrent networks', url: 'https://arxiv.org/abs/1506.02078' },
  ],
};
