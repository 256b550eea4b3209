// The long-memory filter of Zhao et al. 2020 shared by mRNN and mLSTM: the coefficients of
// (1 − B)^d, w_0 = 1, w_j = w_{j−1}(j − 1 − d)/j, truncated at K with w_0 dropped. Their slow,
// power-law decay (w_j ~ j^{−1−d}) is what gives the cells long memory, as opposed to the
// geometric decay of a gate held below 1.
import * as tf from '@tensorflow/tfjs-core';
// The options, sizes and formula the cells' info reads live in a tfjs-free module; re-exported here.
export { FILTER_TEX, filterK, filterOptions, isDynamic } from './info/long-memory-filter';

/** Per-sequence constants of the filter (see filterConstants), kept in the prepared params. */
export const FILTER_A = 'lmf_a';
export const FILTER_LOG_I = 'lmf_log_i';
export const FILTER_REV = 'lmf_rev';

/**
 * Constants over the lags K … 2, oldest first (the buffer's order): a = i − 1 and log i for
 * i = K … 2, and the indices that turn the oldest-first weight view around. Built once per
 * sequence in the cells' prepare, not once per step.
 */
export function filterConstants(K: number): Record<string, tf.Tensor> {
  if (K < 2) return {};
  const i = Array.from({ length: K - 1 }, (_, k) => K - k);
  return {
    [FILTER_A]: tf.tensor3d(i.map((v) => v - 1), [1, 1, K - 1]),
    [FILTER_LOG_I]: tf.tensor3d(i.map(Math.log), [1, 1, K - 1]),
    [FILTER_REV]: tf.tensor1d(Array.from({ length: K - 1 }, (_, k) => K - 2 - k), 'int32'),
  };
}

/** The filter weights of one step: w_1 for the newest value, w_K … w_2 for the buffer. */
export interface FilterWeights {
  /** w_1 = −d, [B, n]. */
  lag1: tf.Tensor2D;
  /** w_K … w_2, [B, n, K − 1] (oldest first, as the buffer); absent for K = 1. */
  past?: tf.Tensor3D;
}

/**
 * The weights of (1 − B)^d for a [B, n] memory parameter d in (0, 1), in a fixed number of ops
 * whatever K: w_1 = −d and, for j ≥ 2, w_j = −d · Π_{i=2..j} (i − 1 − d)/i, the product taken
 * as exp of a cumulative sum of logs (every factor is positive for d < 1), summed from the end so
 * the weights come out oldest first and line up with the buffer without a reversal. The
 * recursion one lag at a time cost K ops per step and, with K slices of the lag buffer, K
 * full-size gradient buffers per step: at the authors' K = 100 that exhausted WASM's memory
 * within one training step.
 */
export function filterWeights(d: tf.Tensor2D, K: number, p: Record<string, tf.Tensor> = filterConstants(K)): FilterWeights {
  const lag1 = tf.neg(d) as tf.Tensor2D;
  if (K < 2) return { lag1 };
  const [B, n] = d.shape;
  const d3 = tf.reshape(d, [B, n, 1]);
  // log((i − 1 − d)/i) for i = K … 2; the lags run along the last axis, the only one tfjs's
  // cumsum gradient handles.
  const logFactors = tf.sub(tf.log(tf.sub(p[FILTER_A], d3)), p[FILTER_LOG_I]);
  const logProducts = tf.cumsum(logFactors, 2, false, true);
  return { lag1, past: tf.mul(tf.reshape(lag1, [B, n, 1]), tf.exp(logProducts)) as tf.Tensor3D };
}

/**
 * Σ_{j=1..K} w_j ⊙ v_j: v_1 is `newest` ([B, n]), v_2 … v_K the lag buffer ([B, n·(K−1)],
 * unit-major: unit u's last K − 1 values, oldest first, at u·(K−1) …), read as one [B, n, K−1]
 * view — no per-lag slices.
 */
export function filterSum(w: FilterWeights, newest: tf.Tensor2D, buf: tf.Tensor2D): tf.Tensor2D {
  const lag1 = tf.mul(w.lag1, newest) as tf.Tensor2D;
  if (!w.past) return lag1;
  return tf.add(lag1, tf.sum(tf.mul(w.past, tf.reshape(buf, w.past.shape)), 2)) as tf.Tensor2D;
}

/** The [B, K] view of the weights: mean over units of w_1 … w_K (lag 1 first). */
export function weightsView(w: FilterWeights, p: Record<string, tf.Tensor>): tf.Tensor2D {
  const lag1 = tf.mean(w.lag1, 1, true);
  if (!w.past) return lag1 as tf.Tensor2D;
  return tf.concat([lag1, tf.gather(tf.mean(w.past, 1), p[FILTER_REV], 1)], 1) as tf.Tensor2D;
}

