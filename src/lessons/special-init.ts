// Stub: being written.
import type { Lesson } from './types';

export const specialInit: Lesson = {
  id: 'special-init',
  titleKey: 'lessons.init.title',
  summaryKey: 'lessons.init.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.init.intro', preset: { cellId: 'irnn', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
