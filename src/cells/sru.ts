// Statistical Recurrent Unit (Oliva, Póczos & Schneider 2017): the state is a bank of moving
// averages μ^(α) of one feature vector φ_t, one bank per decay rate α. Long memory comes from
// the slow averages (α = 0.99), not from gates. The FRU (fru.ts) reuses the r/φ/o machinery.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec, Params } from './types';
import { alphasOf, sruInfo, statSizes } from './info/sru';

export const prepareStats = (p: Params): Params => transposeWeights(p, ['weight_r', 'weight_phi_x', 'weight_phi_r', 'weight_o']);

/** r_t and φ_t from μ_{t−1} and x_t. */
export function rPhi(xt: tf.Tensor2D, mu: tf.Tensor2D, p: Params): { r: tf.Tensor2D; phi: tf.Tensor2D } {
  const r = tf.relu(tf.add(matMulPrepared(mu, p[T('weight_r')], p.weight_r), p.bias_r)) as tf.Tensor2D;
  const phi = tf.relu(tf.add(tf.add(matMulPrepared(xt, p[T('weight_phi_x')], p.weight_phi_x),
    matMulPrepared(r, p[T('weight_phi_r')], p.weight_phi_r)), p.bias_phi)) as tf.Tensor2D;
  return { r, phi };
}

export const outputOf = (mu: tf.Tensor2D, p: Params): tf.Tensor2D =>
  tf.relu(tf.add(matMulPrepared(mu, p[T('weight_o')], p.weight_o), p.bias_o)) as tf.Tensor2D;

/** [B, S] → [B, n·S]: φ repeated once per scale, scale-major (the layout of μ). */
export const tileScales = (phi: tf.Tensor2D, n: number): tf.Tensor2D => tf.tile(phi, [1, n]) as tf.Tensor2D;

/** A per-scale value [n] spread over that scale's S slots: [n·S]. */
export const perScale = (v: readonly number[], S: number): Float32Array =>
  Float32Array.from(v.flatMap((a) => new Array(S).fill(a)));

export const sru: CellSpec = {
  ...sruInfo,
  initialState: (d, B) => ({ mu: tf.zeros([B, alphasOf(d).length * statSizes(d).S]) }),
  prepare: (p, d) => {
    const alpha = perScale(alphasOf(d), statSizes(d).S);
    return { ...prepareStats(p), alpha: tf.tensor1d(alpha), oneMinusAlpha: tf.tensor1d(alpha.map((a) => 1 - a)) };
  },
  step: (xt, s, p, { dims }) => {
    const { r, phi } = rPhi(xt, s.mu, p);
    const mu = tf.add(tf.mul(p.alpha, s.mu), tf.mul(p.oneMinusAlpha, tileScales(phi, alphasOf(dims).length))) as tf.Tensor2D;
    return { state: { mu }, gates: { r, phi, o: outputOf(mu, p) } };
  },
  emit: (s, p) => outputOf(s.mu, p),
};
