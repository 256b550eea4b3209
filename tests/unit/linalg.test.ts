import { describe, expect, it } from 'vitest';
import { clipSingularValues, matMul, singularValues, svd } from '../../src/cells/linalg';
import { createRng } from '../../src/engine/rng';

function randomMatrix(rows: number, cols: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: rows * cols }, () => rng.normal());
}

function reconstruct(u: Float64Array, s: Float64Array, v: Float64Array, rows: number, cols: number): Float64Array {
  const k = s.length;
  const us = u.map((x, idx) => x * s[idx % k]);
  const vt = new Float64Array(k * cols);
  for (let j = 0; j < cols; j++) for (let l = 0; l < k; l++) vt[l * cols + j] = v[j * k + l];
  return matMul(us, vt, rows, k, cols);
}

function gramError(q: Float64Array, n: number, k: number): number {
  let worst = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += q[i * k + a] * q[i * k + b];
      worst = Math.max(worst, Math.abs(d - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('svd (ml-matrix)', () => {
  for (const [rows, cols] of [[6, 6], [9, 4], [3, 7], [32, 32], [1, 5]]) {
    it(`reconstructs a random ${rows}×${cols} matrix with orthonormal factors`, () => {
      const a = randomMatrix(rows, cols, rows * 100 + cols);
      const { u, s, v } = svd(a, rows, cols);
      const k = Math.min(rows, cols);
      expect(s.length).toBe(k);
      expect(maxAbsDiff(reconstruct(u, s, v, rows, cols), a)).toBeLessThan(1e-10);
      expect(gramError(u, rows, k)).toBeLessThan(1e-10);
      expect(gramError(v, cols, k)).toBeLessThan(1e-10);
      for (let i = 1; i < k; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
    });
  }

  it('finds known singular values: Q1 · diag(5, 3, 0.5, 0) · Q2ᵀ built from rotations', () => {
    // Orthogonal factors from Givens rotations, so the true spectrum is known by construction.
    const rot = (n: number, i: number, j: number, th: number) => {
      const r = new Float64Array(n * n);
      for (let d = 0; d < n; d++) r[d * n + d] = 1;
      r[i * n + i] = Math.cos(th); r[j * n + j] = Math.cos(th);
      r[i * n + j] = -Math.sin(th); r[j * n + i] = Math.sin(th);
      return r;
    };
    const q1 = matMul(rot(4, 0, 2, 0.7), rot(4, 1, 3, -1.1), 4, 4, 4);
    const q2 = matMul(rot(4, 0, 1, 0.3), rot(4, 2, 3, 2.0), 4, 4, 4);
    const d = Float64Array.from([5, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0]);
    const q2t = new Float64Array(16);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) q2t[j * 4 + i] = q2[i * 4 + j];
    const a = matMul(matMul(q1, d, 4, 4, 4), q2t, 4, 4, 4);
    const s = singularValues(a, 4, 4);
    expect(maxAbsDiff(s, [5, 3, 0.5, 0])).toBeLessThan(1e-12);
    // Rank-deficient: u still orthonormal (the zero column is completed).
    expect(gramError(svd(a, 4, 4).u, 4, 4)).toBeLessThan(1e-10);
  });

  it('diagonal and 2×2 cases by hand', () => {
    expect(Array.from(singularValues([0, -2, 3, 0], 2, 2))).toEqual([3, 2]);
    // [[1,1],[0,1]]: σ = (√5 ± 1)/2.
    const s = singularValues([1, 1, 0, 1], 2, 2);
    expect(s[0]).toBeCloseTo((Math.sqrt(5) + 1) / 2, 12);
    expect(s[1]).toBeCloseTo((Math.sqrt(5) - 1) / 2, 12);
  });

  it('a non-finite entry gives NaN throughout (never an endless QR sweep)', () => {
    const a = Float64Array.from([1, 2, NaN, 4, 5, 6]);
    for (const x of singularValues(a, 2, 3)) expect(Number.isNaN(x)).toBe(true);
    const { u, s, v } = svd(a, 3, 2);
    expect([...u, ...s, ...v].every(Number.isNaN)).toBe(true);
    expect(Array.from(clipSingularValues([Infinity, 0, 0, 1], 2, 2, 1)).every(Number.isNaN)).toBe(true);
  });

  it('rejects a length that does not match the shape', () => {
    expect(() => svd(new Float64Array(5), 2, 3)).toThrow(/2×3/);
  });
});

describe('clipSingularValues', () => {
  it('clips the spectrum and keeps the singular vectors', () => {
    const a = randomMatrix(8, 8, 7);
    const before = svd(a, 8, 8);
    const c = 0.6 * before.s[0] + 0.4 * before.s[7];
    const clipped = clipSingularValues(a, 8, 8, c);
    const after = singularValues(clipped, 8, 8);
    const expected = before.s.map((x) => Math.min(x, c));
    expect(maxAbsDiff(after, expected)).toBeLessThan(1e-10);
    expect(after[0]).toBeLessThanOrEqual(c + 1e-12);
    // Same singular vectors: aᵀ-side directions with σ below c are left untouched: a·v_k = σ_k u_k.
    const k = 7;
    const vk = Float64Array.from({ length: 8 }, (_, i) => before.v[i * 8 + k]);
    const av = matMul(clipped, vk, 8, 8, 1);
    const uk = Float64Array.from({ length: 8 }, (_, i) => before.u[i * 8 + k] * before.s[k]);
    expect(maxAbsDiff(av, uk)).toBeLessThan(1e-10);
  });

  it('is the identity when every singular value is already below the bound', () => {
    const a = randomMatrix(5, 3, 11);
    const big = singularValues(a, 5, 3)[0] + 1;
    expect(maxAbsDiff(clipSingularValues(a, 5, 3, big), a)).toBeLessThan(1e-12);
  });

  it('works on wide matrices', () => {
    const a = randomMatrix(3, 6, 12);
    const after = singularValues(clipSingularValues(a, 3, 6, 1), 3, 6);
    const expected = singularValues(a, 3, 6).map((x) => Math.min(x, 1));
    expect(maxAbsDiff(after, expected)).toBeLessThan(1e-10);
  });
});
