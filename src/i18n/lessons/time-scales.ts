// Text of the lesson "time-scales" (src/lessons/time-scales.ts), in both languages. The Chinese table
// is typed against the English one, so a missing or misspelt key fails the typecheck.
export const en = {
  'lessons.scales.title': 'Connections across time scales',
  'lessons.scales.summary': 'TODO',
  'lessons.scales.intro.title': 'TODO',
  'lessons.scales.intro.body': 'TODO',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'lessons.scales.title': '跨时间尺度的连接',
  'lessons.scales.summary': 'TODO',
  'lessons.scales.intro.title': 'TODO',
  'lessons.scales.intro.body': 'TODO',
};
