// Text of the lesson "gates-selectivity" (src/lessons/gates-selectivity.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.select.title': 'Gates as selectivity',
  'lessons.select.summary': 'TODO',
  'lessons.select.intro.title': 'TODO',
  'lessons.select.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.select.title': '门控即选择',
  'lessons.select.summary': 'TODO',
  'lessons.select.intro.title': 'TODO',
  'lessons.select.intro.body': 'TODO',
};
