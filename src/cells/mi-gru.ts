// MI-GRU (Wu et al. 2016): the GRU of Cho et al. (reset before the recurrent matmul) with each
// pre-activation replaced by a Multiplicative Integration block. Rows r, z, n as torch.nn.GRU.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { miBlock } from './mi-common';
import type { CellSpec } from './types';
import { miGruInfo } from './info/mi-gru';

export const miGru: CellSpec = {
  ...miGruInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  // The r|z and n parts of the MI vectors, split once per sequence (element-wise use only).
  prepare: (p, d) => {
    const H = d.hiddenSize;
    const out = transposeWeights(p, ['weight_ih', 'weight_hh']);
    for (const k of ['alpha', 'beta1', 'beta2', 'bias']) [out[`${k}_rz`], out[`${k}_n`]] = tf.split(p[k], [2 * H, H], 0);
    return out;
  },
  step: (xt, s, p, { dims }) => {
    const H = dims.hiddenSize;
    const wx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const [wxRz, wxN] = tf.split(wx, [2 * H, H], 1) as tf.Tensor2D[];
    // Both recurrent matmuls use all of W_hh and keep the rows they need: matMulPrepared's
    // backward pass must see a weight that outlives the step (a parameter, not a slice of one).
    const uhRz = tf.slice(matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh), [0, 0], [-1, 2 * H]) as tf.Tensor2D;
    const [r, z] = tf.split(tf.sigmoid(miBlock(wxRz, uhRz, p.alpha_rz, p.beta1_rz, p.beta2_rz, p.bias_rz)), 2, 1) as tf.Tensor2D[];
    const rh = tf.mul(r, s.h) as tf.Tensor2D;
    const uhN = tf.slice(matMulPrepared(rh, p[T('weight_hh')], p.weight_hh), [0, 2 * H], [-1, H]) as tf.Tensor2D;
    const n = tf.tanh(miBlock(wxN, uhN, p.alpha_n, p.beta1_n, p.beta2_n, p.bias_n)) as tf.Tensor2D;
    const h = tf.add(n, tf.mul(z, tf.sub(s.h, n))) as tf.Tensor2D;
    return { state: { h }, gates: { r, z, n } };
  },
};
