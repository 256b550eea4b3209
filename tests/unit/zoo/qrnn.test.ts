// QRNN against a plain-JS forward written from Bradbury et al. 2016, eqs. 1–4 (masked convolution
// of width k as an explicit sum over the window, then fo-pooling with f on the old cell).
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { at, sigmoid, testCell } from './harness';
import type { Arr } from './harness';

function qrnnReference(x: number[][][], p: Record<string, Arr>, H: number, k: number) {
  const B = x[0].length;
  const I = x[0][0].length;
  let c = Array.from({ length: B }, () => new Array(H).fill(0));
  let h = c;
  const outputs: number[][][] = [];
  for (let t = 0; t < x.length; t++) {
    const next = x[t].map((_, b) => {
      // Conv tap j (0 = oldest) reads x_{t−k+1+j}; columns of W are grouped per tap.
      const pre = (row: number) => {
        let s = at(p.bias, row);
        for (let j = 0; j < k; j++) {
          const tt = t - k + 1 + j;
          if (tt < 0) continue;
          for (let i = 0; i < I; i++) s += at(p.weight, row, j * I + i) * x[tt][b][i];
        }
        return s;
      };
      const cb = new Array(H);
      const hb = new Array(H);
      for (let u = 0; u < H; u++) {
        const z = Math.tanh(pre(u));
        const f = sigmoid(pre(H + u));
        const o = sigmoid(pre(2 * H + u));
        cb[u] = f * c[b][u] + (1 - f) * z;
        hb[u] = o * cb[u];
      }
      return { c: cb, h: hb };
    });
    c = next.map((n) => n.c);
    h = next.map((n) => n.h);
    outputs.push(h);
  }
  return { outputs, states: { h, c } };
}

for (const window of [2, 3]) {
  testCell({
    id: 'qrnn',
    options: { window },
    seqLen: 5,
    reference: (x, p, dims) => qrnnReference(x, p, dims.hiddenSize, window),
    paramCount: (I, H) => 3 * H * window * I + 3 * H,
    train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: window === 2 ? 80 : 40 },
  });
}

describe('qrnn masked convolution', () => {
  it('is causal: changing x_T leaves every earlier output unchanged, and changes the last', async () => {
    await useNodeBackend();
    const cell = getCell('qrnn');
    const dims = { inputSize: 2, hiddenSize: 3, seqLen: 5, layer: 0, numLayers: 1, options: { window: 3 } };
    const rng = createRng(3);
    const p = Object.fromEntries(cell.params(dims).map((s) => [s.name, tf.tensor(s.init(s.shape, rng), s.shape)]));
    const x = Array.from({ length: 5 * 2 * 2 }, () => rng.normal(0, 1));
    const run = (data: number[]) => tf.tidy(() =>
      runLayer(cell, p, tf.tensor3d(data, [5, 2, 2]), dims).outputs.map((o) => o.arraySync() as number[][]));
    const a = run(x);
    const y = x.slice();
    y[y.length - 1] += 1;
    const b = run(y);
    for (let t = 0; t < 4; t++) expect(b[t]).toEqual(a[t]);
    expect(b[4]).not.toEqual(a[4]);
    tf.dispose(Object.values(p));
  });

  it('is causal in its own reading order when it runs backwards (bidirectional)', async () => {
    await useNodeBackend();
    const cell = getCell('qrnn');
    const dims = { inputSize: 2, hiddenSize: 3, seqLen: 5, layer: 0, numLayers: 1, options: { window: 2 }, reverse: true };
    const rng = createRng(4);
    const p = Object.fromEntries(cell.params(dims).map((s) => [s.name, tf.tensor(s.init(s.shape, rng), s.shape)]));
    const x = Array.from({ length: 5 * 2 * 2 }, () => rng.normal(0, 1));
    const run = (data: number[]) => tf.tidy(() =>
      runLayer(cell, p, tf.tensor3d(data, [5, 2, 2]), dims, { reverse: true }).outputs.map((o) => o.arraySync() as number[][]));
    const a = run(x);
    const y = x.slice();
    y[0] += 1; // x_0 is the LAST thing the backward direction reads
    const b = run(y);
    for (let t = 1; t < 5; t++) expect(b[t]).toEqual(a[t]);
    expect(b[0]).not.toEqual(a[0]);
    tf.dispose(Object.values(p));
  });
});
