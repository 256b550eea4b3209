// SCRNN: the harness against a plain-JS fast/slow recurrence that emits [h; s].
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { add, map, matVec, sigmoid, testCell } from './harness';

testCell({
  id: 'scrnn',
  options: { alpha: 0.9, contextSize: 2 },
  seqLen: 6,
  reference(x, p, dims) {
    const alpha = Number(dims.options.alpha);
    const B = x[0].length;
    let h = Array.from({ length: B }, () => new Array(dims.hiddenSize).fill(0));
    let s = Array.from({ length: B }, () => new Array(2).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      s = xt.map((xb, b) => add(map(matVec(p.B, xb), (v) => (1 - alpha) * v), map(s[b], (v) => alpha * v)));
      h = xt.map((xb, b) => map(add(matVec(p.P, s[b]), matVec(p.A, xb), matVec(p.R, h[b])), sigmoid));
      outputs.push(h.map((hb, b) => [...hb, ...s[b]]));
    }
    return { outputs, states: { h, s } };
  },
  // B: S·I, A: H·I, P: H·S, R: H·H; no biases in the recurrent layer.
  paramCount: (I, H, o) => Number(o.contextSize) * I + H * I + H * Number(o.contextSize) + H * H,
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01 }, steps: 100 },
});

describe('scrnn emits both parts', () => {
  it('outputs H + S features (the paper’s output reads h and s)', () => {
    const d = { inputSize: 3, hiddenSize: 10, seqLen: 5, layer: 0, numLayers: 1, options: { contextSize: 4, alpha: 0.95 } };
    expect(getCell('scrnn').outputSize(d)).toBe(14);
  });
});
