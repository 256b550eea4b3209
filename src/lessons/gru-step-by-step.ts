// Stub: being written.
import type { Lesson } from './types';

export const gruStepByStep: Lesson = {
  id: 'gru-step-by-step',
  titleKey: 'lessons.gru.title',
  summaryKey: 'lessons.gru.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.gru.intro', preset: { cellId: 'gru', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
