// Text of the lesson "multiscale-statistics" (src/lessons/multiscale-statistics.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.stats.title': 'Multi-scale statistics: SRU and FRU',
  'lessons.stats.summary': 'TODO',
  'lessons.stats.intro.title': 'TODO',
  'lessons.stats.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.stats.title': '多尺度统计：SRU 与 FRU',
  'lessons.stats.summary': 'TODO',
  'lessons.stats.intro.title': 'TODO',
  'lessons.stats.intro.body': 'TODO',
};
