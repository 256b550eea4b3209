// Stub: being written.
import type { Lesson } from './types';

export const multiplicative: Lesson = {
  id: 'multiplicative',
  titleKey: 'lessons.mult.title',
  summaryKey: 'lessons.mult.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.mult.intro', preset: { cellId: 'mi-rnn', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
