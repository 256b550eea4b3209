// Stub: being written.
import type { Lesson } from './types';

export const timeScales: Lesson = {
  id: 'time-scales',
  titleKey: 'lessons.scales.title',
  summaryKey: 'lessons.scales.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.scales.intro', preset: { cellId: 'clockwork', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
