// LSTM with coupled input and forget gates (CIFG, Greff et al. 2017): f = 1 − i, so the cell
// writes exactly as much as it forgets. Three gate blocks (i, g, o) instead of four; everything
// else as torch.nn.LSTM so the card compares one-to-one with 'lstm'.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { lstmCifgInfo } from './info/lstm-cifg';

export const lstmCifg: CellSpec = {
  ...lstmCifgInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => ({ ...transposeWeights(p, ['weight_ih', 'weight_hh']), bias: tf.add(p.bias_ih, p.bias_hh) }),
  step: (xt, s, p) => {
    const zx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const z = tf.add(tf.add(zx, matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh)), p.bias) as tf.Tensor2D;
    const [zi, zg, zo] = chunk(z, 3);
    const i = tf.sigmoid(zi);
    const f = tf.sub(1, i) as tf.Tensor2D;
    const g = tf.tanh(zg);
    const o = tf.sigmoid(zo);
    const c = tf.add(tf.mul(f, s.c), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { state: { h, c }, gates: { i, f, g, o } };
  },
};
