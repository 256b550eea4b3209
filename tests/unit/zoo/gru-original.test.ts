// Cho et al.'s GRU (reset before the recurrent matmul) against its equations, and against
// PyTorch's reset-after 'gru': different in general, identical when the reset gate is 1.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gru } from '../../../src/cells/gru';
import { gruOriginal } from '../../../src/cells/gru-original';
import type { CellDims, CellSpec } from '../../../src/cells/types';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { add, map, matVec, mul, sigmoid, testCell, vec } from './harness';

testCell({
  id: 'gru-original',
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const [bih, bhh] = [vec(p.bias_ih), vec(p.bias_hh)];
    // U_n alone: the last H rows of weight_hh.
    const un = { shape: [H, H], data: p.weight_hh.data.slice(2 * H * H) };
    let h = Array.from({ length: B }, () => new Array(H).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      h = xt.map((xb, b) => {
        const gx = add(matVec(p.weight_ih, xb), bih);
        const gh = add(matVec(p.weight_hh, h[b]), bhh);
        const r = map(add(gx.slice(0, H), gh.slice(0, H)), sigmoid);
        const z = map(add(gx.slice(H, 2 * H), gh.slice(H, 2 * H)), sigmoid);
        const n = map(add(gx.slice(2 * H), matVec(un, mul(r, h[b])), bhh.slice(2 * H)), Math.tanh);
        return n.map((nj, j) => (1 - z[j]) * nj + z[j] * h[b][j]);
      });
      outputs.push(h);
    }
    return { outputs, states: { h } };
  },
  paramCount: (I, H) => 3 * H * (I + H) + 6 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
});

describe('gru-original vs PyTorch reset-after gru', () => {
  const I = 3;
  const H = 5;
  const B = 2;
  const steps = 8;
  const dims: CellDims = { inputSize: I, hiddenSize: H, seqLen: steps, layer: 0, numLayers: 1, options: {} };

  beforeAll(async () => {
    await useNodeBackend();
  });

  function params(resetBias: number | null) {
    const rng = createRng(21);
    const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal(0, 0.8));
    const bih = draw(3 * H);
    if (resetBias !== null) bih.fill(resetBias, 0, H);
    return {
      weight_ih: tf.tensor2d(draw(3 * H * I), [3 * H, I]),
      weight_hh: tf.tensor2d(draw(3 * H * H), [3 * H, H]),
      bias_ih: tf.tensor1d(bih),
      bias_hh: tf.tensor1d(draw(3 * H)),
    };
  }

  function outputs(cell: CellSpec, p: ReturnType<typeof params>) {
    const rng = createRng(22);
    const xs = tf.tensor3d(Float32Array.from({ length: steps * B * I }, () => rng.normal(0, 1)), [steps, B, I]);
    const run = runLayer(cell, p, xs, dims, { record: true });
    return { h: run.outputs.map((o) => o.arraySync()), r: run.trace!.r.arraySync() as number[][][] };
  }

  const maxDiff = (a: number[][][], b: number[][][]) =>
    Math.max(...a.flatMap((m, t) => m.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[t][i][j])))));

  it('differs from the reset-after GRU for generic weights', () => {
    tf.tidy(() => {
      const p = params(null);
      // b_hn ≠ 0 and r ≠ 1 make r ⊙ (U h + b) and U (r ⊙ h) + b differ from the first step on.
      expect(maxDiff(outputs(gruOriginal, p).h, outputs(gru, p).h)).toBeGreaterThan(1e-2);
    });
  });

  it('equals the reset-after GRU when the reset gate is 1 (huge reset bias)', () => {
    tf.tidy(() => {
      const p = params(1e4);
      const orig = outputs(gruOriginal, p);
      for (const v of orig.r.flat(2)) expect(v).toBe(1);
      expect(maxDiff(orig.h, outputs(gru, p).h)).toBeLessThan(1e-6);
    });
  });
});