/**
 * One step of the filter: f = Σ_{j=1..K} w_j(d) ⊙ v_j (v_1 = `newest`, v_2 … v_K the lag buffer)
 * and the [B, K] weights view, with a hand-written gradient that keeps only d, `newest` and the
 * buffer (which the recurrence holds anyway) and recomputes the weights in the backward pass.
 * Left to autodiff, every step kept half a dozen [B, n, K − 1] intermediates for backprop:
 * 2.4 GB at K = 100, T = 200, H = 32 (the page's slider limits) on WASM.
 *
 * With wPast_j = −d·P_j, P_j = exp(C_j) and C_j the reverse cumulative sum of log((a − d)/i):
 *   ∂f/∂v_1 = −d,   ∂f/∂v_j = wPast_j,   ∂f/∂d = −v_1 + Σ_j P_j (d·S_j − 1) ⊙ v_j,
 * where S_j is the reverse cumulative sum of 1/(a − d) (−∂C_j/∂d). The zoo's finite-difference
 * test checks it (tests/unit/zoo/mrnn.test.ts, mlstm.test.ts).
 */
export function longMemoryFilter(
  d: tf.Tensor2D, newest: tf.Tensor2D, buf: tf.Tensor2D, K: number, p: Record<string, tf.Tensor>,
): { f: tf.Tensor2D; view: tf.Tensor2D } {
  const [B, n] = d.shape;
  if (K < 2) {
    const w = filterWeights(d, K, p);
    return { f: filterSum(w, newest, buf), view: weightsView(w, p) };
  }
  const lags = K - 1;
  const forward = (dIn: tf.Tensor, newIn: tf.Tensor, bufIn: tf.Tensor, save: tf.GradSaveFunc) => {
    save([dIn, newIn, bufIn]);
    // Both passes in their own tidy: tfjs calls a custom gradient outside the per-node tidy it
    // gives built-in ops, so without it every step's backward intermediates lived to the end.
    const value = tf.tidy(() => {
      const w = filterWeights(dIn as tf.Tensor2D, K, p);
      return tf.concat([filterSum(w, newIn as tf.Tensor2D, bufIn as tf.Tensor2D), weightsView(w, p)], 1);
    });
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.tidy(() => {
        const [dS, newS, bufS] = saved;
        const c = filterConstants(K);
        const dyF = tf.slice(dy, [0, 0], [B, n]);
        const d3 = tf.reshape(dS, [B, n, 1]);
        const aMinusD = tf.sub(c[FILTER_A], d3);
        const P = tf.exp(tf.cumsum(tf.sub(tf.log(aMinusD), c[FILTER_LOG_I]), 2, false, true));
        const S = tf.cumsum(tf.reciprocal(aMinusD), 2, false, true);
        const past = tf.reshape(bufS, [B, n, lags]);
        const dW = tf.mul(P, tf.sub(tf.mul(d3, S), 1));
        const gd = tf.mul(dyF, tf.sub(tf.sum(tf.mul(dW, past), 2), newS));
        const gNew = tf.mul(dyF, tf.neg(dS));
        const gBuf = tf.reshape(tf.mul(tf.reshape(dyF, [B, n, 1]), tf.mul(tf.neg(d3), P)), [B, n * lags]);
        return [gd, gNew, gBuf];
      }),
    };
  };
  // customGrad's type is variadic (tensors, then the save function last).
  const op = tf.customGrad(forward as unknown as Parameters<typeof tf.customGrad>[0]);
  const out = op(d, newest, buf) as tf.Tensor2D;
  return { f: tf.slice(out, [0, 0], [B, n]), view: tf.slice(out, [0, n], [B, K]) };
}

/** Drops each unit's oldest value from the buffer and appends its newest ([B, n]). */
export function pushLag(buf: tf.Tensor2D, value: tf.Tensor2D): tf.Tensor2D {
  const [B, n] = value.shape;
  const lags = buf.shape[1] / n;
  // A one-value buffer (K = 2) is just the newest value; tfjs cannot concat an empty slice.
  if (lags === 1) return value;
  const kept = tf.slice(tf.reshape(buf, [B, n, lags]), [0, 0, 1], [B, n, lags - 1]);
  return tf.reshape(tf.concat([kept, tf.reshape(value, [B, n, 1])], 2), [B, n * lags]) as tf.Tensor2D;
}
