// MI-RNN (Wu et al. 2016): the Elman RNN with its sum Wx + Uh replaced by the general
// Multiplicative Integration block, h_t = tanh(α ⊙ Wx ⊙ Uh + β₁ ⊙ Uh + β₂ ⊙ Wx + b).
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { miRnnInfo } from './info/mi-rnn';

export const miRnn: CellSpec = {
  ...miRnnInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_hh']),
  step: (xt, s, p) => {
    const wx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const uh = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh);
    const m = tf.mul(tf.mul(p.alpha, wx), uh) as tf.Tensor2D;
    // Same sum as miBlock, spelled out so the second-order term can be shown on its own.
    const h = tf.tanh(tf.add(tf.add(m, tf.mul(p.beta1, uh)), tf.add(tf.mul(p.beta2, wx), p.bias))) as tf.Tensor2D;
    return { state: { h }, gates: { wx, uh, m } };
  },
};
