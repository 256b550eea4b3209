// QRNN (Bradbury, Merity, Xiong & Socher 2016): every gate is a masked (causal) convolution of the
// inputs alone, so all of Z, F, O come out of one matmul over the whole sequence; the only
// recurrence left is the element-wise fo-pooling. This is the one cell where `project` is the
// right tool: the convolution needs neighbouring timesteps, which a per-step input cannot see.
import * as tf from '@tensorflow/tfjs-core';
import type { CellSpec, State } from './types';
import { qrnnInfo, windowOf } from './info/qrnn';

/**
 * [T, B, I] → [T, B, k·I]: row t holds [x_{t−k+1}, …, x_{t−1}, x_t] (oldest first), the column
 * order of the authors' window-2 code (cat([X_{t−1}, X_t])). Before the start the window reads
 * `past` ([k−1, B, I], oldest first: the inputs a previous run ended with), or zeros.
 */
export function causalWindows(xs: tf.Tensor3D, k: number, past?: tf.Tensor3D): tf.Tensor3D {
  if (k === 1) return xs;
  const [T] = xs.shape;
  const padded = past ? tf.concat([past, xs], 0) : tf.pad(xs, [[k - 1, 0], [0, 0], [0, 0]]);
  const shifted: tf.Tensor3D[] = [];
  for (let j = 0; j < k; j++) shifted.push(tf.slice(padded, [j, 0, 0], [T, -1, -1]) as tf.Tensor3D);
  return tf.concat(shifted, 2) as tf.Tensor3D;
}

export const qrnn: CellSpec = {
  ...qrnnInfo,
  initialState: (d, B) => {
    const s: State = { h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) };
    if (windowOf(d) > 1) s.xs = tf.zeros([B, (windowOf(d) - 1) * d.inputSize]);
    return s;
  },
  prepare: (p) => ({ weight_T: tf.transpose(p.weight) }),
  // One matmul for the whole sequence, activations included, so a step only slices and pools. The
  // raw x_t rides along after [Z, F, O] so that the step can keep the window's last inputs.
  project: (xs, p, d, s0) => {
    const [T, B, I] = xs.shape;
    const H = d.hiddenSize;
    const k = windowOf(d);
    const past = k > 1 && s0?.xs ? tf.transpose(tf.reshape(s0.xs, [B, k - 1, I]), [1, 0, 2]) as tf.Tensor3D : undefined;
    // The backward direction's past is the later timesteps: window over the time-reversed input.
    const win = d.reverse ? tf.reverse(causalWindows(tf.reverse(xs, 0), k, past), 0) as tf.Tensor3D : causalWindows(xs, k, past);
    const y = tf.add(tf.matMul(tf.reshape(win, [T * B, win.shape[2]]) as tf.Tensor2D, p.weight_T as tf.Tensor2D), p.bias);
    const [z, f, o] = tf.split(y, [H, H, H], 1);
    const act = tf.concat([tf.tanh(z), tf.sigmoid(f), tf.sigmoid(o)], 1);
    return tf.concat([tf.reshape(act, [T, B, 3 * H]), xs], 2) as tf.Tensor3D;
  },
  step: (xt, s, _p, { dims }) => {
    const H = dims.hiddenSize;
    const I = dims.inputSize;
    const [z, f, o, x] = tf.split(xt, [H, H, H, I], 1) as tf.Tensor2D[];
    const c = tf.add(tf.mul(f, s.c), tf.mul(tf.sub(1, f), z)) as tf.Tensor2D;
    const h = tf.mul(o, c) as tf.Tensor2D;
    const state: State = { h, c };
    // Drop the oldest input, append x_t.
    const k = windowOf(dims);
    if (k > 1) state.xs = (k === 2 ? x : tf.concat([tf.slice(s.xs, [0, I], [-1, -1]), x], 1)) as tf.Tensor2D;
    return { state, gates: { z, f, o } };
  },
};
