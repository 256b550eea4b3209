// Text of the lesson "long-memory" (src/lessons/long-memory.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.longmem.title': 'Long memory',
  'lessons.longmem.summary': 'TODO',
  'lessons.longmem.intro.title': 'TODO',
  'lessons.longmem.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.longmem.title': '长记忆',
  'lessons.longmem.summary': 'TODO',
  'lessons.longmem.intro.title': 'TODO',
  'lessons.longmem.intro.body': 'TODO',
};
