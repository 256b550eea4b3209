// Stub: being written.
import type { Lesson } from './types';

export const longMemory: Lesson = {
  id: 'long-memory',
  titleKey: 'lessons.longmem.title',
  summaryKey: 'lessons.longmem.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.longmem.intro', preset: { cellId: 'mrnn', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
