// Stub: being written.
import type { Lesson } from './types';

export const bidirectionalDeep: Lesson = {
  id: 'bidirectional-deep',
  titleKey: 'lessons.bidir.title',
  summaryKey: 'lessons.bidir.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.bidir.intro', preset: { cellId: 'lstm', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
