// GRU as Cho et al. (2014) published it: the reset gate scales h_{t−1} BEFORE the recurrent
// matmul, n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn). PyTorch's 'gru' resets after it. Same
// parameter names, layout (rows r, z, n) and init as torch.nn.GRU, so the two load each other's weights.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { gruOriginalInfo } from './info/gru-original';

export const gruOriginal: CellSpec = {
  ...gruOriginalInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_hh']),
  step: (xt, s, p, { dims }) => {
    const H = dims.hiddenSize;
    const gx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih, p.bias_ih);
    const [xrz, xn] = tf.split(gx, [2 * H, H], 1) as tf.Tensor2D[];
    // r ⊙ h must exist before U_n multiplies it, hence a second recurrent matmul. Both use the
    // whole W_hh (and use 2H resp. H of its outputs): slicing W_hh into its own tensors would
    // leave matMulPrepared's backward pass pointing at intermediates that tidy has disposed.
    const hrz = tf.slice(matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh, p.bias_hh), [0, 0], [-1, 2 * H]);
    const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, hrz)), 2, 1) as tf.Tensor2D[];
    const hn = tf.slice(matMulPrepared(tf.mul(r, s.h) as tf.Tensor2D, p[T('weight_hh')], p.weight_hh, p.bias_hh), [0, 2 * H], [-1, H]);
    const n = tf.tanh(tf.add(xn, hn)) as tf.Tensor2D;
    const h = tf.add(n, tf.mul(z, tf.sub(s.h, n))) as tf.Tensor2D;
    return { state: { h }, gates: { r, z, n } };
  },
};
