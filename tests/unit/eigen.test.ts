import { describe, expect, it } from 'vitest';
import { eigenvalues, spectralRadius } from '../../src/cells/eigen';
import { singularValues } from '../../src/cells/linalg';
import { createRng } from '../../src/engine/rng';

const sorted = (xs: ArrayLike<number>) => Array.from(xs).sort((a, b) => a - b);

function randomMatrix(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n * n }, () => rng.normal());
}

/** Σλ, the product Πλ and Σλ² from the eigenvalues (complex arithmetic). */
function invariants(a: ArrayLike<number>, n: number) {
  const { re, im } = eigenvalues(a, n);
  let tr = 0, tr2 = 0, pr = 1, pi = 0;
  for (let i = 0; i < n; i++) {
    tr += re[i];
    tr2 += re[i] * re[i] - im[i] * im[i];
    [pr, pi] = [pr * re[i] - pi * im[i], pr * im[i] + pi * re[i]];
  }
  return { tr, tr2, det: pr, detIm: pi };
}

function det(a: ArrayLike<number>, n: number): number {
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => a[i * n + j]));
  let d = 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (piv !== c) { [m[piv], m[c]] = [m[c], m[piv]]; d = -d; }
    d *= m[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k < n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return d;
}

describe('eigenvalues of a nonsymmetric real matrix', () => {
  it('a rotation by θ scaled by r: r·e^{±iθ}', () => {
    const r = 0.7, th = 0.9;
    const { re, im } = eigenvalues([r * Math.cos(th), -r * Math.sin(th), r * Math.sin(th), r * Math.cos(th)], 2);
    expect(sorted(re)).toEqual([expect.closeTo(r * Math.cos(th), 12), expect.closeTo(r * Math.cos(th), 12)]);
    expect(sorted(im)).toEqual([expect.closeTo(-r * Math.sin(th), 12), expect.closeTo(r * Math.sin(th), 12)]);
  });

  it('a triangular matrix: its diagonal', () => {
    const a = [2, 5, -3, 7, 0, -1, 4, 1, 0, 0, 0.5, 9, 0, 0, 0, 3];
    const { re, im } = eigenvalues(a, 4);
    expect(sorted(re).map((x) => +x.toFixed(10))).toEqual([-1, 0.5, 2, 3]);
    for (const v of im) expect(Math.abs(v)).toBeLessThan(1e-12);
  });

  it('the companion matrix of (x − 1)(x − 2)(x − 3)(x² + 1): 1, 2, 3, ±i', () => {
    // x⁵ − 6x⁴ + 12x³ − 12x² + 11x − 6
    const c = [6, -12, 12, -11, 6];
    const n = 5;
    const a = new Float64Array(n * n);
    for (let j = 0; j < n; j++) a[j] = c[j];
    for (let i = 1; i < n; i++) a[i * n + i - 1] = 1;
    const { re, im } = eigenvalues(a, n);
    const roots = Array.from(re, (x, i) => [x, im[i]]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const want = [[0, -1], [0, 1], [1, 0], [2, 0], [3, 0]];
    roots.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(want[i][0], 8);
      expect(y).toBeCloseTo(want[i][1], 8);
    });
    expect(spectralRadius(a, n)).toBeCloseTo(3, 8);
  });

  it('a nilpotent shift and the zero matrix: ρ = 0; the identity: ρ = 1', () => {
    const n = 6;
    const shift = new Float64Array(n * n);
    for (let i = 1; i < n; i++) shift[i * n + i - 1] = 1;
    expect(spectralRadius(shift, n)).toBeLessThan(1e-12);
    expect(spectralRadius(new Float64Array(n * n), n)).toBe(0);
    const id = new Float64Array(n * n);
    for (let i = 0; i < n; i++) id[i * n + i] = 1;
    expect(spectralRadius(id, n)).toBeCloseTo(1, 12);
  });

  it('a symmetric matrix: |λ| are its singular values', () => {
    const n = 20;
    const g = randomMatrix(n, 3);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = g[i * n + j] + g[j * n + i];
    const { re, im } = eigenvalues(a, n);
    for (const v of im) expect(Math.abs(v)).toBeLessThan(1e-9);
    const abs = sorted(Array.from(re, Math.abs));
    const sv = sorted(singularValues(a, n, n));
    abs.forEach((v, i) => expect(v).toBeCloseTo(sv[i], 8));
  });

  it('random nonsymmetric matrices (n = 3 … 128): Σλ = trace, Σλ² = trace(A²), Πλ = det', () => {
    for (const [n, seed] of [[3, 1], [7, 2], [32, 3], [64, 4], [128, 5]]) {
      const a = randomMatrix(n, seed).map((x) => x / Math.sqrt(n));
      const inv = invariants(a, n);
      let tr = 0, tr2 = 0;
      for (let i = 0; i < n; i++) {
        tr += a[i * n + i];
        for (let k = 0; k < n; k++) tr2 += a[i * n + k] * a[k * n + i];
      }
      expect(inv.tr).toBeCloseTo(tr, 8);
      expect(inv.tr2).toBeCloseTo(tr2, 7);
      expect(Math.abs(inv.detIm)).toBeLessThan(1e-8 * Math.max(1, Math.abs(inv.det)));
      const d = det(a, n);
      expect(Math.abs(inv.det - d)).toBeLessThan(1e-7 * Math.max(1, Math.abs(d)));
    }
  });

  it('ρ agrees with Gelfand’s formula ‖Aᵏ‖^{1/k} on a random matrix', () => {
    const n = 16;
    const a = randomMatrix(n, 9).map((x) => x / Math.sqrt(n));
    const rho = spectralRadius(a, n);
    // Power iteration on the normalised matrix: ‖A^k v‖^{1/k} → ρ for a generic v.
    let v = new Float64Array(n).fill(1);
    let logNorm = 0;
    const k = 4000;
    for (let it = 0; it < k; it++) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) next[i] += a[i * n + j] * v[j];
      const norm = Math.hypot(...next);
      logNorm += Math.log(norm);
      v = next.map((x) => x / norm);
    }
    expect(Math.exp(logNorm / k)).toBeCloseTo(rho, 2);
  });
});
