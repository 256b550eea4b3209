// Temporal-Kernel RNN (Sutskever & Hinton 2010): every unit hears the whole past of each unit
// it is connected to, through an exponentially decaying kernel λ_j^{k−1} of the sender, not
// just its value one step ago. The kernel sum obeys s_t = y_{t−1} + λ s_{t−1}, so the cost per
// step stays that of a plain RNN, while the gradient gets direct paths k steps back.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { tkrnnInfo } from './info/tkrnn';

export const tkrnn: CellSpec = {
  ...tkrnnInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), sh: tf.zeros([B, d.hiddenSize]), sx: tf.zeros([B, d.inputSize]) }),
  prepare: (p) => ({
    ...transposeWeights(p, ['weight_xh', 'weight_hh']),
    lamH: tf.sigmoid(p.decay_h),
    lamX: tf.sigmoid(p.decay_x),
  }),
  step: (xt, s, p, { dims }) => {
    const sh = tf.add(s.h, tf.mul(p.lamH, s.sh)) as tf.Tensor2D;
    const sx = tf.add(xt, tf.mul(p.lamX, s.sx)) as tf.Tensor2D;
    const heard = dims.options.inputTiming === 'current' ? sx : s.sx;
    const a = tf.add(tf.add(matMulPrepared(sh, p[T('weight_hh')], p.weight_hh), matMulPrepared(heard, p[T('weight_xh')], p.weight_xh)), p.bias);
    const h = tf.tanh(a) as tf.Tensor2D;
    return { state: { h, sh, sx }, gates: { lam: tf.broadcastTo(p.lamH, sh.shape) as tf.Tensor2D } };
  },
};
