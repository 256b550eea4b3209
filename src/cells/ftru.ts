// fTRU / tensor-power RNN (Qiu, Li, Weng, Sun, He & Zhao 2021; journal name fTRU, 2023): the
// state update is a degree-p polynomial of s = [h_{t−1}; x_t], stored as a symmetric rank-n CP
// tensor so that ⟨Σ_r w_r^{∘p}, s^{⊗p}⟩ = Σ_r (w_rᵀ s)^p, and the degree p is made continuous
// (and learnable) by the signed power sgn(z)|z|^p. No tensor is ever built.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec, State } from './types';
import { degreeSize, ftruInfo, ftruTerms, isHyper, perUnit } from './info/ftru';

/** Below this |z| the gradient uses |z| = ε: d|z|^p/dz = p|z|^{p−1} is infinite at 0 when p < 1. */
export const POW_EPS = 1e-4;
/** Our bounds on p (the authors' code leaves p unconstrained); p ≤ 0 would make |z|^p blow up at 0. */
export const P_MIN = 0.05;
export const P_MAX = 5;

/**
 * sgn(z)|z|^p element-wise (z and p of one shape), with a gradient that stays finite at z = 0:
 * ∂/∂z = p·max(|z|, ε)^{p−1} and ∂/∂p = sgn(z)|z|^p·ln max(|z|, ε). tfjs's own pow gradient gives
 * 0·∞ = NaN there (d|z|/dz = 0 times p|z|^{p−1} = ∞).
 */
export function signedPow(z: tf.Tensor, p: tf.Tensor): tf.Tensor {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [zz, pp, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const value = tf.mul(tf.sign(zz), tf.pow(tf.abs(zz), pp));
    save([zz, pp, value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [zs, ps, vs] = saved;
        const a = tf.maximum(tf.abs(zs), POW_EPS);
        return [
          tf.mul(dy, tf.mul(ps, tf.pow(a, tf.sub(ps, 1)))),
          tf.mul(dy, tf.mul(vs, tf.log(a))),
        ];
      },
    };
  });
  return f(z, p);
}

function phi(a: tf.Tensor, name: string): tf.Tensor2D {
  switch (name) {
    case 'identity': return a as tf.Tensor2D;
    case 'relu': return tf.relu(a) as tf.Tensor2D;
    case 'sigmoid': return tf.sigmoid(a) as tf.Tensor2D;
    default: return tf.tanh(a) as tf.Tensor2D;
  }
}

export const ftru: CellSpec = {
  ...ftruInfo,
  initialState: (d, B): State => {
    const h = tf.zeros([B, d.hiddenSize]) as tf.Tensor2D;
    return isHyper(d) ? { h, p: tf.ones([B, degreeSize(d)]) as tf.Tensor2D } : { h };
  },
  prepare: (p, d) => (isHyper(d)
    ? transposeWeights(p, ['weight_ih', 'weight_hh', 'hyper_w0', 'hyper_w'])
    : {
      ...transposeWeights(p, ['weight_ih', 'weight_hh']),
      // The degree laid out like the n stacked terms, so one signedPow covers them all.
      degree_terms: perUnit(d) ? tf.tile(p.degree, [ftruTerms(d)]) : p.degree,
    }),
  step: (xt, s, p, { dims }) => {
    const H = dims.hiddenSize;
    const n = ftruTerms(dims);
    const B = xt.shape[0];
    const z = tf.add(matMulPrepared(xt, p[T('weight_ih')], p.weight_ih), matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh));
    let degree: tf.Tensor2D;
    if (isHyper(dims)) {
      const hxp = tf.concat([s.h, xt, s.p], 1) as tf.Tensor2D;
      const inner = tf.tanh(tf.add(matMulPrepared(hxp, p[T('hyper_w0')], p.hyper_w0), p.hyper_b0)) as tf.Tensor2D;
      degree = tf.sigmoid(tf.add(matMulPrepared(inner, p[T('hyper_w')], p.hyper_w), p.hyper_b)) as tf.Tensor2D;
    } else {
      degree = tf.broadcastTo(p.degree, [B, degreeSize(dims)]) as tf.Tensor2D;
    }
    const degreeTerms = perUnit(dims) ? tf.tile(degree, [1, n]) : tf.broadcastTo(degree, [B, n * H]);
    const powered = signedPow(z, degreeTerms);
    const u = tf.add(tf.sum(tf.reshape(powered, [B, n, H]), 1), p.bias) as tf.Tensor2D;
    const h = phi(u, String(dims.options.activation ?? 'tanh'));
    const gates: Record<string, tf.Tensor2D> = { u };
    const state: State = { h };
    if (isHyper(dims)) state.p = degree;
    else gates.p = tf.broadcastTo(degree, [B, H]) as tf.Tensor2D;
    return { state, gates };
  },
  constrain: (p) => {
    const v = p.degree;
    if (v) v.assign(tf.tidy(() => tf.clipByValue(v, P_MIN, P_MAX)));
  },
};
