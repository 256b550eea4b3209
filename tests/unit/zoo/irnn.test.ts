// IRNN: the harness against a plain-JS ReLU recurrence, plus the claim the cell rests on.
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { initStackValues } from '../../../src/engine/stack';
import { add, map, matVec, testCell, vec } from './harness';

const relu = (v: number) => Math.max(0, v);

testCell({
  id: 'irnn',
  options: { alpha: 0.9 },
  noise: 0.2,
  seqLen: 5,
  // Batch 1: with two sequences one ReLU pre-activation lands within the harness's
  // finite-difference step (0.01) of its kink, where a central difference is meaningless.
  batch: 1,
  reference(x, p, dims) {
    const B = x[0].length;
    let h = Array.from({ length: B }, () => new Array(dims.hiddenSize).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      h = xt.map((xb, b) => map(add(matVec(p.weight_ih, xb), matVec(p.weight_hh, h[b]), vec(p.bias)), relu));
      outputs.push(h);
    }
    return { outputs, states: { h } };
  },
  paramCount: (I, H) => H * I + H * H + H,
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.005 }, steps: 100 },
});

describe('irnn init', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });
  it('starts with W_hh = αI, zero bias and N(0, 0.001²) input weights', () => {
    const cell = getCell('irnn');
    const dims = { inputSize: 2, hiddenSize: 4, seqLen: 3, layer: 0, numLayers: 1, options: { alpha: 0.5 } };
    const specs = cell.params(dims);
    const rng = createRng(3);
    const w = specs.find((s) => s.name === 'weight_hh')!;
    const v = w.init(w.shape, rng);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(v[i * 4 + j]).toBe(i === j ? 0.5 : 0);
    const b = specs.find((s) => s.name === 'bias')!;
    expect(Array.from(b.init(b.shape, rng))).toEqual([0, 0, 0, 0]);
    const wi = specs.find((s) => s.name === 'weight_ih')!;
    const vi = wi.init(wi.shape, rng);
    expect(Math.max(...Array.from(vi).map(Math.abs))).toBeLessThan(0.005);
    expect(Math.max(...Array.from(vi).map(Math.abs))).toBeGreaterThan(0);
  });
  it('the ρ control sets the spectral radius of α·I: W_hh starts as ρ·I whatever α', () => {
    const cfg = { cell: getCell('irnn'), inputSize: 2, hiddenSize: 3, numLayers: 1, bidirectional: false, seqLen: 5,
      options: { alpha: 0.8 }, recurrentScale: 0.5 };
    const w = initStackValues(cfg, createRng(1)).get('weight_hh_l0')!.values;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(w[i * 3 + j]).toBeCloseTo(i === j ? 0.5 : 0, 6);
  });
});
