// fTRU against a plain-JS forward of h_t = φ(Σ_r sgn(z_r)|z_r|^p + b), z_r = W_rᵀ[h_{t−1}; x_t],
// summed over r for each sequence on its own (the authors' code also sums over the batch).
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { signedPow } from '../../../src/cells/ftru';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { at, sigmoid, testCell } from './harness';
import type { Arr } from './harness';

const phis: Record<string, (v: number) => number> = {
  tanh: Math.tanh, identity: (v) => v, relu: (v) => Math.max(0, v), sigmoid,
};

function ftruReference(x: number[][][], p: Record<string, Arr>, H: number, n: number, act: string) {
  const B = x[0].length;
  const I = x[0][0].length;
  let h = Array.from({ length: B }, () => new Array(H).fill(0));
  const outputs: number[][][] = [];
  for (const xt of x) {
    h = xt.map((xb, b) => {
      const out = new Array(H);
      for (let j = 0; j < H; j++) {
        const deg = p.degree.shape[0] === 1 ? p.degree.data[0] : p.degree.data[j];
        let u = at(p.bias, j);
        for (let r = 0; r < n; r++) {
          let z = 0;
          for (let k = 0; k < H; k++) z += at(p.weight_hh, r * H + j, k) * h[b][k];
          for (let i = 0; i < I; i++) z += at(p.weight_ih, r * H + j, i) * xb[i];
          u += Math.sign(z) * Math.abs(z) ** deg;
        }
        out[j] = phis[act](u);
      }
      return out;
    });
    outputs.push(h);
  }
  return { outputs, states: { h } };
}

// Degrees away from 1: near p ≈ 1 − δ a z within ~1e-3 of 0 (this seed has one) puts the kink of
// |z|^p inside the harness's finite-difference step (1e-2), and the difference, not the gradient,
// is off (checked against a float64 difference with step 1e-6).
for (const [degree, terms, activation, pInit] of [['unit', 2, 'tanh', 2], ['layer', 3, 'relu', 1.5], ['unit', 1, 'sigmoid', 0.6]] as const) {
  testCell({
    id: 'ftru',
    options: { degree, terms, activation, pInit },
    reference: (x, p, dims) => ftruReference(x, p, dims.hiddenSize, terms, activation),
    paramCount: (I, H) => terms * H * (I + H) + H + (degree === 'unit' ? H : 1),
    noise: 0.1,
    train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: terms === 2 ? 60 : 30 },
  });
}

/** The hyper-power variant: p_t = σ(W_p tanh(W_p0 [h_{t−1}; x_t; p_{t−1}] + b_p0) + b_p), p_0 = 1. */
function ftruHyperReference(x: number[][][], p: Record<string, Arr>, H: number, n: number, act: string) {
  const B = x[0].length;
  const [Dp, K] = p.hyper_w0.shape;
  const P = p.hyper_b.shape[0];
  let h = Array.from({ length: B }, () => new Array(H).fill(0));
  let deg = Array.from({ length: B }, () => new Array(P).fill(1));
  const outputs: number[][][] = [];
  for (const xt of x) {
    const next = xt.map((xb, b) => {
      const hxp = [...h[b], ...xb, ...deg[b]];
      expect(hxp.length).toBe(K);
      const inner = Array.from({ length: Dp }, (_, k) => Math.tanh(at(p.hyper_b0, k) + hxp.reduce((a, v, i) => a + at(p.hyper_w0, k, i) * v, 0)));
      const pt = Array.from({ length: P }, (_, j) => sigmoid(at(p.hyper_b, j) + inner.reduce((a, v, k) => a + at(p.hyper_w, j, k) * v, 0)));
      const out = new Array(H);
      for (let j = 0; j < H; j++) {
        let u = at(p.bias, j);
        for (let r = 0; r < n; r++) {
          let z = 0;
          for (let k = 0; k < H; k++) z += at(p.weight_hh, r * H + j, k) * h[b][k];
          for (let i = 0; i < xb.length; i++) z += at(p.weight_ih, r * H + j, i) * xb[i];
          u += Math.sign(z) * Math.abs(z) ** (P === 1 ? pt[0] : pt[j]);
        }
        out[j] = phis[act](u);
      }
      return { h: out, p: pt };
    });
    h = next.map((v) => v.h);
    deg = next.map((v) => v.p);
    outputs.push(h);
  }
  return { outputs, states: { h, p: deg } };
}

