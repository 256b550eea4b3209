// HOT-RNN / TT-RNN (Yu, Zheng, Anandkumar & Yue 2017): the LSTM's gates read a P-th order
// polynomial of the last L hidden states. The weight of that polynomial is a (P+1)-way tensor of
// size D^P × 4H, D = L·H + 1; a tensor train of rank r stores it in Σ_p r_{p−1}·D·r_p numbers.
// Because S^{⊗P} is rank one, the contraction never builds either tensor: each core is contracted
// with S in turn (P small matmuls), which is the same sum the authors' code evaluates explicitly.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec, Params } from './types';
import { core, hotLags, hotrnnInfo, hotStateDim, ranks } from './info/hotrnn';

// The parameter counts, where the tests read them.
export { fullTensorParamCount, ttParamCount } from './info/hotrnn';

/** Core p [r_{p−1}, D, r_p] as a [D, r_{p−1}·r_p] matrix, so that S · it contracts the core with S. */
function coreMatrixT(a: tf.Tensor, rPrev: number, rNext: number, D: number): tf.Tensor2D {
  return tf.reshape(tf.transpose(a, [1, 0, 2]), [D, rPrev * rNext]) as tf.Tensor2D;
}

export const hotrnn: CellSpec = {
  ...hotrnnInfo,
  initialState: (d, B) => ({
    h: tf.zeros([B, d.hiddenSize]),
    c: tf.zeros([B, d.hiddenSize]),
    lags: tf.zeros([B, (hotLags(d) - 1) * d.hiddenSize]),
  }),
  prepare: (p, d) => {
    const r = ranks(d);
    const D = hotStateDim(d);
    const out: Params = transposeWeights(p, ['weight_ih']);
    for (let k = 1; k < r.length; k++) out[`${core(k)}_matT`] = coreMatrixT(p[core(k)], r[k - 1], r[k], D);
    return out;
  },
  step: (xt, s, p, { dims }) => {
    const r = ranks(dims);
    const B = xt.shape[0];
    const L = hotLags(dims);
    const S = tf.concat(L > 1 ? [s.lags, s.h, tf.ones([B, 1])] : [s.h, tf.ones([B, 1])], 1) as tf.Tensor2D;
    // v_p[b, :] = v_{p−1}[b, :] · (Σ_i S[b, i] Aᵖ[:, i, :]); v_0 = 1.
    // Plain matMul: matMulPrepared's backward closes over its weight, and these matrices are
    // intermediates that a surrounding tidy would free before the backward pass.
    let v = tf.matMul(S, p[`${core(1)}_matT`] as tf.Tensor2D);
    for (let k = 2; k < r.length; k++) {
      const u = tf.reshape(tf.matMul(S, p[`${core(k)}_matT`] as tf.Tensor2D), [B, r[k - 1], r[k]]);
      v = tf.sum(tf.mul(tf.expandDims(v, 2), u), 1) as tf.Tensor2D;
    }
    const z = tf.add(tf.add(matMulPrepared(xt, p[T('weight_ih')], p.weight_ih), v), p.bias) as tf.Tensor2D;
    const [zi, zg, zf, zo] = chunk(z, 4);
    const i = tf.sigmoid(zi);
    const g = tf.tanh(zg);
    const f = tf.sigmoid(tf.add(zf, 1)) as tf.Tensor2D;
    const o = tf.sigmoid(zo);
    const c = tf.add(tf.mul(f, s.c), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(tf.tanh(c), o) as tf.Tensor2D;
    const H = dims.hiddenSize;
    const lags = (L > 1 ? (L > 2 ? tf.concat([tf.slice(s.lags, [0, H], [-1, -1]), s.h], 1) : s.h) : s.lags) as tf.Tensor2D;
    return { state: { h, c, lags }, gates: { i, f, g, o } };
  },
};
