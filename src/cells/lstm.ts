// LSTM exactly as torch.nn.LSTM: gate rows ordered i, f, g, o; two biases; U(−1/√H, 1/√H) init.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, onGpu, prepareXH, xhPreactivation } from './common';
import { hasFused, LSTM_CELL, lstmCell } from './fused';
import { hasFusedSequence, LSTM_SEQ, lstmSequence } from './fused/sequence';
import type { CellSpec } from './types';
import { lstmInfo } from './info/lstm';

export const lstm: CellSpec = {
  ...lstmInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) }),
  // The two biases are summed once per sequence: same value, same gradient for each.
  prepare: (p) => ({ ...prepareXH(p), bias: tf.add(p.bias_ih, p.bias_hh) }),
  step: (xt, s, p, { dims }) => {
    const z = xhPreactivation(xt, s.h, p, p.bias);
    let i: tf.Tensor2D, f: tf.Tensor2D, g: tf.Tensor2D, o: tf.Tensor2D;
    if (onGpu()) {
      // One sigmoid over all four blocks (g's is wasted) beats three small kernels on a GPU.
      [i, f, , o] = chunk(tf.sigmoid(z), 4);
      g = tf.tanh(tf.slice(z, [0, 2 * dims.hiddenSize], [-1, dims.hiddenSize]));
    } else {
      const [zi, zf, zg, zo] = chunk(z, 4);
      [i, f, g, o] = [tf.sigmoid(zi), tf.sigmoid(zf), tf.tanh(zg), tf.sigmoid(zo)];
    }
    const c = tf.add(tf.mul(f, s.c), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { state: { h, c }, gates: { i, f, g, o } };
  },
  fusedStep: (xt, s, p) => {
    if (!hasFused(LSTM_CELL)) return null;
    const { h, c, i, f, g, o } = lstmCell(xhPreactivation(xt, s.h, p, p.bias), s.c);
    return { state: { h, c }, gates: { i, f, g, o } };
  },
  fusedSequence: (xs, s, p, _dims, { reverse, probe }) => {
    if (!hasFusedSequence(LSTM_SEQ)) return null;
    const run = lstmSequence(xs, p.weight_ih, p.weight_hh, p.bias, s.h, s.c, reverse, probe);
    return { outputs: run.hs, final: run.final };
  },
};
