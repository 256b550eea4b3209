// RIN, the Recurrent Identity Network (Hu, Huber, Anumula & Liu 2018): a ReLU RNN whose
// recurrence is written U h + h, with the identity part fixed, h_t = ReLU(W x_t + (U + I) h_{t−1} + b).
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { rinInfo } from './info/rin';

export const rin: CellSpec = {
  ...rinInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_hh']),
  step: (xt, s, p) => {
    const ax = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const uh = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh);
    const h = tf.relu(tf.add(tf.add(tf.add(ax, uh), s.h), p.bias)) as tf.Tensor2D;
    return { state: { h }, gates: {} };
  },
};
