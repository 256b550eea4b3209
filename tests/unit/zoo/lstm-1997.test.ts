// The 1997 LSTM against Hochreiter & Schmidhuber's equations (no forget gate), with both squashing
// choices, plus the two properties the card claims for the Constant Error Carousel.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lstm1997 } from '../../../src/cells/lstm-1997';
import type { CellDims } from '../../../src/cells/types';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { add, map, matVec, mul, sigmoid, testCell, vec } from './harness';
import type { ZooCase } from './harness';

const reference = (paper: boolean): ZooCase['reference'] => (x, p, dims) => {
  const H = dims.hiddenSize;
  const B = x[0].length;
  const gFn = paper ? (v: number) => 4 * sigmoid(v) - 2 : Math.tanh;
  const hFn = paper ? (v: number) => 2 * sigmoid(v) - 1 : Math.tanh;
  const bias = add(vec(p.bias_ih), vec(p.bias_hh));
  let h = Array.from({ length: B }, () => new Array(H).fill(0));
  let c = Array.from({ length: B }, () => new Array(H).fill(0));
  const outputs: number[][][] = [];
  for (const xt of x) {
    const next = xt.map((xb, b) => {
      const z = add(matVec(p.weight_ih, xb), matVec(p.weight_hh, h[b]), bias);
      const i = map(z.slice(0, H), sigmoid);
      const g = map(z.slice(H, 2 * H), gFn);
      const o = map(z.slice(2 * H), sigmoid);
      const cb = add(c[b], mul(i, g));
      return { c: cb, h: mul(o, map(cb, hFn)) };
    });
    h = next.map((n) => n.h);
    c = next.map((n) => n.c);
    outputs.push(h);
  }
  return { outputs, states: { h, c } };
};

const paramCount = (I: number, H: number) => 3 * H * (I + H) + 6 * H;

testCell({ id: 'lstm-1997', reference: reference(true), paramCount, train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 } });
testCell({ id: 'lstm-1997', options: { squash: 'tanh' }, reference: reference(false), paramCount,
  train: { overrides: { taskId: 'adding', seqLen: 10, cellOptions: { squash: 'tanh' } }, steps: 60 } });

describe('lstm-1997 Constant Error Carousel', () => {
  const I = 3;
  const H = 4;
  const B = 2;
  const steps = 25;
  const dims: CellDims = { inputSize: I, hiddenSize: H, seqLen: steps, layer: 0, numLayers: 1, options: { squash: 'paper' } };

  beforeAll(async () => {
    await useNodeBackend();
  });

  /** Generic random weights, with the i and g bias blocks overridden. */
  function params(iBias: number, gBias?: number) {
    const rng = createRng(7);
    const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal(0, 0.7));
    const wih = draw(3 * H * I);
    const whh = draw(3 * H * H);
    const bih = draw(3 * H);
    for (let j = 0; j < H; j++) bih[j] = iBias;
    if (gBias !== undefined) {
      // g ignores x and h and sits at g(gBias): a constant write every step.
      for (let r = H; r < 2 * H; r++) {
        wih.fill(0, r * I, (r + 1) * I);
        whh.fill(0, r * H, (r + 1) * H);
        bih[r] = gBias;
      }
    }
    return {
      weight_ih: tf.tensor2d(wih, [3 * H, I]),
      weight_hh: tf.tensor2d(whh, [3 * H, H]),
      bias_ih: tf.tensor1d(bih),
      bias_hh: tf.zeros([3 * H]),
    };
  }

  function run(p: ReturnType<typeof params>, c0: number[][]) {
    const rng = createRng(8);
    const xs = tf.tensor3d(Float32Array.from({ length: steps * B * I }, () => rng.normal(0, 2)), [steps, B, I]);
    const state0 = { h: tf.tensor2d(Float32Array.from({ length: B * H }, () => rng.uniform(-1, 1)), [B, H]), c: tf.tensor2d(c0) };
    const out = runLayer(lstm1997, p, xs, dims, { state0, record: true });
    return { c: out.final.c.arraySync(), cTrace: out.trace!.c.arraySync() as number[][][], h: out.final.h.arraySync() };
  }

  it('carries the cell state exactly, bit for bit, while the input gate is shut', () => {
    const c0 = [[0.3, -1.7, 2.5, 0.01], [-0.9, 4.2, -3.3, 1e-3]];
    tf.tidy(() => {
      // σ(−1e4) is exactly 0 in float32, so i ⊙ g adds exactly zero whatever x, h and g are.
      const { c, cTrace } = run(params(-1e4), c0);
      const f32 = c0.map((r) => Array.from(Float32Array.from(r)));
      expect(c).toEqual(f32);
      for (const ct of cTrace) expect(ct).toEqual(f32);
    });
  });

  it('lets the cell state grow without bound: with i = 1 and g = 2 it climbs by 2 every step', () => {
    const c0 = [[0, 0, 0, 0], [1, -1, 0.5, 0]];
    tf.tidy(() => {
      // σ(±1e4) = 1 and 4σ(1e4) − 2 = 2 exactly: c_t = c_0 + 2t, nothing pulls it back.
      const { cTrace, h } = run(params(1e4, 1e4), c0);
      cTrace.forEach((ct, t) => ct.forEach((row, b) => row.forEach((v, j) => {
        expect(v).toBeCloseTo(c0[b][j] + 2 * (t + 1), 4);
      })));
      // h = o ⊙ (2σ(c) − 1) is stuck at o: the saturated output no longer reflects c.
      const cFinal = cTrace[steps - 1];
      for (const row of cFinal) for (const v of row) expect(2 / (1 + Math.exp(-v)) - 1).toBeGreaterThan(0.9999);
      expect(h.flat().every(Number.isFinite)).toBe(true);
    });
  });
});
