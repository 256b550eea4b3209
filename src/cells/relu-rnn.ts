// The ReLU recurrence h_t = ReLU(W_ih x_t + W_hh h_{t−1} + b) that IRNN and np-RNN share; they
// differ only in how W_hh starts, so each spreads this core and declares its own params.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';

export const reluRnnCore: Pick<CellSpec, 'initialState' | 'prepare' | 'step'> = {
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_hh']),
  step: (xt, s, p) => {
    const ax = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const ah = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh);
    const h = tf.relu(tf.add(tf.add(ax, ah), p.bias)) as tf.Tensor2D;
    return { state: { h }, gates: {} };
  },
};
