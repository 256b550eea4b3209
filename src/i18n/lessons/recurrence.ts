// Text of the lesson "recurrence" (src/lessons/recurrence.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.recur.title': 'Recurrence: one cell, unrolled',
  'lessons.recur.summary': 'TODO',
  'lessons.recur.intro.title': 'TODO',
  'lessons.recur.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.recur.title': '循环：一个单元，沿时间展开',
  'lessons.recur.summary': 'TODO',
  'lessons.recur.intro.title': 'TODO',
  'lessons.recur.intro.body': 'TODO',
};
