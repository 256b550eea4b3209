// Which hidden units of a character model track the text's structure (Karpathy, Johnson & Fei-Fei
// 2015, "Visualizing and Understanding Recurrent Networks", found cells for quotes, line length
// and brackets). Over a probe text, each unit's activation after reading character t is correlated
// (Pearson) with indicator features of the position t; the unit with the largest |r| per feature is
// reported with its trace, so the page can colour the text by it.
//
// English: inside double quotes, inside parentheses, the line ends here (the next character is a
// newline), the position in the line (characters since the last newline). Chinese (the Tang poems):
// the line of verse ends here (next: ，。？！ or a newline), the position in the line of verse, inside
// a title's 《》.
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../cells/types';
import type { ModelConfig } from './model';
import { disposeModelState, runFrom } from './resume';
import { encodeText, splitChars, type CharVocab, type CorpusId } from './tasks/chars';

export type FeatureId = 'quote' | 'paren' | 'lineEnd' | 'linePos' | 'verseEnd' | 'versePos' | 'title';

export interface Feature {
  id: FeatureId;
  /** One value per character of the probe text: 0/1 indicators, or a position. */
  values: Float64Array;
}

export const FEATURES: Record<CorpusId, FeatureId[]> = {
  en: ['quote', 'paren', 'lineEnd', 'linePos'],
  zh: ['verseEnd', 'versePos', 'title'],
};

const VERSE_BREAK = new Set(['，', '。', '？', '！', '、', '；', '：', '\n']);

/**
 * The features of each position of `text` (position t: the character t has just been read). A
 * quote or bracket counts from its opening mark up to, not including, its closing one.
 */
export function textFeatures(text: string, corpus: CorpusId): Feature[] {
  const chars = splitChars(text);
  const n = chars.length;
  const f = (id: FeatureId, fn: (t: number) => number): Feature => ({ id, values: Float64Array.from({ length: n }, (_, t) => fn(t)) });
  if (corpus === 'en') {
    const quote = new Float64Array(n);
    const paren = new Float64Array(n);
    const pos = new Float64Array(n);
    let inQuote = false;
    let depth = 0;
    let col = 0;
    for (let t = 0; t < n; t++) {
      const c = chars[t];
      if (c === '"') inQuote = !inQuote;
      if (c === '(') depth++;
      // The closing mark already reads as "outside": the unit should have switched by then.
      if (c === ')') depth = Math.max(0, depth - 1);
      quote[t] = inQuote ? 1 : 0;
      paren[t] = depth > 0 ? 1 : 0;
      col = c === '\n' ? 0 : col + 1;
      pos[t] = col;
    }
    return [
      { id: 'quote', values: quote },
      { id: 'paren', values: paren },
      f('lineEnd', (t) => (chars[t + 1] === '\n' ? 1 : 0)),
      { id: 'linePos', values: pos },
    ];
  }
  const pos = new Float64Array(n);
  const title = new Float64Array(n);
  /** On the title line (from 《 to the newline after the poet's name): no verse there. */
  const heading = new Uint8Array(n);
  let col = 0;
  let inTitle = false;
  let onHeading = false;
  for (let t = 0; t < n; t++) {
    const c = chars[t];
    if (c === '《') inTitle = onHeading = true;
    if (c === '》') inTitle = false;
    if (c === '\n') onHeading = false;
    title[t] = inTitle ? 1 : 0;
    heading[t] = onHeading ? 1 : 0;
    col = VERSE_BREAK.has(c) ? 0 : col + 1;
    pos[t] = col;
  }
  return [
    f('verseEnd', (t) => (t + 1 < n && VERSE_BREAK.has(chars[t + 1]) && !VERSE_BREAK.has(chars[t]) && !heading[t] ? 1 : 0)),
    { id: 'versePos', values: pos },
    { id: 'title', values: title },
  ];
}

/** Pearson correlation of a unit's activations (column j of [T, H]) with a feature; 0 when either is constant. */
export function correlation(acts: ArrayLike<number>, T: number, H: number, j: number, feature: ArrayLike<number>): number {
  let mx = 0;
  let my = 0;
  for (let t = 0; t < T; t++) {
    mx += acts[t * H + j];
    my += feature[t];
  }
  mx /= T;
  my /= T;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = 0; t < T; t++) {
    const dx = acts[t * H + j] - mx;
    const dy = feature[t] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export interface TrackingUnit {
  feature: FeatureId;
  /** Index of the unit in the top layer's output. */
  unit: number;
  /** Pearson r of that unit with the feature (signed: a unit may track it negatively). */
  r: number;
  /** The unit's activation after each character of the probe text. */
  trace: Float32Array;
}

/** For each feature, the unit (column of acts [T, H]) with the largest |r|. */
export function bestUnits(acts: ArrayLike<number>, T: number, H: number, features: Feature[]): TrackingUnit[] {
  return features.map((f) => {
    let unit = 0;
    let r = 0;
    for (let j = 0; j < H; j++) {
      const rj = correlation(acts, T, H, j, f.values);
      if (Math.abs(rj) > Math.abs(r)) {
        r = rj;
        unit = j;
      }
    }
    const trace = Float32Array.from({ length: T }, (_, t) => acts[t * H + unit]);
    return { feature: f.id, unit, r, trace };
  });
}

export interface UnitReport {
  /** The probe text, one activation per character. */
  text: string;
  units: TrackingUnit[];
}

/**
 * Runs the model over the probe text (batch 1, from the initial state) and reports the best unit
 * per feature of the top layer's output. Disposes every tensor it makes.
 */
export async function trackUnits(model: ModelConfig, params: Params, vocab: CharVocab, text: string, corpus: CorpusId): Promise<UnitReport> {
  const ids = encodeText(vocab, text);
  const V = vocab.chars.length;
  const T = ids.length;
  const x = tf.tidy(() => tf.reshape(tf.cast(tf.oneHot(tf.tensor1d(ids, 'int32'), V), 'float32'), [T, 1, V])) as tf.Tensor3D;
  const run = runFrom(model, params, x);
  const H = run.top.shape[2];
  tf.dispose([x, run.out]);
  disposeModelState(run.state);
  let acts: Float32Array;
  try {
    acts = (await run.top.data()) as Float32Array;
  } finally {
    run.top.dispose();
  }
  return { text, units: bestUnits(acts, T, H, textFeatures(text, corpus)) };
}