for (const [degree, terms, hyperSize] of [['unit', 2, 3], ['layer', 1, 5]] as const) {
  testCell({
    id: 'ftru',
    options: { degreeFrom: 'hyper', degree, terms, activation: 'tanh', hyperSize },
    reference: (x, p, dims) => ftruHyperReference(x, p, dims.hiddenSize, terms, 'tanh'),
    paramCount: (I, H) => {
      const P = degree === 'unit' ? H : 1;
      return terms * H * (I + H) + H + hyperSize * (H + I + P) + hyperSize + P * hyperSize + P;
    },
    noise: 0.1,
    train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 40 },
  });
}

describe('ftru signed power', () => {
  it('has a finite gradient at z = 0 for fractional p, where the unguarded pow gives NaN or ∞', async () => {
    await useNodeBackend();
    const z = tf.tensor1d([0, 0, 1e-9, -0.5, 2]);
    const p = tf.tensor1d([0.5, 1.7, 0.3, 0.5, 0.8]);
    const [gz, gp] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(signedPow(a, b)))([z, p]);
    for (const v of [...gz.dataSync(), ...gp.dataSync()]) expect(Number.isFinite(v)).toBe(true);
    // Away from 0 it is the true derivative p|z|^{p−1} and sgn(z)|z|^p ln|z|.
    expect(gz.dataSync()[3]).toBeCloseTo(0.5 * 0.5 ** -0.5, 4);
    expect(gp.dataSync()[4]).toBeCloseTo(2 ** 0.8 * Math.log(2), 4);
    const naive = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.sign(a), tf.pow(tf.abs(a), p))))(z);
    expect(Number.isFinite(naive.dataSync()[0])).toBe(false);
    tf.dispose([z, p, gz, gp, naive]);
  });

  it('gives finite gradients through the cell when z is exactly 0 (zero input, zero state)', async () => {
    await useNodeBackend();
    const cell = getCell('ftru');
    const dims = { inputSize: 2, hiddenSize: 3, seqLen: 3, layer: 0, numLayers: 1, options: { degree: 'unit', terms: 2, activation: 'tanh', pInit: 0.5 } };
    const rng = createRng(5);
    const specs = cell.params(dims);
    const vars = specs.map((s) => tf.variable(tf.tensor(s.init(s.shape, rng), s.shape)));
    const p = Object.fromEntries(specs.map((s, i) => [s.name, vars[i]]));
    const { grads, value } = tf.variableGrads(() => tf.tidy(() =>
      tf.sum(tf.stack(runLayer(cell, p, tf.zeros([3, 2, 2]) as tf.Tensor3D, dims).outputs)) as tf.Scalar), vars);
    for (const g of Object.values(grads)) for (const v of g.dataSync()) expect(Number.isFinite(v)).toBe(true);
    tf.dispose([value, ...Object.values(grads), ...vars]);
  });

  it('treats each sequence of a batch on its own (no sum over the batch)', async () => {
    await useNodeBackend();
    const cell = getCell('ftru');
    const dims = { inputSize: 2, hiddenSize: 3, seqLen: 4, layer: 0, numLayers: 1, options: { degree: 'unit', terms: 2, activation: 'tanh', pInit: 1.3 } };
    const rng = createRng(6);
    const p = Object.fromEntries(cell.params(dims).map((s) => [s.name, tf.tensor(s.init(s.shape, rng), s.shape)]));
    const x = Array.from({ length: 4 * 3 * 2 }, () => rng.normal(0, 1));
    const all = tf.tidy(() => runLayer(cell, p, tf.tensor3d(x, [4, 3, 2]), dims).outputs.map((o) => o.arraySync() as number[][]));
    const alone = tf.tidy(() => runLayer(cell, p, tf.slice(tf.tensor3d(x, [4, 3, 2]), [0, 1, 0], [4, 1, 2]), dims)
      .outputs.map((o) => o.arraySync() as number[][]));
    for (let t = 0; t < 4; t++) alone[t][0].forEach((v, j) => expect(all[t][1][j]).toBeCloseTo(v, 5));
    tf.dispose(Object.values(p));
  });

  it('keeps p inside [0.05, 5] after constrain', async () => {
    await useNodeBackend();
    const cell = getCell('ftru');
    const v = tf.variable(tf.tensor1d([-1, 0.5, 9]));
    cell.constrain!({ degree: v }, { inputSize: 1, hiddenSize: 3, seqLen: 2, layer: 0, numLayers: 1, options: {} });
    expect(Array.from(v.dataSync())).toEqual([0.05, 0.5, 5].map((a) => Math.fround(a)));
    v.dispose();
  });
});
