// Text of the lesson "char-lm" (src/lessons/char-lm.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.charlm.title': 'A character-level language model',
  'lessons.charlm.summary': 'TODO',
  'lessons.charlm.intro.title': 'TODO',
  'lessons.charlm.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.charlm.title': '字符级语言模型',
  'lessons.charlm.summary': 'TODO',
  'lessons.charlm.intro.title': 'TODO',
  'lessons.charlm.intro.body': 'TODO',
};
