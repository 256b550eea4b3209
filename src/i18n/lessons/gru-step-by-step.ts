// Text of the lesson "gru-step-by-step" (src/lessons/gru-step-by-step.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.gru.title': 'GRU step by step',
  'lessons.gru.summary': 'TODO',
  'lessons.gru.intro.title': 'TODO',
  'lessons.gru.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.gru.title': '逐步理解 GRU',
  'lessons.gru.summary': 'TODO',
  'lessons.gru.intro.title': 'TODO',
  'lessons.gru.intro.body': 'TODO',
};
