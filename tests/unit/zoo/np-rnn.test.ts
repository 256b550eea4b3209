// np-RNN: the harness against a plain-JS ReLU recurrence, plus the init's spectral claims,
// checked with linalg's Jacobi SVD (an independent method from the cell's power iteration).
import { describe, expect, it } from 'vitest';
import { singularValues } from '../../../src/cells/linalg';
import { getCell } from '../../../src/cells/registry';
import { createRng } from '../../../src/engine/rng';
import { add, map, matVec, testCell, vec } from './harness';

const relu = (v: number) => Math.max(0, v);

testCell({
  id: 'np-rnn',
  seqLen: 5,
  // Batch 1 keeps every ReLU pre-activation away from the kink by more than the harness's
  // finite-difference step (checked for this seed), so the central difference is meaningful.
  batch: 1,
  reference(x, p, dims) {
    let h = x[0].map(() => new Array(dims.hiddenSize).fill(0));
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

describe('np-rnn init', () => {
  for (const H of [6, 32]) {
    it(`W_hh is symmetric, positive definite, with largest eigenvalue 1 (H = ${H})`, () => {
      const spec = getCell('np-rnn').params({ inputSize: 2, hiddenSize: H, seqLen: 5, layer: 0, numLayers: 1, options: {} })
        .find((s) => s.name === 'weight_hh')!;
      const w = spec.init(spec.shape, createRng(7 + H));
      for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) expect(w[i * H + j]).toBeCloseTo(w[j * H + i], 6);
      // For a symmetric PSD matrix the singular values are the eigenvalues.
      const s = singularValues(w, H, H);
      expect(s[0]).toBeCloseTo(1, 5);
      // R = I + AᵀA/N ⪰ I, so every eigenvalue of R/λ_max is at least 1/λ_max > 0.
      expect(s[H - 1]).toBeGreaterThan(0.1);
      expect(s[H - 1]).toBeLessThan(1);
      // Not the identity: the spectrum is spread out (Marchenko–Pastur, shifted by 1).
      expect(s[0] - s[H - 1]).toBeGreaterThan(0.3);
    });
  }
});
