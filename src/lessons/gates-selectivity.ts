// Stub: being written.
import type { Lesson } from './types';

export const gatesSelectivity: Lesson = {
  id: 'gates-selectivity',
  titleKey: 'lessons.select.title',
  summaryKey: 'lessons.select.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.select.intro', preset: { cellId: 'lstm', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
