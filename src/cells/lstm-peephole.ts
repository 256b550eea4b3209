// LSTM with peephole connections (Gers & Schmidhuber 2000): the gates also look at the cell
// state through diagonal weights, i and f at c_{t−1}, o at the fresh c_t. Shared weights keep
// torch.nn.LSTM's names and layout (rows i, f, g, o; two biases) so it compares with 'lstm'.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { lstmPeepholeInfo } from './info/lstm-peephole';

export const lstmPeephole: CellSpec = {
  ...lstmPeepholeInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => ({ ...transposeWeights(p, ['weight_ih', 'weight_hh']), bias: tf.add(p.bias_ih, p.bias_hh) }),
  step: (xt, s, p) => {
    const zx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const z = tf.add(tf.add(zx, matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh)), p.bias) as tf.Tensor2D;
    const [zi, zf, zg, zo] = chunk(z, 4);
    const i = tf.sigmoid(tf.add(zi, tf.mul(p.weight_ci, s.c))) as tf.Tensor2D;
    const f = tf.sigmoid(tf.add(zf, tf.mul(p.weight_cf, s.c))) as tf.Tensor2D;
    const g = tf.tanh(zg);
    const c = tf.add(tf.mul(f, s.c), tf.mul(i, g)) as tf.Tensor2D;
    // The output gate peeks at the updated cell, so it is computed after c.
    const o = tf.sigmoid(tf.add(zo, tf.mul(p.weight_co, c))) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { state: { h, c }, gates: { i, f, g, o } };
  },
};
