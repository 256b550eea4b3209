// The glossary: every term the lessons link with [[term-id|shown text]] (src/i18n/prose.ts), in
// the order the syllabus meets them. Its text — a name and a one- or two-sentence definition per
// term, English and Chinese — lives in src/i18n/lessons/glossary.ts (`gloss.<id>.name|def`). A
// link to an id not listed here fails tests/unit/glossary.test.ts.

export const GLOSSARY_IDS = [
  'unroll', 'weight-sharing', 'hidden-state', 'cell-state', 'stacking', 'bidirectional',
  'bptt', 'jacobian', 'eigenvalue', 'spectral-radius', 'singular-value', 'orthogonal', 'unitary',
  'vanishing-gradient', 'exploding-gradient', 'gradient-clipping', 'sv-clipping',
  'gate', 'forget-gate', 'input-gate', 'output-gate', 'update-gate', 'reset-gate', 'cec', 'peephole',
  'saturation', 'selectivity', 'time-scale', 'skip-connection', 'dilation', 'fixed-point',
  'long-memory', 'power-law', 'tensor-train',
  'cross-entropy', 'bits-per-char', 'unigram-entropy', 'temperature', 'baseline',
] as const;

export type TermId = (typeof GLOSSARY_IDS)[number];

const IDS: ReadonlySet<string> = new Set(GLOSSARY_IDS);

export function isTerm(id: string): id is TermId {
  return IDS.has(id);
}

/** Terms worth reading next to each one (shown under its definition in the glossary). */
export const RELATED: Partial<Record<TermId, TermId[]>> = {
  unroll: ['weight-sharing', 'bptt'],
  'cell-state': ['cec', 'forget-gate'],
  bptt: ['jacobian', 'vanishing-gradient'],
  jacobian: ['spectral-radius', 'singular-value'],
  eigenvalue: ['spectral-radius'],
  'spectral-radius': ['eigenvalue', 'vanishing-gradient', 'exploding-gradient'],
  'singular-value': ['sv-clipping', 'orthogonal'],
  orthogonal: ['unitary'],
  'vanishing-gradient': ['exploding-gradient', 'gate'],
  'exploding-gradient': ['gradient-clipping'],
  gate: ['saturation', 'selectivity'],
  'forget-gate': ['cec'],
  'update-gate': ['reset-gate'],
  'long-memory': ['power-law'],
  'bits-per-char': ['cross-entropy', 'unigram-entropy'],
};

/** The i18n keys of a term's name and definition. */
export function termKeys(id: string): { name: string; def: string } {
  return { name: `gloss.${id}.name`, def: `gloss.${id}.def` };
}
