// mLSTM against a plain-JS forward written from the authors' MLSTMCell / MLSTMFixDCell
// (noah-research mRNN-mLSTM/layers.py), plus a hand-checked case for the sign of the filter.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { runLayer } from '../../../src/engine/unroll';
import { add, fracDiffWeights, map, matVec, mul, sigmoid, testCell, vec } from './harness';
import type { Arr, ZooCase } from './harness';

const K = 3;

function reference(dynamic: boolean, K: number): ZooCase['reference'] {
  return (x, p: Record<string, Arr>, dims) => {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const zeros = (n: number) => new Array(n).fill(0);
    const outputs: number[][][] = [];
    const finals = { h: [] as number[][], c: [] as number[][], d: [] as number[][], cs: [] as number[][] };
    for (let b = 0; b < B; b++) {
      let h = zeros(H), d = zeros(H);
      const cells: number[][] = []; // every cell so far, oldest first; before the start, zeros
      x.forEach((xt, t) => {
        const xh = [...xt[b], ...h];
        d = dynamic
          ? map(add(matVec(p.weight_d, [...xh, ...d]), vec(p.bias_d)), (v) => 0.5 * sigmoid(v))
          : map(vec(p.delta), (v) => 0.5 * sigmoid(v));
        const i = map(add(matVec(p.weight_i, xh), vec(p.bias_i)), sigmoid);
        const g = map(add(matVec(p.weight_c, xh), vec(p.bias_c)), Math.tanh);
        const o = map(add(matVec(p.weight_o, xh), vec(p.bias_o)), sigmoid);
        const c = mul(i, g);
        for (let u = 0; u < H; u++) {
          const w = fracDiffWeights(d[u], K);
          for (let j = 1; j <= K; j++) {
            const past = cells[cells.length - j];
            if (past) c[u] -= w[j - 1] * past[u];
          }
        }
        cells.push(c);
        h = mul(o, map(c, Math.tanh));
        (outputs[t] ??= [])[b] = h;
      });
      finals.h.push(h);
      finals.c.push(cells[cells.length - 1]);
      finals.d.push(d);
      // c_{t−K+1} … c_{t−1}, oldest first, unit by unit.
      const lagged = Array.from({ length: K - 1 }, (_, k) => cells[cells.length - K + k] ?? zeros(H));
      finals.cs.push(Array.from({ length: H }, (_, u) => lagged.map((v) => v[u])).flat());
    }
    return { outputs, states: finals };
  };
}

const common = { inputSize: 2, hiddenSize: 3, seqLen: 6 };
const gates = (I: number, H: number) => 3 * (H * (I + H) + H);

testCell({
  id: 'mlstm',
  ...common,
  options: { K, dynamic: true },
  reference: reference(true, K),
  // i, c̃, o: H×(I+H) + H each; d: H×(I+2H) + H.
  paramCount: (I, H) => gates(I, H) + H * (I + 2 * H) + H,
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01, cellOptions: { K: 5, dynamic: true } }, steps: 60 },
});

testCell({
  id: 'mlstm',
  ...common,
  // K = 2: the one-block lag buffer, a path of its own in the cell.
  options: { K: 2, dynamic: false },
  reference: reference(false, 2),
  paramCount: (I, H) => gates(I, H) + H,
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01, cellOptions: { K: 5, dynamic: false } }, steps: 60 },
});

describe('mlstm filter sign', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('adds +d·c_{t−1} and +d(1−d)/2·c_{t−2}: with i·c̃ = 0.4 every step and d = 0.25, c = 0.4, 0.5, 0.5625', () => {
    const cell = getCell('mlstm');
    const dims = { inputSize: 1, hiddenSize: 1, seqLen: 3, layer: 0, numLayers: 1, options: { K: 3, dynamic: false } };
    const cs = tf.tidy(() => {
      // Zero weights: i = σ(0) = ½, c̃ = tanh(atanh 0.8) = 0.8, so i·c̃ = 0.4; δ = 0 gives d = ¼.
      const p = Object.fromEntries(cell.params(dims).map((s) => [s.name, tf.zeros(s.shape)]));
      p.bias_c = tf.tensor1d([Math.atanh(0.8)]);
      const run = runLayer(cell, p, tf.zeros([3, 1, 1]) as tf.Tensor3D, dims, { record: true });
      return (run.trace!.c.arraySync() as number[][][]).map((r) => r[0][0]);
    });
    // c_2 = ¼·0.4 + 0.4; c_3 = ¼·0.5 + (¼·¾/2)·0.4 + 0.4.
    expect(cs[0]).toBeCloseTo(0.4, 5);
    expect(cs[1]).toBeCloseTo(0.5, 5);
    expect(cs[2]).toBeCloseTo(0.5625, 5);
  });
});
