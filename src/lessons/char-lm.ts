// Stub: being written.
import type { Lesson } from './types';

export const charLm: Lesson = {
  id: 'char-lm',
  titleKey: 'lessons.charlm.title',
  summaryKey: 'lessons.charlm.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.charlm.intro', preset: { cellId: 'lstm', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
