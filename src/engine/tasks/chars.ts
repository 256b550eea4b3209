// Character-level language modelling (Karpathy 2015, after Sutskever, Martens & Hinton 2011 and
// Graves 2013): read a text one character at a time and predict the next character, scored at
// every timestep. The texts are bundled (corpora/): the opening of "Alice's Adventures in
// Wonderland" (en) and classical Tang poems (zh). A batch is B windows of T + 1 characters at
// seeded random offsets: the input is characters 0…T−1 one-hot, the target characters 1…T.
//
// Vocabulary: the text's distinct characters, most frequent first (ties: first occurrence). When
// there are more than the `vocab` cap (the Chinese text has about 1,000), the cap − 1 most frequent
// keep their own token and every rarer one becomes the single token RARE, so the softmax stays small.
//
// Baseline: the unigram entropy of the (capped) text, −Σ p(c) ln p(c) in nats like the loss: the
// cross-entropy of the best input-independent predictor, the character frequencies themselves.
import type { CellOptions, OptionSpec } from '../../cells/types';
import { createRng } from '../rng';
import { ALICE } from './corpora/alice';
import { TANG_POEMS } from './corpora/tang';
import { argmax, intOption, PROBE_SEED, type Task, type TaskBatch, type TaskProbe, type TaskSpec } from './types';

export type CorpusId = 'en' | 'zh';

export const CORPORA: Record<CorpusId, string> = { en: ALICE, zh: TANG_POEMS };

/** The token every character beyond the vocabulary cap maps to. */
export const RARE = '□';

export const corpusOption: OptionSpec = {
  key: 'corpus', label: 'Text', kind: 'choice', default: 'en', choices: ['en', 'zh'],
  help: 'en: the opening of Lewis Carroll, "Alice\'s Adventures in Wonderland" (1865); zh: classical Tang poems. Both public domain, bundled with the page.',
  zh: { label: '文本', help: 'en：刘易斯·卡罗尔《爱丽丝漫游奇境》（1865）的开头；zh：唐诗。两者都属公有领域，随页面附带。' },
};

export const vocabOption: OptionSpec = {
  key: 'vocab', label: 'Vocabulary cap', kind: 'integer', default: 400, min: 50, max: 1200, step: 50,
  help: 'At most this many tokens: rarer characters share one token (□). Only the Chinese text has more distinct characters than that.',
  zh: { label: '词表上限', help: '最多这么多个记号：更罕见的字共用一个记号（□）。只有中文文本的不同字数超过这个上限。' },
};

export interface CharVocab {
  /** Token id → character (RARE for the shared token). */
  chars: string[];
  /** Character → token id (characters beyond the cap map to the RARE id). */
  index: Map<string, number>;
  /** Id of RARE, or −1 when every character kept its own token. */
  rare: number;
}

/** Splits into characters by code point (every corpus character is in the BMP, but be safe). */
export const splitChars = (text: string): string[] => Array.from(text);

export function buildVocab(text: string, cap: number): CharVocab {
  const chars = splitChars(text);
  const count = new Map<string, number>();
  const first = new Map<string, number>();
  chars.forEach((c, i) => {
    count.set(c, (count.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  });
  const order = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || first.get(a)! - first.get(b)!);
  const capped = order.length > cap;
  const kept = capped ? order.slice(0, Math.max(1, cap - 1)) : order;
  const vocab = capped ? [...kept, RARE] : kept;
  const index = new Map(kept.map((c, i) => [c, i]));
  const rare = capped ? kept.length : -1;
  if (capped) for (const c of order.slice(kept.length)) index.set(c, rare);
  return { chars: vocab, index, rare };
}

export interface Corpus {
  id: CorpusId;
  text: string;
  vocab: CharVocab;
  /** The whole text as token ids. */
  ids: Int32Array;
}

const cache = new Map<string, Corpus>();

export function corpusId(options: CellOptions): CorpusId {
  return options.corpus === 'zh' ? 'zh' : 'en';
}

/** The text and its vocabulary under these options (cached: the Chinese text is encoded once). */
export function getCorpus(options: CellOptions): Corpus {
  const id = corpusId(options);
  const cap = intOption(options, vocabOption);
  const key = `${id}:${cap}`;
  let c = cache.get(key);
  if (!c) {
    const text = CORPORA[id];
    const vocab = buildVocab(text, cap);
    c = { id, text, vocab, ids: Int32Array.from(splitChars(text), (ch) => vocab.index.get(ch)!) };
    cache.set(key, c);
  }
  return c;
}

/** Token ids of any text under a vocabulary (an unknown character: RARE, or the space). */
export function encodeText(vocab: CharVocab, text: string): number[] {
  const fallback = vocab.rare >= 0 ? vocab.rare : (vocab.index.get(' ') ?? 0);
  return splitChars(text).map((c) => vocab.index.get(c) ?? fallback);
}

export function decodeIds(vocab: CharVocab, ids: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < ids.length; i++) s += vocab.chars[ids[i]] ?? RARE;
  return s;
}

