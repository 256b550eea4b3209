// SCRNN, the Structurally Constrained RNN (Mikolov, Joulin, Chopra, Mathieu & Ranzato 2014):
// a sigmoid RNN plus a block of slow "context" units whose recurrent matrix is fixed at αI.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { contextSize, scrnnInfo } from './info/scrnn';

export const scrnn: CellSpec = {
  ...scrnnInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), s: tf.zeros([B, contextSize(d)]) }),
  prepare: (p) => transposeWeights(p, ['A', 'B', 'P', 'R']),
  step: (xt, st, p, { dims }) => {
    const alpha = Number(dims.options.alpha ?? 0.95);
    const bx = matMulPrepared(xt, p[T('B')], p.B);
    const s = tf.add(tf.mul(bx, 1 - alpha), tf.mul(st.s, alpha)) as tf.Tensor2D;
    const a = tf.add(tf.add(matMulPrepared(s, p[T('P')], p.P), matMulPrepared(xt, p[T('A')], p.A)),
      matMulPrepared(st.h, p[T('R')], p.R));
    const h = tf.sigmoid(a) as tf.Tensor2D;
    return { state: { h, s }, gates: {} };
  },
  emit: (state) => tf.concat([state.h, state.s], 1) as tf.Tensor2D,
};
