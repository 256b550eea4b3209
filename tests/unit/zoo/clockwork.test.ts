// Clockwork RNN: the harness against a plain-JS module-by-module recurrence, plus the two
// structural claims: idle modules hold their value, and slow modules feed fast ones, not back.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import type { CellDims } from '../../../src/cells/types';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { at, matVec, testCell } from './harness';

/** Module sizes as the card states them: H split into g parts, the first H mod g one larger. */
const sizesOf = (H: number, g: number) => Array.from({ length: g }, (_, i) => Math.floor(H / g) + (i < H % g ? 1 : 0));

testCell({
  id: 'clockwork',
  options: { modules: 3, periodBase: 2 },
  hiddenSize: 5,
  seqLen: 7,
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const sizes = sizesOf(H, 3);
    const periods = [1, 2, 4];
    const moduleOf = (r: number) => { let i = 0; let end = sizes[0]; while (r >= end) end += sizes[++i]; return i; };
    const start = (i: number) => sizes.slice(0, i).reduce((a, b) => a + b, 0);
    let h = x[0].map(() => new Array(H).fill(0));
    const outputs: number[][][] = [];
    x.forEach((xt, t) => {
      h = xt.map((xb, b) => {
        const wx = matVec(p.weight_ih, xb);
        return h[b].map((old, r) => {
          const i = moduleOf(r);
          if (t % periods[i] !== 0) return old;
          let a = wx[r] + p.bias.data[r];
          // Row r sees only columns of modules j ≥ i, stored from column start(i) on.
          for (let c = start(i); c < H; c++) a += at(p[`weight_hh_${i}`], r - start(i), c - start(i)) * h[b][c];
          return Math.tanh(a);
        });
      });
      outputs.push(h);
    });
    return { outputs, states: { h } };
  },
  // The paper's effective weights: W_I (H·I), the upper block triangle of W_H, and a bias per unit.
  paramCount: (I, H, o) => {
    const k = sizesOf(H, Number(o.modules));
    const tri = k.reduce((n, ki, i) => n + ki * k.slice(i).reduce((a, b) => a + b, 0), 0);
    return H * I + tri + H;
  },
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01 }, steps: 100 },
});

describe('clockwork structure', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  const dims: CellDims = { inputSize: 2, hiddenSize: 8, seqLen: 8, layer: 0, numLayers: 1, options: { modules: 4, periodBase: 2 } };
  const cell = getCell('clockwork');
  const rng = createRng(5);
  const inits = cell.params(dims).map((s) => ({ s, data: s.init(s.shape, rng.fork(s.name)) }));
  // Built inside each test's tidy: the backend is not ready while describe() runs.
  const params = () => Object.fromEntries(inits.map(({ s, data }) => [s.name, tf.tensor(data, s.shape)]));
  const xsData = Float32Array.from({ length: 8 * 3 * 2 }, () => rng.normal(0, 1));

  it('equal modules: k²·g(g+1)/2 recurrent weights', () => {
    const n = cell.params(dims).filter((s) => s.name.startsWith('weight_hh_')).reduce((a, s) => a + s.shape[0] * s.shape[1], 0);
    expect(n).toBe(2 * 2 * (4 * 5) / 2);
  });

  it('a module holds its value exactly between its ticks', () => {
    tf.tidy(() => {
      const values = params();
      const run = runLayer(cell, values, tf.tensor3d(xsData, [8, 3, 2]), dims, { record: true });
      const hs = run.outputs.map((o) => o.arraySync() as number[][]);
      const periods = [1, 2, 4, 8];
      for (let t = 1; t < 8; t++) {
        for (let i = 0; i < 4; i++) {
          for (const u of [2 * i, 2 * i + 1]) {
            for (let b = 0; b < 3; b++) {
              if (t % periods[i] === 0) expect(hs[t][b][u], `t=${t} unit ${u}`).not.toBe(hs[t - 1][b][u]);
              else expect(hs[t][b][u], `t=${t} unit ${u}`).toBe(hs[t - 1][b][u]);
            }
          }
        }
      }
      const m = run.trace!.m.arraySync() as number[][][];
      expect(m[3][0]).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
      expect(m[4][2]).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    });
  });

  it('slow modules feed fast ones, never the reverse', () => {
    tf.tidy(() => {
      const values = params();
      const slow = [6, 7]; // module 3, period 8
      const fast = [0, 1]; // module 0, period 1
      const unitSum = (units: number[]) => (w: tf.Tensor) => {
        const run = runLayer(cell, { ...values, weight_ih: w }, tf.tensor3d(xsData, [8, 3, 2]), dims);
        const sel = tf.tensor1d(Float32Array.from({ length: 8 }, (_, k) => (units.includes(k) ? 1 : 0)));
        return tf.sum(tf.mul(tf.stack(run.outputs), sel)) as tf.Scalar;
      };
      const rowsNorm = (g: tf.Tensor, rows: number[]) => {
        const a = g.arraySync() as number[][];
        return rows.reduce((n, r) => n + a[r].reduce((s, v) => s + Math.abs(v), 0), 0);
      };
      // The slow module's outputs do not depend on the fast module's input weights …
      expect(rowsNorm(tf.grad(unitSum(slow))(values.weight_ih), fast)).toBe(0);
      // … but the fast module's outputs do depend on the slow module's.
      expect(rowsNorm(tf.grad(unitSum(fast))(values.weight_ih), slow)).toBeGreaterThan(1e-4);
    });
  });
});
