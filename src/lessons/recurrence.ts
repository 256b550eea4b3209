// Stub: being written.
import type { Lesson } from './types';

export const recurrence: Lesson = {
  id: 'recurrence',
  titleKey: 'lessons.recur.title',
  summaryKey: 'lessons.recur.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.recur.intro', preset: { cellId: 'rnn', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
