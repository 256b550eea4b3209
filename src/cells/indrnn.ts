// IndRNN (Li, Li, Cook, Zhu & Gao 2018): every unit recurs only on itself, h_t = ReLU(W x_t +
// u ⊙ h_{t−1} + b), so the gradient through k steps is ∏ u_n·ReLU′, one scalar per unit, and
// bounding |u_n| ≤ γ^{1/T} bounds it by γ. Depth, not a dense W_hh, mixes the units.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { indrnnBound, indrnnInfo } from './info/indrnn';

export const indrnn: CellSpec = {
  ...indrnnInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih']),
  step: (xt, s, p) => {
    const ax = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const h = tf.relu(tf.add(tf.add(ax, tf.mul(p.u, s.h)), p.bias)) as tf.Tensor2D;
    return { state: { h }, gates: {} };
  },
  constrain: (p, d) => {
    const bound = indrnnBound(d);
    tf.tidy(() => p.u.assign(tf.clipByValue(p.u, -bound, bound)));
  },
};
