// The what-if mode's computation (issue 10, item 6): spectra scale with ρ, the Jacobian norms
// follow the definitions (checked against the full product), the block estimate beyond the exact
// lags stays a close lower bound, and ρ moves the curve from decaying to not decaying.
import { describe, expect, it } from 'vitest';
import { computeWhatIf, randomOrthogonal, type WhatIfParams } from '../../src/engine/instruments/whatif';

const base: WhatIfParams = { matrix: 'orthogonal', rho: 0.9, T: 60, H: 16, inputScale: 0.2, seed: 3 };

describe('what-if', () => {
  it('draws a seeded orthogonal Q (QᵀQ = I)', () => {
    const n = 12;
    const q = randomOrthogonal(n, 5);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += q[k * n + i] * q[k * n + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
    expect(Array.from(randomOrthogonal(n, 5))).toEqual(Array.from(q));
  });

  it('sets the spectral radius to ρ for every kind of matrix, and counts the eigenvalues outside the circle', () => {
    for (const matrix of ['orthogonal', 'gaussian', 'identity'] as const) {
      for (const rho of [0.5, 1.5]) {
        const r = computeWhatIf({ ...base, matrix, rho });
        expect(r.spectrum.radius).toBeCloseTo(rho, 6);
        expect(r.spectrum.eigenvalues).toHaveLength(base.H);
        expect(r.outside).toBe(rho < 1 ? 0 : matrix === 'gaussian' ? r.spectrum.eigenvalues!.filter(([a, b]) => Math.hypot(a, b) > 1 + 1e-6).length : base.H);
        if (rho > 1) expect(r.outside).toBeGreaterThan(0);
      }
    }
    // An orthogonal Q: every singular value is ρ.
    const o = computeWhatIf({ ...base, rho: 1.2 });
    for (const s of o.spectrum.singularValues) expect(s).toBeCloseTo(1.2, 8);
  });

  it('‖∂h_T/∂h_T‖ = 1 and the lengths follow T', () => {
    const r = computeWhatIf(base);
    expect(r.jacobians.hSpectral).toHaveLength(base.T + 1);
    expect(r.jacobians.xSpectral).toHaveLength(base.T);
    expect(r.jacobians.hSpectral[base.T]).toBe(1);
  });

  it('the identity at ρ with zero input: ∂h_T/∂h_t = ρ^(T−t)·I exactly (h stays 0, tanh′ = 1)', () => {
    const r = computeWhatIf({ ...base, matrix: 'identity', rho: 0.7, inputScale: 0 }, { exactLags: 10 });
    for (const t of [0, 20, 45, 55, 60]) expect(r.jacobians.hSpectral[t]).toBeCloseTo(Math.pow(0.7, base.T - t), 12);
    // No input: nothing moves the final state.
    expect(Math.max(...r.jacobians.xSpectral)).toBe(0);
  });

  it('beyond the exact lags the block estimate is a lower bound within a factor 2 of the full product', () => {
    for (const rho of [0.5, 1, 1.5]) {
      const p = { ...base, rho, T: 80, H: 24 };
      const est = computeWhatIf(p);
      const exact = computeWhatIf(p, { exactLags: p.T });
      for (let t = 0; t <= p.T; t++) {
        const e = exact.jacobians.hSpectral[t];
        const a = est.jacobians.hSpectral[t];
        expect(a).toBeLessThanOrEqual(e * (1 + 1e-3));
        expect(a).toBeGreaterThanOrEqual(e / 2);
      }
    }
  });

  it('ρ = 0.5 decays with the lag (exponentially); ρ = 1.5 with small inputs does not', () => {
    const lo = computeWhatIf({ ...base, rho: 0.5, T: 200, H: 64 });
    const hi = computeWhatIf({ ...base, rho: 1.5, T: 200, H: 64 });
    expect(lo.jacobians.hSpectral[0]).toBeLessThan(1e-20);
    expect(lo.memory.verdict).toBe('exponential');
    expect(hi.jacobians.hSpectral[0]).toBeGreaterThan(0.1);
  });

  it('keeps underflow as 0 (not NaN, not dropped)', () => {
    const r = computeWhatIf({ ...base, matrix: 'identity', rho: 0.01, inputScale: 0, T: 300 });
    expect(r.jacobians.hSpectral[0]).toBe(0);
    expect(r.jacobians.hSpectral.every((v) => !Number.isNaN(v))).toBe(true);
  });
});
