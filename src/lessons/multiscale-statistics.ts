// Stub: being written.
import type { Lesson } from './types';

export const multiscaleStatistics: Lesson = {
  id: 'multiscale-statistics',
  titleKey: 'lessons.stats.title',
  summaryKey: 'lessons.stats.summary',
  steps: [
    { id: 'intro', textKey: 'lessons.stats.intro', preset: { cellId: 'sru', cellOptions: {}, seed: 1 }, highlight: ['h'] },
  ],
};
