// The long-memory filter of Zhao et al. 2020 shared by mRNN and mLSTM: the coefficients of
// (1 − B)^d, w_0 = 1, w_j = w_{j−1}(j − 1 − d)/j, truncated at K with w_0 dropped. Their slow,
// power-law decay (w_j ~ j^{−1−d}) is what gives the cells long memory, as opposed to the
// geometric decay of a gate held below 1.
import * as tf from '@tensorflow/tfjs-core';
import type { CellDims, OptionSpec } from './types';

export const filterOptions: OptionSpec[] = [
  { key: 'K', label: 'Filter length K', kind: 'integer', default: 10, min: 2, max: 100, step: 1,
    help: 'How many past values the filter reaches back. The paper’s code uses 100; 10 keeps the browser fast.',
    zh: { label: '滤波长度 K', help: '滤波向前回溯的过去值个数。论文代码取 100；取 10 让浏览器保持流畅。' } },
  { key: 'dynamic', label: 'Dynamic d', kind: 'boolean', default: true,
    help: 'On: d_t is computed every step from the input and the state (mRNN / mLSTM). Off: one learned d per unit, d = ½σ(b_d), starting at 0.25 (mRNNF / mLSTMF).',
    zh: { label: '动态 d', help: '开：每一步由输入和状态计算 d_t（mRNN / mLSTM）。关：每个单元一个可学习的 d，d = ½σ(b_d)，初值 0.25（mRNNF / mLSTMF）。' } },
];

export const filterK = (d: CellDims) => Math.max(2, Math.round(Number(d.options.K ?? 10)));
export const isDynamic = (d: CellDims) => d.options.dynamic !== false && d.options.dynamic !== 'false';

/** [w_1, …, w_K] for a memory parameter d of any shape (element-wise). */
export function filterWeights(d: tf.Tensor, K: number): tf.Tensor[] {
  const w: tf.Tensor[] = [tf.neg(d)];
  for (let j = 2; j <= K; j++) w.push(tf.mul(w[j - 2], tf.div(tf.sub(j - 1, d), j)));
  return w;
}

/** Σ_j w_j ⊙ v_j for K equally sized [B, n] values, lags given in the same order as the weights. */
export function filterSum(w: tf.Tensor[], lags: tf.Tensor2D[]): tf.Tensor2D {
  return tf.addN(w.map((wj, j) => tf.mul(wj, lags[j]))) as tf.Tensor2D;
}

/** The [B, K] view of the weights: mean over units of w_1 … w_K (lag 1 first). */
export function weightsView(w: tf.Tensor[], B: number): tf.Tensor2D {
  const cols = w.map((wj) => (wj.rank === 2 ? tf.mean(wj, 1) : tf.broadcastTo(tf.mean(wj), [B])));
  return tf.stack(cols, 1) as tf.Tensor2D;
}

/** A [B, (K−1)·n] lag buffer (oldest first) split into its K−1 blocks, newest first. */
export function lagsNewestFirst(buf: tf.Tensor2D, count: number): tf.Tensor2D[] {
  const n = buf.shape[1] / count;
  // Slices rather than tf.split: split's gradient breaks on a single piece (count = 1).
  return Array.from({ length: count }, (_, k) => tf.slice(buf, [0, (count - 1 - k) * n], [-1, n]));
}

/** Drops the oldest block of the buffer and appends the newest value. */
export function pushLag(buf: tf.Tensor2D, value: tf.Tensor2D, n: number): tf.Tensor2D {
  // A one-block buffer (K = 2) is just the newest value; tfjs cannot concat an empty slice.
  if (buf.shape[1] === n) return value;
  return tf.concat([tf.slice(buf, [0, n], [-1, -1]), value], 1) as tf.Tensor2D;
}

export const FILTER_TEX = 'w_0 = 1,\\; w_j(d) = w_{j-1}(d)\\,\\frac{j-1-d}{j},\\; j = 1..K';
