// The instrument views' pure helpers: where non-finite values go, the complex plane's extent, the
// count outside the unit circle, the fitted curves, the words on a gate histogram and the memory summary.
import { describe, expect, it } from 'vitest';
import { complexExtent, countOutside, fitCurves, formatPercent, logExtent, logSlope, placePoints, pointKind, valuesAttr } from '../../src/views/instrument-scales';
import { saturationText } from '../../src/views/gate-histogram';
import { memorySummary } from '../../src/views/memory-view';
import { clipSeries } from '../../src/views/clip-chart';
import { fitLongMemory } from '../../src/engine/instruments/memory-fit';
import { matrixSpectrum } from '../../src/engine/instruments/matrix-spectrum';

describe('instrument view helpers', () => {
  it('classifies every value: 0 → bottom edge, Infinity → top edge, NaN → hollow; none dropped', () => {
    const v = [1, 0, Infinity, NaN, 1e-300, -Infinity];
    expect(v.map(pointKind)).toEqual(['finite', 'zero', 'inf', 'nan', 'finite', 'zero']);
    const pts = placePoints(v, 1);
    expect(pts).toHaveLength(v.length);
    expect(pts.map((p) => p.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(placePoints([3, 4], 0, [10, 20]).map((p) => p.x)).toEqual([10, 20]);
    expect(valuesAttr([1, 0, Infinity, NaN, 0.123456])).toBe('1.000,0,Infinity,NaN,0.1235');
  });

  it('log slope and log extent ignore what a log axis cannot show', () => {
    expect(logSlope([1, 0, NaN, Math.E ** 3])).toBeCloseTo(1, 12);
    expect(logSlope([0, NaN])).toBeNaN();
    const [lo, hi] = logExtent([0, 1e-3, 1e2, Infinity, NaN]);
    expect(lo).toBeLessThan(1e-3);
    expect(hi).toBeGreaterThan(1e2);
    expect(hi).toBeLessThan(1e3);
  });

  it('spectrum of known matrices: a rotation sits on the circle, a scaled one leaves it', () => {
    const th = 0.3;
    const rot = [Math.cos(th), -Math.sin(th), Math.sin(th), Math.cos(th)];
    const s = matrixSpectrum(rot, 2, 2, 'whh', 'R');
    expect(countOutside(s.eigenvalues)).toBe(0);
    expect(complexExtent(s.eigenvalues)).toBeCloseTo(1.12, 10);
    const big = matrixSpectrum(rot.map((x) => 1.5 * x), 2, 2, 'whh', '1.5R');
    expect(countOutside(big.eigenvalues)).toBe(2);
    expect(complexExtent(big.eigenvalues)).toBeGreaterThan(1.5 * Math.cos(th));
    // Diagonal diag(2, 0.5, −0.2): one outside; σ_max = 2.
    const d = matrixSpectrum([2, 0, 0, 0, 0.5, 0, 0, 0, -0.2], 3, 3, 'whh', 'D');
    expect(countOutside(d.eigenvalues)).toBe(1);
    expect(d.sigmaMax).toBeCloseTo(2, 10);
    expect(countOutside(null)).toBe(0);
  });

  it('fit curves pass through the fitted lines; the summary names both R², the rate r and exponent p, and the verdict', () => {
    const lags = Array.from({ length: 40 }, (_, i) => i + 1);
    const exp = fitLongMemory(lags.map((l) => 3 * Math.exp(-0.2 * l)), lags);
    const c = fitCurves(exp, [1, 10]);
    expect(c.exponential[1][1]).toBeCloseTo(3 * Math.exp(-2), 8);
    const labels = {
      linear: '', loglog: '', lag: '', exponential: 'exp', powerLaw: 'pow',
      verdict: { exponential: 'short', 'power-law': 'long', undecided: '?', 'too-short': 'few' },
    };
    expect(memorySummary({ fit: exp }, labels)).toMatch(/^exp R² = 1\.000, r = 0\.200 · pow R² = 0\.\d{3}, p = \d\.\d{3} → short$/);
    const pow = fitLongMemory(lags.map((l) => 2 * Math.pow(l, -1.5)), lags);
    expect(memorySummary({ fit: pow }, labels)).toMatch(/→ long$/);
    expect(memorySummary({ fit: fitLongMemory([1, 2], [1, 2]) }, labels)).toBe('few');
    expect(fitCurves(fitLongMemory([1, 2], [1, 2]), [1, 2]).exponential).toEqual([]);
  });

  it('writes the saturated fractions on a gate histogram', () => {
    expect(saturationText({ below: 0.123, above: 0.3 })).toBe('< 0.1: 12% · > 0.9: 30%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.05)).toBe('5%');
  });

  it('clip points become series over the reported steps, σ_max only where singular-value clipping reported it', () => {
    const s = clipSeries([
      { step: 5, raw: 3, clipped: 1 },
      { step: 2, raw: 0.5, clipped: 0.5, svBefore: 1.4, svAfter: 1.2 },
    ]);
    expect(s.steps).toEqual([2, 5]);
    expect(s.raw).toEqual([0.5, 3]);
    expect(s.clipped).toEqual([0.5, 1]);
    expect(s.svSteps).toEqual([2]);
    expect(s.svBefore).toEqual([1.4]);
  });
});
