// RIN: the harness against a plain-JS recurrence with U + I, and the IRNN equivalence the card claims.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import type { CellDims, Params } from '../../../src/cells/types';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { add, map, matVec, testCell, vec } from './harness';

const relu = (v: number) => Math.max(0, v);

testCell({
  id: 'rin',
  seqLen: 5,
  // Batch 1 keeps every ReLU pre-activation farther from its kink than the harness's
  // finite-difference step (checked for this seed), so the central difference is meaningful.
  batch: 1,
  reference(x, p, dims) {
    let h = x[0].map(() => new Array(dims.hiddenSize).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      h = xt.map((xb, b) => map(add(matVec(p.weight_ih, xb), matVec(p.weight_hh, h[b]), h[b], vec(p.bias)), relu));
      outputs.push(h);
    }
    return { outputs, states: { h } };
  },
  paramCount: (I, H) => H * I + H * H + H,
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.005 }, steps: 100 },
});

describe('rin is irnn reparameterised', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  const I = 3;
  const H = 5;
  const Tn = 7;
  const B = 4;
  const dims: CellDims = { inputSize: I, hiddenSize: H, seqLen: Tn, layer: 0, numLayers: 1, options: {} };
  const rng = createRng(21);
  const rand = (n: number, s: number) => Float32Array.from({ length: n }, () => rng.normal(0, s));
  const wih = rand(H * I, 0.5);
  const bias = rand(H, 0.3);
  const xs = rand(Tn * B * I, 1);
  const eye = Float32Array.from({ length: H * H }, (_, k) => (k % (H + 1) === 0 ? 1 : 0));

  const run = (id: string, whh: tf.Tensor, p: Params) =>
    runLayer(getCell(id), { ...p, weight_hh: whh }, tf.tensor3d(xs, [Tn, B, I]), dims).outputs;

  it('with U = 0 gives the IRNN’s states with W_hh = I, step for step', () => {
    tf.tidy(() => {
      const p = { weight_ih: tf.tensor2d(wih, [H, I]), bias: tf.tensor1d(bias) };
      const rinOut = run('rin', tf.zeros([H, H]), p);
      const irnnOut = run('irnn', tf.tensor2d(eye, [H, H]), p);
      let active = 0;
      rinOut.forEach((o, t) => {
        const a = o.dataSync();
        const b = irnnOut[t].dataSync();
        for (let k = 0; k < a.length; k++) {
          expect(a[k], `t=${t} [${k}]`).toBeCloseTo(b[k], 6);
          if (a[k] > 0) active++;
        }
      });
      expect(active).toBeGreaterThan(Tn * B); // not a trivially all-zero comparison
    });
  });

  it('∂L/∂U of the RIN equals ∂L/∂W_hh of the IRNN at W_hh = U + I (and the other gradients agree)', () => {
    tf.tidy(() => {
      const u0 = rand(H * H, 0.1); // any U: the identity holds everywhere, not only at U = 0
      const target = rand(Tn * B * H, 1);
      const gradsOf = (id: string, whhData: Float32Array) => {
        const f = (wi: tf.Tensor, whh: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(tf.stack(run(id, whh, { weight_ih: wi, bias: b })), tf.tensor3d(target, [Tn, B, H]))) as tf.Scalar;
        return tf.grads(f)([tf.tensor2d(wih, [H, I]), tf.tensor2d(whhData, [H, H]), tf.tensor1d(bias)]).map((g) => g.dataSync());
      };
      const gRin = gradsOf('rin', u0);
      const gIrnn = gradsOf('irnn', u0.map((v, k) => v + eye[k]));
      const names = ['W_ih', 'U vs W_hh', 'bias'];
      gRin.forEach((g, i) => {
        expect(Math.max(...Array.from(g).map(Math.abs)), names[i]).toBeGreaterThan(1e-3);
        g.forEach((v, k) => expect(v, `${names[i]}[${k}]`).toBeCloseTo(gIrnn[i][k], 4));
      });
    });
  });
});
