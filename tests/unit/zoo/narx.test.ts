// NARX against a plain-JS forward from Lin et al. 1996 (as in ../shared/cell-equations.md §7): a
// literal history of past outputs (or hidden states) instead of the cell's shifted delay line.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { add, matVec, testCell, vec } from './harness';
import type { Arr } from './harness';

function narxReference(x: number[][][], p: Record<string, Arr>, H: number, n: number, feedback: string) {
  const outputs: number[][][] = [];
  let h: number[][] = [];
  const hist: number[][][] = []; // hist[t][b]: what step t feeds back (y_t or h_t)
  for (let t = 0; t < x.length; t++) {
    h = x[t].map((xb, b) => {
      let a = add(matVec(p.weight_ih, xb), vec(p.bias));
      const m = p.weight_taps.shape[1] / n;
      for (let d = 1; d <= n; d++) {
        const past = t - d >= 0 ? hist[t - d][b] : new Array(m).fill(0);
        for (let i = 0; i < H; i++) for (let j = 0; j < m; j++) a[i] += p.weight_taps.data[i * n * m + (d - 1) * m + j] * past[j];
      }
      a = a.map(Math.tanh);
      return a;
    });
    const y = h.map((hb) => add(matVec(p.weight_y, hb), vec(p.bias_y)));
    hist.push(feedback === 'output' ? y : h);
    outputs.push(y);
  }
  return { outputs, states: { h } };
}

for (const [feedback, order] of [['output', 3], ['hidden', 2]] as const) {
  testCell({
    id: 'narx',
    options: { feedback, order, outputs: 2 },
    seqLen: 6,
    reference: (x, p, dims) => narxReference(x, p, dims.hiddenSize, order, feedback),
    paramCount: (I, H) => H * I + H * order * (feedback === 'output' ? 2 : H) + H + 2 * H + 2,
    train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
  });
}

describe('narx delay line', () => {
  it('is a jump-ahead path: with order n, ∂h_t/∂x_{t−n} does not pass through h_{t−1}', async () => {
    // Cut the hidden→y path at step t−1 only by zeroing W_taps's first block (d = 1): with
    // order 1 that kills all memory, with order 3 the input at t−3 still reaches h_t.
    await useNodeBackend();
    const cell = getCell('narx');
    const grad = (order: number) => tf.tidy(() => {
      const dims = { inputSize: 1, hiddenSize: 4, seqLen: 4, layer: 0, numLayers: 1, options: { feedback: 'output', order, outputs: 2 } };
      const rng = createRng(9);
      const p = Object.fromEntries(cell.params(dims).map((s) => {
        const v = s.init(s.shape, rng);
        if (s.name === 'weight_taps') for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) v[i * order * 2 + j] = 0;
        return [s.name, tf.tensor(v, s.shape)];
      }));
      const g = tf.grad((xs: tf.Tensor) => tf.sum(runLayer(cell, p, xs as tf.Tensor3D, dims).outputs[3]))(tf.ones([4, 1, 1]));
      return Math.abs((g.arraySync() as number[][][])[0][0][0]);
    });
    expect(grad(1)).toBe(0);
    expect(grad(3)).toBeGreaterThan(1e-4);
  });
});
