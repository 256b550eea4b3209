// Text of the lesson "bidirectional-deep" (src/lessons/bidirectional-deep.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.bidir.title': 'Bidirectional and deep RNNs',
  'lessons.bidir.summary': 'TODO',
  'lessons.bidir.intro.title': 'TODO',
  'lessons.bidir.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.bidir.title': '双向与深层 RNN',
  'lessons.bidir.summary': 'TODO',
  'lessons.bidir.intro.title': 'TODO',
  'lessons.bidir.intro.body': 'TODO',
};
