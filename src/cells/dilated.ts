// Dilated RNN (Chang et al. 2017): layer l recurs on its own state from d_l = base^l steps back,
// h_t = cell(x_t, h_{t−d_l}); stacked layers with growing d_l see far back in a few hops.
// The buffer of the last d_l states is part of the state, so unroll.ts needs nothing special.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec, State } from './types';
import { bufSize, dilatedInfo, dilationOf, isGru } from './info/dilated';

export const dilated: CellSpec = {
  ...dilatedInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), buf: tf.zeros([B, bufSize(d)]) }),
  prepare: (p, d) => transposeWeights(p, isGru(d) ? ['weight_ih', 'weight_hh', 'weight_hn'] : ['weight_ih', 'weight_hh']),
  step: (xt, s, p, { dims }) => {
    const H = dims.hiddenSize;
    const dil = dilationOf(dims);
    // h_{t−d}: the newest state when d = 1, else the oldest block of the buffer.
    const hd = dil === 1 ? s.h : (tf.slice(s.buf, [0, (dil - 2) * H], [-1, H]) as tf.Tensor2D);
    const buf = dil === 1 ? s.buf : dil === 2 ? s.h : (tf.concat([s.h, tf.slice(s.buf, [0, 0], [-1, (dil - 2) * H])], 1) as tf.Tensor2D);
    const gx = tf.add(matMulPrepared(xt, p[T('weight_ih')], p.weight_ih), p.bias) as tf.Tensor2D;
    let h: tf.Tensor2D;
    let gates: Record<string, tf.Tensor2D>;
    if (isGru(dims)) {
      const [xrz, xn] = tf.split(gx, [2 * H, H], 1) as tf.Tensor2D[];
      const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, matMulPrepared(hd, p[T('weight_hh')], p.weight_hh))), 2, 1) as tf.Tensor2D[];
      const n = tf.tanh(tf.add(xn, matMulPrepared(tf.mul(r, hd) as tf.Tensor2D, p[T('weight_hn')], p.weight_hn))) as tf.Tensor2D;
      h = tf.add(n, tf.mul(z, tf.sub(hd, n))) as tf.Tensor2D;
      gates = { r, z, n };
    } else {
      h = tf.tanh(tf.add(gx, matMulPrepared(hd, p[T('weight_hh')], p.weight_hh))) as tf.Tensor2D;
      gates = {};
    }
    const state: State = { h, buf };
    return { state, gates };
  },
};