/** −Σ p ln p over the token frequencies of `ids` (nats). */
export function unigramEntropy(ids: ArrayLike<number>, vocabSize: number): number {
  const n = new Float64Array(vocabSize);
  for (let i = 0; i < ids.length; i++) n[ids[i]]++;
  let h = 0;
  for (const k of n) if (k > 0) h -= (k / ids.length) * Math.log(k / ids.length);
  return h;
}

/** A character as a heatmap label: the newline and the space made visible. */
export const charLabel = (c: string): string => (c === '\n' ? '↵' : c === ' ' ? '·' : c);

/** Where the probe window starts: a passage with speech, parentheses and line ends (en), a poem's title and lines (zh). */
const PROBE_ANCHOR: Record<CorpusId, string> = { en: '"Well!" thought Alice', zh: '《春望》' };

/**
 * A fixed passage of the text for the views (the hidden units that track quotes, line ends …): `n`
 * characters from the probe's anchor (default: 360 of Alice, about six lines; 160 of the poems,
 * whose short lines take more room).
 */
export function probePassage(id: CorpusId, n = id === 'zh' ? 160 : 360): string {
  const text = CORPORA[id];
  const at = Math.max(0, text.indexOf(PROBE_ANCHOR[id]));
  return splitChars(text.slice(at)).slice(0, n).join('');
}

export const charsTask: TaskSpec = {
  id: 'chars',
  name: 'Characters',
  summary:
    'Next-character prediction on a short public-domain text (the opening of "Alice\'s Adventures in Wonderland", or Tang poems): every step is scored, so the loss is the cross-entropy per character; below the unigram entropy, the model has learnt something about context.',
  options: [corpusOption, vocabOption],
  baseline(options) {
    const c = getCorpus(options);
    return unigramEntropy(c.ids, c.vocab.chars.length);
  },
  create(options) {
    const corpus = getCorpus(options);
    const { vocab, ids } = corpus;
    const V = vocab.chars.length;
    const resolveSeqLen = (seqLen: number) => Math.max(2, Math.min(ids.length - 2, Math.round(seqLen)));

    const encode = (starts: number[], T: number): TaskBatch => {
      const B = starts.length;
      const x = new Float32Array(T * B * V);
      const y = new Float32Array(T * B * V);
      const mask = new Float32Array(T * B).fill(1);
      starts.forEach((s, b) => {
        for (let t = 0; t < T; t++) {
          const i = t * B + b;
          x[i * V + ids[s + t]] = 1;
          y[i * V + ids[s + t + 1]] = 1;
        }
      });
      return { T, B, x, y, mask };
    };

    const probeStart = (T: number) => {
      const at = corpus.text.indexOf(PROBE_ANCHOR[corpus.id]);
      // Characters, not UTF-16 units (the same for these texts, but keep the two apart).
      const start = at >= 0 ? splitChars(corpus.text.slice(0, at)).length : createRng(PROBE_SEED).int(ids.length - T - 1);
      return Math.min(start, ids.length - T - 1);
    };

    const task: Task = {
      id: 'chars',
      name: 'Characters',
      kind: 'classify',
      inputSize: V,
      outputSize: V,
      resolveSeqLen,
      batch(rng, batchSize, seqLen) {
        const T = resolveSeqLen(seqLen);
        const starts = Array.from({ length: batchSize }, () => rng.int(ids.length - T));
        return encode(starts, T);
      },
      probe(seqLen): TaskProbe {
        const T = resolveSeqLen(seqLen);
        const s = probeStart(T);
        const label = (k: number) => charLabel(vocab.chars[ids[k]]);
        return {
          batch: encode([s], T),
          inputLabels: Array.from({ length: T }, (_, t) => label(s + t)),
          targetLabels: Array.from({ length: T }, (_, t) => label(s + t + 1)),
        };
      },
      outputLabel: (row) => charLabel(vocab.chars[argmax(row, 0, V)]),
    };
    return task;
  },
};
