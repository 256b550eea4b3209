// "LSTM step by step": one gate per step on the copy task. Every step shares one preset so moving
// between steps never restarts the run; the learner keeps watching the same model train.
import type { RunConfig } from '../worker/protocol';
import type { Lesson } from './types';

const preset: Partial<RunConfig> = {
  cellId: 'lstm',
  cellOptions: { forgetBias: 1 },
  taskId: 'copy',
  seqLen: 20,
  hiddenSize: 32,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.01,
  recurrentScale: 0,
  clipNorm: 1,
};

export const lstmStepByStep: Lesson = {
  id: 'lstm-step-by-step',
  titleKey: 'lessons.lstm.title',
  summaryKey: 'lessons.lstm.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.lstm.intro', preset, highlight: ['c', 'h'] },
    { id: 'forget', textKey: 'lessons.lstm.forget', preset, highlight: ['f'] },
    { id: 'input', textKey: 'lessons.lstm.input', preset, highlight: ['i', 'g'] },
    { id: 'cell', textKey: 'lessons.lstm.cell', preset, highlight: ['c'] },
    { id: 'output', textKey: 'lessons.lstm.output', preset, highlight: ['o', 'h'] },
    { id: 'watch', textKey: 'lessons.lstm.watch', preset, highlight: ['f', 'i', 'c'], controls: ['opt.forgetBias', 'seqLen'] },
  ],
};
