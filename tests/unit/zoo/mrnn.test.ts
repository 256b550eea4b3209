// mRNN against a plain-JS forward written from the authors' MRNNCell / MRNNFixDCell
// (noah-research mRNN-mLSTM/layers.py): long-memory filter over the current and K−1 past inputs.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { add, fracDiffWeights, map, matVec, sigmoid, testCell, vec } from './harness';
import type { Arr, ZooCase } from './harness';

const K = 3;

function reference(dynamic: boolean, K: number): ZooCase['reference'] {
  return (x, p: Record<string, Arr>, dims) => {
    const H = dims.hiddenSize;
    const I = dims.inputSize;
    const B = x[0].length;
    const zeros = (n: number) => new Array(n).fill(0);
    const outputs: number[][][] = [];
    const finals = { h: [] as number[][], m: [] as number[][], d: [] as number[][], xs: [] as number[][] };
    for (let b = 0; b < B; b++) {
      let h = zeros(H), m = zeros(H), d = zeros(I);
      const past: number[][] = []; // every input seen so far, oldest first
      x.forEach((xt, t) => {
        const xb = xt[b];
        d = dynamic
          ? map(add(matVec(p.weight_dd, d), vec(p.bias_dd), matVec(p.weight_hd, h), matVec(p.weight_md, m), matVec(p.weight_xd, xb)), (v) => 0.5 * sigmoid(v))
          : map(vec(p.bias_d), (v) => 0.5 * sigmoid(v));
        past.push(xb);
        const f = zeros(I);
        for (let i = 0; i < I; i++) {
          const w = fracDiffWeights(d[i], K);
          for (let j = 1; j <= K; j++) {
            const lag = past.length - j; // x_{t−j+1}; before the start the buffer holds zeros
            f[i] += lag >= 0 ? w[j - 1] * past[lag][i] : 0;
          }
        }
        m = map(add(matVec(p.weight_mm, m), vec(p.bias_mm), matVec(p.weight_fm, f)), Math.tanh);
        h = map(add(matVec(p.weight_hh, h), vec(p.bias_hh), matVec(p.weight_xh, xb)), Math.tanh);
        const z = add(matVec(p.weight_hz, h), vec(p.bias_hz), matVec(p.weight_mz, m));
        (outputs[t] ??= [])[b] = dynamic ? z : map(z, Math.tanh);
      });
      finals.h.push(h);
      finals.m.push(m);
      finals.d.push(d);
      // The buffer holds each feature's last K−1 inputs, oldest first, feature by feature.
      const lagged = Array.from({ length: K - 1 }, (_, k) => past[past.length - (K - 1) + k] ?? zeros(I));
      finals.xs.push(Array.from({ length: I }, (_, u) => lagged.map((v) => v[u])).flat());
    }
    return { outputs, states: finals };
  };
}

const common = { inputSize: 2, hiddenSize: 3, seqLen: 6 };

testCell({
  id: 'mrnn',
  ...common,
  options: { K, dynamic: true },
  reference: reference(true, K),
  // d: W_dd I×I + b_d I, W_hd I×H, W_md I×H, W_xd I×I; m: W_mm H×H + b H, W_fm H×I;
  // h: W_hh H×H + b H, W_xh H×I; z: W_hz H×H + b H, W_mz H×H.
  paramCount: (I, H) => (I * I + I + 2 * I * H + I * I) + (H * H + H + H * I) * 2 + (H * H + H + H * H),
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01, cellOptions: { K: 5, dynamic: true } }, steps: 60 },
});

testCell({
  id: 'mrnn',
  ...common,
  // K = 2: the one-block lag buffer, a path of its own in the cell.
  options: { K: 2, dynamic: false },
  reference: reference(false, 2),
  paramCount: (I, H) => I + (H * H + H + H * I) * 2 + (H * H + H + H * H),
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01, cellOptions: { K: 5, dynamic: false } }, steps: 60 },
});

describe('mrnn filter weights shown live', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('gate w holds the (1 − B)^d coefficients: d = 0.25 gives −0.25, −0.09375, −0.0546875', () => {
    const cell = getCell('mrnn');
    const dims = { inputSize: 2, hiddenSize: 3, seqLen: 2, layer: 0, numLayers: 1, options: { K: 3, dynamic: false } };
    const rng = createRng(1);
    const gate = tf.tidy(() => {
      // b_d = 0 is the fixed-d init, so d = ½σ(0) = 0.25 for every feature.
      const p = Object.fromEntries(cell.params(dims).map((s) => [s.name, tf.tensor(s.init(s.shape, rng.fork(s.name)), s.shape)]));
      const run = runLayer(cell, p, tf.ones([2, 4, 2]) as tf.Tensor3D, dims, { record: true });
      return { w: run.trace!.w.arraySync() as number[][][], d: run.trace!.d.arraySync() as number[][][] };
    });
    for (const row of gate.d[1]) for (const v of row) expect(v).toBeCloseTo(0.25, 6);
    for (const row of gate.w[1]) {
      expect(row[0]).toBeCloseTo(-0.25, 6);
      expect(row[1]).toBeCloseTo(-0.09375, 6);
      expect(row[2]).toBeCloseTo(-0.0546875, 6);
    }
  });
});
