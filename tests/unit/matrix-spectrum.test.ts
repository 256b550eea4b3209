import { describe, expect, it } from 'vitest';
import { matrixSpectrum } from '../../src/engine/instruments/matrix-spectrum';
import { createRng } from '../../src/engine/rng';

type Pair = [number, number];
const byReIm = (a: Pair, b: Pair) => a[0] - b[0] || a[1] - b[1];

function expectPairs(got: Pair[] | null, want: Pair[], digits: number) {
  expect(got).not.toBeNull();
  const g = [...got!].sort(byReIm);
  const w = [...want].sort(byReIm);
  expect(g).toHaveLength(w.length);
  g.forEach(([re, im], i) => {
    expect(re).toBeCloseTo(w[i][0], digits);
    expect(im).toBeCloseTo(w[i][1], digits);
  });
}

describe('matrixSpectrum (ml-matrix)', () => {
  it('a rotation by θ: cos θ ± i sin θ on the unit circle, σ = 1, 1', () => {
    const th = 0.7;
    const s = matrixSpectrum([Math.cos(th), -Math.sin(th), Math.sin(th), Math.cos(th)], 2, 2, 'whh', '$W_{hh}$');
    expectPairs(s.eigenvalues, [[Math.cos(th), Math.sin(th)], [Math.cos(th), -Math.sin(th)]], 12);
    expect(s.radius).toBeCloseTo(1, 12);
    expect(s.singularValues).toEqual([expect.closeTo(1, 12), expect.closeTo(1, 12)]);
    expect(s.sigmaMax).toBeCloseTo(1, 12);
    expect(s.id).toBe('whh');
    expect(s.label).toBe('$W_{hh}$');
  });

  it('a diagonal matrix: its entries; singular values |d| descending', () => {
    const d = [0.5, -2, 1.5, 0, -0.25];
    const n = d.length;
    const a = new Float64Array(n * n);
    d.forEach((x, i) => (a[i * n + i] = x));
    const s = matrixSpectrum(a, n, n, 'diag', 'diag');
    expectPairs(s.eigenvalues, d.map((x) => [x, 0] as Pair), 12);
    expect(s.radius).toBeCloseTo(2, 12);
    expect(s.singularValues.map((x) => +x.toFixed(12))).toEqual([2, 1.5, 0.5, 0.25, 0]);
    expect(s.sigmaMax).toBeCloseTo(2, 12);
  });

  it('the companion matrix of (x − 0.5)(x + 2)(x² − 2x + 5): 0.5, −2, 1 ± 2i', () => {
    // (x² + 1.5x − 1)(x² − 2x + 5) = x⁴ − 0.5x³ + 1x² + 9.5x − 5
    const c = [0.5, -1, -9.5, 5]; // first row: −(a₃, a₂, a₁, a₀)
    const n = 4;
    const a = new Float64Array(n * n);
    c.forEach((x, j) => (a[j] = x));
    for (let i = 1; i < n; i++) a[i * n + i - 1] = 1;
    const s = matrixSpectrum(a, n, n, 'c', 'companion');
    expectPairs(s.eigenvalues, [[0.5, 0], [-2, 0], [1, 2], [1, -2]], 9);
    expect(s.radius).toBeCloseTo(Math.sqrt(5), 9);
  });

  it('a defective (Jordan) block: λ = 0.9 four times, to the accuracy its conditioning allows', () => {
    const n = 4;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a[i * n + i] = 0.9;
    for (let i = 1; i < n; i++) a[(i - 1) * n + i] = 1;
    const s = matrixSpectrum(a, n, n, 'j', 'Jordan');
    // ε^{1/4} with ε ≈ 1e-16 is ~1e-4: the eigenvalues of a 4 × 4 Jordan block are that ill-conditioned.
    for (const [re, im] of s.eigenvalues!) {
      expect(Math.hypot(re - 0.9, im)).toBeLessThan(1e-3);
    }
    expect(s.radius).toBeCloseTo(0.9, 3);
    // σ_max of a Jordan block exceeds ρ: the transient growth ρ alone does not show.
    expect(s.sigmaMax).toBeGreaterThan(1.5);
    // A 2 × 2 block, exactly upper triangular, comes back exact.
    const j2 = matrixSpectrum([1, 1, 0, 1], 2, 2, 'j2', 'J2');
    expectPairs(j2.eigenvalues, [[1, 0], [1, 0]], 7);
    expect(j2.singularValues[0]).toBeCloseTo((1 + Math.sqrt(5)) / 2, 12);
  });

  it('a non-square matrix: no eigenvalues, no radius, its singular values (wide and tall)', () => {
    // [[3, 0, 0], [0, −4, 0]]: σ = 4, 3.
    const wide = matrixSpectrum([3, 0, 0, 0, -4, 0], 2, 3, 'w', 'wide');
    expect(wide.eigenvalues).toBeNull();
    expect(wide.radius).toBeNull();
    expect(wide.singularValues.map((x) => +x.toFixed(12))).toEqual([4, 3]);
    const tall = matrixSpectrum([3, 0, 0, -4, 0, 0], 3, 2, 't', 'tall');
    expect(tall.eigenvalues).toBeNull();
    expect(tall.singularValues.map((x) => +x.toFixed(12))).toEqual([4, 3]);
    expect(tall.sigmaMax).toBeCloseTo(4, 12);
  });

  it('a scaled random orthogonal matrix: every |λ| and every σ equal the scale', () => {
    const n = 16;
    const rng = createRng(5);
    // Gram–Schmidt on a Gaussian matrix.
    const q: number[][] = [];
    for (let k = 0; k < n; k++) {
      const v = Array.from({ length: n }, () => rng.normal());
      for (const u of q) {
        const d = u.reduce((acc, x, i) => acc + x * v[i], 0);
        for (let i = 0; i < n; i++) v[i] -= d * u[i];
      }
      const nrm = Math.hypot(...v);
      q.push(v.map((x) => x / nrm));
    }
    const s = matrixSpectrum(q.flat().map((x) => 1.1 * x), n, n, 'whh', 'W');
    for (const [re, im] of s.eigenvalues!) expect(Math.hypot(re, im)).toBeCloseTo(1.1, 10);
    for (const v of s.singularValues) expect(v).toBeCloseTo(1.1, 10);
  });

  it('a non-finite entry: NaN throughout instead of an endless QR loop', () => {
    const s = matrixSpectrum([1, NaN, 0, 1], 2, 2, 'x', 'x');
    expect(s.eigenvalues).toHaveLength(2);
    expect(Number.isNaN(s.radius)).toBe(true);
    expect(Number.isNaN(s.sigmaMax)).toBe(true);
    expect(() => matrixSpectrum([1, 2, 3], 2, 2, 'x', 'x')).toThrow();
  });
});

describe('matrixSpectrum agrees with the ρ control’s own eigenvalue code (src/cells/eigen.ts)', () => {
  it('random nonsymmetric matrices, n = 4 … 64: the same ρ to 1e-9', async () => {
    const { spectralRadius } = await import('../../src/cells/eigen');
    for (const [n, seed] of [[4, 1], [16, 2], [33, 3], [64, 4]]) {
      const rng = createRng(seed);
      const a = Float64Array.from({ length: n * n }, () => rng.normal() / Math.sqrt(n));
      expect(matrixSpectrum(a, n, n, 'w', 'w').radius).toBeCloseTo(spectralRadius(a, n), 9);
    }
  });
});
