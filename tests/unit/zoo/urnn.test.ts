// uRNN against a plain-JS complex forward from Arjovsky et al. 2016: explicit DFT sums, the
// reflection I − 2vv*/‖v‖², and modReLU as in the authors' code; then W's unitarity in training.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { unitaryMatrix } from '../../../src/cells/urnn';
import { singularValues } from '../../../src/cells/linalg';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { testCell, vec } from './harness';
import type { Arr } from './harness';

interface C { re: number[]; im: number[] }

function applyW(h: C, p: Record<string, Arr>, N: number): C {
  const th = (k: number) => vec(p[`theta${k}`]);
  const D = (x: C, t: number[]): C => ({
    re: x.re.map((r, j) => r * Math.cos(t[j]) - x.im[j] * Math.sin(t[j])),
    im: x.re.map((r, j) => r * Math.sin(t[j]) + x.im[j] * Math.cos(t[j])),
  });
  const F = (x: C, sign: number): C => {
    const out: C = { re: new Array(N).fill(0), im: new Array(N).fill(0) };
    for (let j = 0; j < N; j++) for (let k = 0; k < N; k++) {
      const a = (sign * 2 * Math.PI * j * k) / N;
      out.re[j] += (x.re[k] * Math.cos(a) - x.im[k] * Math.sin(a)) / Math.sqrt(N);
      out.im[j] += (x.re[k] * Math.sin(a) + x.im[k] * Math.cos(a)) / Math.sqrt(N);
    }
    return out;
  };
  const R = (x: C, v: number[]): C => {
    const vr = v.slice(0, N);
    const vi = v.slice(N);
    const norm2 = v.reduce((s, a) => s + a * a, 0);
    // v* x = Σ conj(v_k) x_k
    let dr = 0;
    let di = 0;
    for (let k = 0; k < N; k++) {
      dr += vr[k] * x.re[k] + vi[k] * x.im[k];
      di += vr[k] * x.im[k] - vi[k] * x.re[k];
    }
    return {
      re: x.re.map((r, j) => r - (2 / norm2) * (vr[j] * dr - vi[j] * di)),
      im: x.im.map((m, j) => m - (2 / norm2) * (vr[j] * di + vi[j] * dr)),
    };
  };
  const perm = vec(p.perm);
  let y = D(h, th(1));
  y = F(y, -1);
  y = R(y, vec(p.reflect1));
  y = { re: perm.map((k) => y.re[k]), im: perm.map((k) => y.im[k]) };
  y = D(y, th(2));
  y = F(y, 1);
  y = R(y, vec(p.reflect2));
  return D(y, th(3));
}

function urnnReference(x: number[][][], p: Record<string, Arr>, N: number) {
  const I = x[0][0].length;
  const h0 = vec(p.h0);
  let h = x[0].map(() => ({ re: h0.slice(0, N), im: h0.slice(N) }));
  const outputs: number[][][] = [];
  for (const xt of x) {
    h = xt.map((xb, b) => {
      const w = applyW(h[b], p, N);
      const out: C = { re: [], im: [] };
      for (let j = 0; j < N; j++) {
        let zr = w.re[j];
        let zi = w.im[j];
        for (let i = 0; i < I; i++) {
          zr += p.weight_ih.data[j * I + i] * xb[i];
          zi += p.weight_ih.data[(N + j) * I + i] * xb[i];
        }
        const mod = Math.hypot(zr, zi);
        const s = Math.max(0, mod + p.bias.data[j]) / (mod + 1e-5);
        out.re.push(zr * s);
        out.im.push(zi * s);
      }
      return out;
    });
    outputs.push(h.map((c) => [...c.re, ...c.im]));
  }
  return { outputs, states: { h: outputs[outputs.length - 1] } };
}

testCell({
  id: 'urnn',
  hiddenSize: 4,
  reference: (x, p, dims) => urnnReference(x, p, dims.hiddenSize),
  // V (2N·I) + θ₁,θ₂,θ₃ (3N) + v₁,v₂ (4N) + modReLU bias (N) + h₀ (2N); Π is fixed.
  paramCount: (I, H) => 2 * H * I + 10 * H,
  train: { overrides: { taskId: 'copy', seqLen: 10, hiddenSize: 16, learningRate: 0.01, clipNorm: 0 }, steps: 60 },
});

describe('urnn unitarity', () => {
  const dims = { inputSize: 3, hiddenSize: 8, seqLen: 6, layer: 0, numLayers: 1, options: {} };

  it('W stays unitary (max |σ − 1| < 1e-4) after training steps that move its parameters', async () => {
    await useNodeBackend();
    const cell = getCell('urnn');
    const rng = createRng(21);
    const specs = cell.params(dims);
    const vars = Object.fromEntries(specs.map((s) => [s.name, tf.variable(tf.tensor(s.init(s.shape, rng), s.shape), s.trainable !== false)]));
    const x = tf.tensor3d(Array.from({ length: 6 * 4 * 3 }, () => rng.normal(0, 1)), [6, 4, 3]);
    const target = tf.tensor2d(Array.from({ length: 4 * 16 }, () => rng.normal(0, 1)), [4, 16]);
    const theta0 = Array.from(vars.theta2.dataSync());
    const opt = tf.train.adam(0.05);
    const trainable = specs.filter((s) => s.trainable !== false).map((s) => vars[s.name]);
    for (let k = 0; k < 25; k++) {
      const loss = opt.minimize(() => tf.tidy(() => {
        const out = runLayer(cell, vars, x, dims).outputs;
        return tf.mean(tf.square(tf.sub(out[out.length - 1], target))) as tf.Scalar;
      }), false, trainable);
      if (loss) loss.dispose();
    }
    const moved = Math.max(...Array.from(vars.theta2.dataSync()).map((v, i) => Math.abs(v - theta0[i])));
    expect(moved).toBeGreaterThan(0.1);
    const { maxSigmaDeviation } = await cell.diagnostics!(vars, dims);
    expect(maxSigmaDeviation).toBeLessThan(1e-4);
    opt.dispose();
    tf.dispose([x, target, ...Object.values(vars)]);
  });

  it('unitaryMatrix builds W column by column as the JS reference does, and an SVD finds all σ = 1', async () => {
    await useNodeBackend();
    const cell = getCell('urnn');
    const rng = createRng(22);
    const N = dims.hiddenSize;
    const values: Record<string, Arr> = {};
    for (const s of cell.params(dims)) values[s.name] = { shape: s.shape, data: s.init(s.shape, rng) };
    const p = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
    const emb = unitaryMatrix(p, N);
    const m = emb.arraySync() as number[][];
    for (let k = 0; k < N; k++) {
      const e: C = { re: Array.from({ length: N }, (_, j) => (j === k ? 1 : 0)), im: new Array(N).fill(0) };
      const col = applyW(e, values, N);
      for (let j = 0; j < N; j++) {
        expect(m[j][k]).toBeCloseTo(col.re[j], 5);
        expect(m[N + j][k]).toBeCloseTo(col.im[j], 5);
      }
    }
    // And an independent SVD of the reference matrix agrees that it is unitary.
    const sv = singularValues(Float64Array.from(m.flat()), 2 * N, 2 * N);
    for (const s of sv) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
    tf.dispose([emb, ...Object.values(p)]);
  });
});
