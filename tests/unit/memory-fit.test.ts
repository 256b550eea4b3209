import { describe, expect, it } from 'vitest';
import { fitInfluence, fitLongMemory } from '../../src/engine/instruments/memory-fit';
import { createRng } from '../../src/engine/rng';

const lags = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** y(lag) with multiplicative log-normal noise exp(σ·ε), seeded. */
function noisy(f: (lag: number) => number, n: number, sigma: number, seed: number): number[] {
  const rng = createRng(seed);
  return lags(n).map((l) => f(l) * Math.exp(sigma * rng.normal()));
}

describe('fitLongMemory', () => {
  it('recovers an exponential decay and calls it exponential', () => {
    for (const [rate, seed] of [[0.05, 1], [0.15, 2], [0.4, 3]] as const) {
      const fit = fitLongMemory(noisy((l) => 2 * Math.exp(-rate * l), 50, 0.1, seed));
      expect(fit.verdict).toBe('exponential');
      expect(fit.exponential.rate).toBeCloseTo(rate, 1);
      expect(Math.abs(fit.exponential.rate - rate) / rate).toBeLessThan(0.1);
      expect(fit.exponential.r2).toBeGreaterThan(fit.powerLaw.r2);
      expect(fit.lags).toHaveLength(50);
    }
  });

  it('recovers a power law and calls it a power law', () => {
    for (const [p, seed] of [[0.5, 4], [1.2, 5], [2.5, 6]] as const) {
      const fit = fitLongMemory(noisy((l) => 3 * l ** -p, 50, 0.1, seed));
      expect(fit.verdict).toBe('power-law');
      expect(Math.abs(fit.powerLaw.exponent - p) / p).toBeLessThan(0.1);
      expect(fit.powerLaw.intercept).toBeCloseTo(Math.log(3), 0);
      expect(fit.powerLaw.r2).toBeGreaterThan(0.9);
    }
  });

  it('exact curves give R² = 1 for their own model', () => {
    const e = fitLongMemory(lags(30).map((l) => Math.exp(-0.2 * l)));
    expect(e.exponential.r2).toBeCloseTo(1, 12);
    expect(e.exponential.rate).toBeCloseTo(0.2, 12);
    const p = fitLongMemory(lags(30).map((l) => l ** -1.5));
    expect(p.powerLaw.r2).toBeCloseTo(1, 12);
    expect(p.powerLaw.exponent).toBeCloseTo(1.5, 12);
  });

  it('is undecided on flat, growing and noise-dominated curves', () => {
    expect(fitLongMemory(lags(40).map(() => 0.7)).verdict).toBe('undecided');
    expect(fitLongMemory(noisy(() => 0.7, 40, 0.1, 7)).verdict).toBe('undecided');
    expect(fitLongMemory(noisy((l) => Math.exp(0.1 * l), 40, 0.05, 8)).verdict).toBe('undecided');
    // A decay far below the noise: neither line explains log y.
    expect(fitLongMemory(noisy((l) => Math.exp(-0.002 * l), 40, 0.3, 9)).verdict).toBe('undecided');
  });

  it('is undecided where the two shapes fit alike (a short span of a slow decay)', () => {
    // Lags 20..40 of a power law: log lag is nearly linear in lag there, so neither wins by the margin.
    const ls = Array.from({ length: 21 }, (_, i) => 20 + i);
    const fit = fitLongMemory(ls.map((l) => l ** -1), ls);
    expect(fit.powerLaw.r2).toBeCloseTo(1, 10);
    expect(fit.exponential.r2).toBeGreaterThan(0.98);
    expect(fit.verdict).toBe('undecided');
  });

  it('on a mix of a fast exponential and a slow power law, the tail decides', () => {
    const fit = fitLongMemory(noisy((l) => Math.exp(-0.5 * l) + 0.05 * l ** -0.8, 60, 0.05, 10));
    // Both lines fit poorly through the knee; whatever is said, it is not 'exponential'.
    expect(fit.verdict).not.toBe('exponential');
    // Far past the knee, over more than a decade of lags, the power law is the straight line.
    const tail = Array.from({ length: 60 }, (_, i) => Math.round(20 * 1.06 ** i));
    const tailFit = fitLongMemory(tail.map((l) => Math.exp(-0.5 * l) + 0.05 * l ** -0.8), tail);
    expect(tailFit.verdict).toBe('power-law');
    expect(tailFit.powerLaw.exponent).toBeCloseTo(0.8, 1);
  });

  it('skips non-finite and non-positive values and says too-short under 8 usable points', () => {
    const ys = lags(12).map((l) => Math.exp(-0.3 * l));
    ys[2] = 0;
    ys[4] = NaN;
    ys[6] = Infinity;
    ys[8] = -1;
    ys[10] = 0;
    const fit = fitLongMemory(ys);
    expect(fit.lags).toEqual([1, 2, 4, 6, 8, 10, 12]);
    expect(fit.verdict).toBe('too-short');
    ys[2] = Math.exp(-0.9);
    const ok = fitLongMemory(ys);
    expect(ok.lags).toHaveLength(8);
    expect(ok.verdict).toBe('exponential');
    expect(ok.exponential.rate).toBeCloseTo(0.3, 10);
    expect(fitLongMemory([]).verdict).toBe('too-short');
    expect(fitLongMemory(lags(7).map((l) => l ** -1)).verdict).toBe('too-short');
  });

  it('drops lags ≤ 0 and rejects mismatched lengths', () => {
    const fit = fitLongMemory([1, 1, 0.5, 0.25], [0, -1, 1, 2]);
    expect(fit.lags).toEqual([1, 2]);
    expect(() => fitLongMemory([1, 2], [1])).toThrow();
  });
});

describe('fitInfluence', () => {
  it('puts ‖∂h_T/∂x_t‖ (index t − 1) at lag T − t and leaves lag 0 out', () => {
    const T = 30;
    // x_t's influence at lag T − t decays as 0.8^lag.
    const xs = Array.from({ length: T }, (_, i) => 0.8 ** (T - (i + 1)));
    const fit = fitInfluence(xs);
    expect(fit.lags).toHaveLength(T - 1);
    expect(fit.lags[0]).toBe(T - 1);
    expect(fit.lags.at(-1)).toBe(1);
    expect(fit.verdict).toBe('exponential');
    expect(fit.exponential.rate).toBeCloseTo(-Math.log(0.8), 10);
  });
});
