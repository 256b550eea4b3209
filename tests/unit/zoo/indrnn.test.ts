// IndRNN: the harness against a plain-JS per-unit recurrence, plus the |u| ≤ γ^{1/T} claims.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { Trainer } from '../../../src/engine/trainer';
import type { RunConfig } from '../../../src/protocol/messages';
import { add, map, matVec, mul, testCell, vec } from './harness';

const relu = (v: number) => Math.max(0, v);

testCell({
  id: 'indrnn',
  seqLen: 5,
  // Batch 1 keeps every ReLU pre-activation farther from its kink than the harness's
  // finite-difference step (checked for this seed), so the central difference is meaningful.
  batch: 1,
  reference(x, p, dims) {
    let h = x[0].map(() => new Array(dims.hiddenSize).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      h = xt.map((xb, b) => map(add(matVec(p.weight_ih, xb), mul(vec(p.u), h[b]), vec(p.bias)), relu));
      outputs.push(h);
    }
    return { outputs, states: { h } };
  },
  paramCount: (I, H) => H * I + H + H,
  train: { overrides: { taskId: 'adding', seqLen: 10, numLayers: 2, learningRate: 0.005 }, steps: 100 },
});

describe('indrnn bound on u', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('initialises u inside the bound: lower layers from 0, the top layer from (1/γ)^{1/T}', () => {
    const cell = getCell('indrnn');
    const T = 10;
    const bound = Math.pow(2, 1 / T);
    for (const layer of [0, 1]) {
      const spec = cell.params({ inputSize: 2, hiddenSize: 200, seqLen: T, layer, numLayers: 2, options: { gamma: 2 } })
        .find((s) => s.name === 'u')!;
      const u = Array.from(spec.init(spec.shape, createRng(layer + 1)));
      expect(Math.max(...u)).toBeLessThanOrEqual(bound);
      expect(Math.min(...u)).toBeGreaterThanOrEqual(layer === 1 ? Math.pow(0.5, 1 / T) : 0);
      // The lower layer really uses the whole range, not the top layer's.
      if (layer === 0) expect(Math.min(...u)).toBeLessThan(0.5);
    }
  });

  it('keeps every |u| ≤ 2^{1/T} after updates with a large learning rate, in both layers', async () => {
    const config: RunConfig = {
      cellId: 'indrnn', cellOptions: { gamma: 2 }, taskId: 'adding', seqLen: 8, hiddenSize: 16, numLayers: 2,
      bidirectional: false, learningRate: 0.5, batchSize: 16, recurrentScale: 1, clipNorm: 0, seed: 3,
    };
    const bound = Math.pow(2, 1 / 8);
    const tr = new Trainer(config);
    const before = tr.params.u_l1.dataSync().slice();
    tr.train(5);
    await tr.snapshot(1);
    let moved = 0;
    let atBound = 0;
    for (const name of ['u_l0', 'u_l1']) {
      const u = Array.from(tr.params[name].dataSync());
      for (const v of u) {
        expect(Math.abs(v)).toBeLessThanOrEqual(bound + 1e-6);
        if (Math.abs(Math.abs(v) - bound) < 1e-6) atBound++;
      }
    }
    tr.params.u_l1.dataSync().forEach((v, i) => { if (v !== before[i]) moved++; });
    tr.dispose();
    // The test could not fail if nothing pushed against the bound: make sure something did.
    expect(moved).toBeGreaterThan(0);
    expect(atBound).toBeGreaterThan(0);
  });

  it('constrain projects u onto [−γ^{1/T}, γ^{1/T}] and leaves values inside untouched', () => {
    const cell = getCell('indrnn');
    const dims = { inputSize: 2, hiddenSize: 3, seqLen: 4, layer: 0, numLayers: 1, options: { gamma: 2 } };
    const u = tf.variable(tf.tensor1d([3, -5, 0.5]));
    cell.constrain!({ u }, dims);
    const got = Array.from(u.dataSync());
    const b = Math.pow(2, 1 / 4);
    expect(got[0]).toBeCloseTo(b, 6);
    expect(got[1]).toBeCloseTo(-b, 6);
    expect(got[2]).toBeCloseTo(0.5, 6);
    u.dispose();
  });
});
