// Text of the lesson "multiplicative" (src/lessons/multiplicative.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.mult.title': 'Multiplicative and higher-order interactions',
  'lessons.mult.summary': 'TODO',
  'lessons.mult.intro.title': 'TODO',
  'lessons.mult.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.mult.title': '乘法与高阶交互',
  'lessons.mult.summary': 'TODO',
  'lessons.mult.intro.title': 'TODO',
  'lessons.mult.intro.body': 'TODO',
};
