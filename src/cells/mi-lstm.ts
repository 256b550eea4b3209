// MI-LSTM (Wu et al. 2016): every gate's pre-activation W x + U h + b becomes its own
// Multiplicative Integration block α ⊙ Wx ⊙ Uh + β₁ ⊙ Uh + β₂ ⊙ Wx + b; the cell update is
// the LSTM's. Gate rows i, f, g, o as torch.nn.LSTM.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, matMulPrepared, T, transposeWeights } from './common';
import { miBlock } from './mi-common';
import type { CellSpec } from './types';
import { miLstmInfo } from './info/mi-lstm';

export const miLstm: CellSpec = {
  ...miLstmInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_hh']),
  step: (xt, s, p) => {
    const wx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const uh = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh);
    const [zi, zf, zg, zo] = chunk(miBlock(wx, uh, p.alpha, p.beta1, p.beta2, p.bias), 4);
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const g = tf.tanh(zg);
    const o = tf.sigmoid(zo);
    const c = tf.add(tf.mul(f, s.c), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { state: { h, c }, gates: { i, f, g, o } };
  },
};
