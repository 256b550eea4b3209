// Text of the lesson "special-init" (src/lessons/special-init.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.init.title': 'Special initialisation, and keeping it',
  'lessons.init.summary': 'TODO',
  'lessons.init.intro.title': 'TODO',
  'lessons.init.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.init.title': '特殊初始化及其保持',
  'lessons.init.summary': 'TODO',
  'lessons.init.intro.title': 'TODO',
  'lessons.init.intro.body': 'TODO',
};
